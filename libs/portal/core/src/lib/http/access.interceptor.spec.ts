import { HttpClient, type HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideApiClient } from '@aidial/portal/api-client';
import { firstValueFrom } from 'rxjs';
import { SESSION_LIFETIME_CHANNEL, SessionLifetime } from '../session/session-lifetime';
import { SessionStore } from '../session/session.store';
import { StepUp } from '../session/step-up';
import { accessInterceptor } from './access.interceptor';

@Component({ template: '' })
class AnyPage {}

const envelope = (code: string, extra: object = {}) => ({ code, message: 'A sentence.', request_id: 'r-1', ...extra });
const sessionFor = (role: string) => ({
  user: { display_name: 'Someone', email: 'someone@example.com' },
  role,
  tenant: { id: 't-1', name: 'Tenant', kind: 'customer', status: 'active' },
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  expires_at: '2999-01-01T00:00:00Z',
});

describe('accessInterceptor', () => {
  let http: HttpTestingController;
  let router: Router;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: AnyPage }]),
        provideHttpClient(withInterceptors([accessInterceptor])),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
        { provide: SESSION_LIFETIME_CHANNEL, useValue: null },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    await router.navigateByUrl('/calls?page=2');
    navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  /** Sends a request through the interceptor, answers it, and returns what reached the caller. */
  async function answer(
    request: { method?: string; url: string },
    status: number,
    body: object | string,
  ): Promise<HttpErrorResponse> {
    const caller = firstValueFrom(TestBed.inject(HttpClient).request(request.method ?? 'GET', request.url));
    http.expectOne(request.url).flush(body, { status, statusText: String(status) });
    return caller.then(
      () => {
        throw new Error('expected an error answer');
      },
      (error: HttpErrorResponse) => error,
    );
  }

  async function signedInAs(role: string): Promise<void> {
    const loaded = TestBed.inject(SessionStore).ensureLoaded();
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/session').flush(sessionFor(role));
    await loaded;
  }

  /** The GET /api/session an mfa_required answer starts, answered for `role`. */
  async function sessionReadAgain(role: string, extra: object = {}): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/session').flush({ ...sessionFor(role), ...extra });
    await new Promise((resolve) => setTimeout(resolve));
  }

  function navigatedTo(): { url: string; options: unknown } | undefined {
    if (navigate.mock.calls.length === 0) return undefined;
    expect(navigate).toHaveBeenCalledTimes(1);
    const [target, options] = navigate.mock.calls[0];
    return { url: router.serializeUrl(target), options };
  }

  it('sends a 401 to the sign-in page saying the session ended, with the current page as the return path, and forgets the session', async () => {
    await signedInAs('client_staff');
    const ended = jest.spyOn(TestBed.inject(SessionLifetime), 'ended');
    await answer({ url: '/api/calls' }, 401, envelope('unauthenticated'));

    expect(navigatedTo()).toEqual({
      url: '/sign-in?session_ended=1&return_to=%2Fcalls%3Fpage%3D2',
      options: { replaceUrl: true },
    });
    expect(TestBed.inject(SessionStore).session()).toBeNull();
    expect(ended).toHaveBeenCalled();
  });

  it('keeps the return path when two requests of a page answer 401 at once', async () => {
    navigate.mockRestore();
    const first = answer({ url: '/api/sessions' }, 401, envelope('unauthenticated'));
    const second = answer({ url: '/api/sessions/ended' }, 401, envelope('unauthenticated'));
    await Promise.all([first, second]);
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/sign-in?session_ended=1&return_to=%2Fcalls%3Fpage%3D2');
  });

  it.each([
    { answer: 'a 200', url: '/api/calls', status: 200 },
    { answer: 'a 403', url: '/api/calls', status: 403 },
    { answer: 'the session check (its own reader otherwise)', url: '/api/session', status: 200 },
  ])("hands $answer's session lifetime headers to SessionLifetime", async ({ url, status }) => {
    const observe = jest.spyOn(TestBed.inject(SessionLifetime), 'observe');
    const caller = firstValueFrom(TestBed.inject(HttpClient).get(url)).catch(() => undefined);
    http.expectOne(url).flush(status === 200 ? {} : envelope('insufficient_role'), {
      status,
      statusText: String(status),
      headers: { 'X-Session-Idle-Expires-In': '1800', 'X-Session-Absolute-Expires-In': '28000' },
    });
    await caller;
    expect(observe).toHaveBeenCalledWith(1800, 28000);
  });

  it('reads no lifetime from another origin', async () => {
    const observe = jest.spyOn(TestBed.inject(SessionLifetime), 'observe');
    const caller = firstValueFrom(TestBed.inject(HttpClient).get('https://elsewhere.example/api/calls'));
    http
      .expectOne('https://elsewhere.example/api/calls')
      .flush({}, { headers: { 'X-Session-Idle-Expires-In': '1', 'X-Session-Absolute-Expires-In': '1' } });
    await caller;
    expect(observe).not.toHaveBeenCalled();
  });

  it.each([
    { answer: '403 access_denied', status: 403, code: 'access_denied', reason: 'role_not_recognised' },
    { answer: '403 tenant_suspended', status: 403, code: 'tenant_suspended', reason: 'tenant_suspended' },
    {
      answer: '503 session_validation_unavailable',
      status: 503,
      code: 'session_validation_unavailable',
      reason: 'session_validation_unavailable',
    },
  ])('sends $answer to the access-denied page ($reason)', async ({ status, code, reason }) => {
    await answer({ url: '/api/calls' }, status, envelope(code));
    expect(navigatedTo()).toEqual({ url: `/access-denied?reason=${reason}`, options: { replaceUrl: true } });
  });

  it.each([
    ['client_staff', '/settings'],
    ['partner_admin', '/settings'],
    ['aidial_operator', '/admin/profile'],
  ])('sends %s to %s on 403 mfa_required', async (role, path) => {
    await signedInAs(role);
    await answer({ url: '/api/calls' }, 403, envelope('mfa_required'));
    expect(navigatedTo()).toEqual({ url: path, options: {} });
    await sessionReadAgain(role);
  });

  it('follows the remediation path an mfa_required answer names', async () => {
    await answer({ url: '/api/calls' }, 403, envelope('mfa_required', { remediation_path: '/settings/security' }));
    expect(navigatedTo()?.url).toBe('/settings/security');
    await sessionReadAgain('partner_admin');
  });

  it('reads the session again on mfa_required, so the route guard sees the new MFA state', async () => {
    await signedInAs('partner_admin');
    await answer({ url: '/api/calls' }, 403, envelope('mfa_required', { remediation_path: '/settings' }));
    const mfa = { policy: 'required', compliant: false, remediation_path: '/settings' };
    await sessionReadAgain('partner_admin', { mfa });
    expect(TestBed.inject(SessionStore).session()?.mfa).toEqual(mfa);
  });

  it('does not send a remediation page to itself when its own call answers mfa_required', async () => {
    navigate.mockRestore();
    await router.navigateByUrl('/settings');
    navigate = jest.spyOn(router, 'navigateByUrl');
    await answer({ url: '/api/settings/profile' }, 403, envelope('mfa_required'));
    expect(navigatedTo()).toBeUndefined();
    await sessionReadAgain('partner_admin');
  });

  it("shows the not-found page for a 404 on a page's data, keeping the address", async () => {
    await answer({ url: '/api/calls/42' }, 404, envelope('not_found'));
    expect(navigatedTo()).toEqual({ url: '/not-found', options: { browserUrl: '/calls?page=2' } });
  });

  it('leaves a 404 answering a change to the page', async () => {
    await answer({ method: 'DELETE', url: '/api/calls/42' }, 404, envelope('not_found'));
    expect(navigatedTo()).toBeUndefined();
  });

  it('redirects from the other /api/auth endpoints like any other (SMS enrolment is a page action)', async () => {
    await answer({ method: 'POST', url: '/api/auth/mfa-sms-enrol' }, 401, envelope('unauthenticated'));
    expect(navigatedTo()?.url).toBe('/sign-in?session_ended=1&return_to=%2Fcalls%3Fpage%3D2');
  });

  it('still hands the error to the caller', async () => {
    const error = await answer({ url: '/api/calls' }, 403, envelope('tenant_suspended'));
    expect(error.status).toBe(403);
    expect(error.error).toEqual(envelope('tenant_suspended'));
  });

  it.each([
    { answer: '400 validation_failed', status: 400, code: 'validation_failed' },
    { answer: '403 csrf_failed', status: 403, code: 'csrf_failed' },
    { answer: '429 rate_limited', status: 429, code: 'rate_limited' },
    { answer: '500 internal_error', status: 500, code: 'internal_error' },
  ])('leaves $answer to the page', async ({ status, code }) => {
    await answer({ method: 'POST', url: '/api/calls' }, status, envelope(code));
    expect(navigatedTo()).toBeUndefined();
  });

  it.each([
    { request: 'the session check (its guard knows the page being opened)', url: '/api/session', status: 401 },
    { request: 'the start of a sign-in (the sign-in page shows it)', url: '/api/auth/login?email=x', status: 401 },
    { request: 'sign-out', method: 'POST', url: '/api/auth/logout', status: 401 },
    { request: 'the readiness check (the Status page shows it)', url: '/health/ready', status: 503 },
    { request: 'another origin', url: 'https://elsewhere.example/api/calls', status: 401 },
  ])('does not redirect from $request', async ({ method, url, status }) => {
    await answer({ method, url }, status, envelope(status === 401 ? 'unauthenticated' : 'service_unavailable'));
    expect(navigatedTo()).toBeUndefined();
  });

  it('asks to sign in again, to come back to this page, when a change answers 403 reauthentication_required', async () => {
    const request = jest.spyOn(TestBed.inject(StepUp), 'request').mockResolvedValue('declined');
    const error = await answer(
      { method: 'POST', url: '/api/integrations/keys' },
      403,
      envelope('reauthentication_required'),
    );
    expect(request).toHaveBeenCalledWith('/calls?page=2');
    expect(navigatedTo()).toBeUndefined();
    // The page still gets the answer, and shows its sentence if the user says no.
    expect(error.error).toEqual(envelope('reauthentication_required'));
  });

  it('does not ask for any other 403', async () => {
    const request = jest.spyOn(TestBed.inject(StepUp), 'request');
    await answer({ method: 'POST', url: '/api/integrations/keys' }, 403, envelope('insufficient_role'));
    expect(request).not.toHaveBeenCalled();
  });
});
