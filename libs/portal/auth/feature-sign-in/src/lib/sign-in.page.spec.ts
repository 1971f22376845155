import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { BROWSER_LOCATION } from '@aidial/portal/core';
import { SIGN_IN_ROUTES } from './sign-in.routes';

const AUTHORIZATION_URL = 'http://127.0.0.1:4011/oauth/v2/authorize?login_hint=amelia.hart%40acme-health.example';

/** The query string the request was sent with (the generated client puts it in the URL). */
const query = (request: TestRequest) => new URL(request.request.urlWithParams, 'http://portal.test').searchParams;

/** Lets the store's async work and the client's request preparation run, then renders. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('SignInPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const assign = jest.fn<void, [string]>();

  async function open(url: string) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'sign-in', loadChildren: () => SIGN_IN_ROUTES }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
        { provide: BROWSER_LOCATION, useValue: { assign } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(url);
  }

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const input = () => page().querySelector('input[type="email"]') as HTMLInputElement;
  const button = () => page().querySelector('button[type="submit"]') as HTMLButtonElement;
  const fieldError = () => page().querySelector('#sign-in-email-problem')?.textContent?.trim();
  const notice = (role: 'status' | 'alert') => page().querySelector(`[role="${role}"]`)?.textContent?.trim();

  async function submit(email: string) {
    input().value = email;
    input().dispatchEvent(new Event('input'));
    button().click();
    await settle();
    harness.detectChanges();
  }

  function loginRequest() {
    return http.expectOne(
      (request) => new URL(request.urlWithParams, 'http://portal.test').pathname === '/api/auth/login',
    );
  }

  it('asks for the email in a labelled field, with a Continue button', async () => {
    await open('/sign-in');

    expect(page().querySelector('h1')?.textContent).toBe('Sign in');
    expect(TestBed.inject(Title).getTitle()).toBe('Sign in');
    const label = page().querySelector(`label[for="${input().id}"]`);
    expect(label?.textContent?.trim()).toBe('Email');
    expect(input().getAttribute('autocomplete')).toBe('username');
    expect(button().textContent?.trim()).toBe('Continue');
    expect(page().querySelector('nav')).toBeNull();
  });

  it.each([
    { typed: 'nothing', email: '  ', message: 'Enter your email address.' },
    { typed: 'no @', email: 'amelia.hart', message: 'Enter an email address in the format name@example.com.' },
    { typed: 'no domain dot', email: 'amelia@acme', message: 'Enter an email address in the format name@example.com.' },
    {
      typed: 'a space',
      email: 'amelia hart@acme.example',
      message: 'Enter an email address in the format name@example.com.',
    },
  ])('with $typed, says what is wrong, moves focus to the field and sends nothing', async ({ email, message }) => {
    await open('/sign-in');
    await submit(email);

    expect(fieldError()).toBe(message);
    expect(document.activeElement).toBe(input());
    expect(input().getAttribute('aria-invalid')).toBe('true');
    const describedBy = input().getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(describedBy).toContain('sign-in-email-problem');
    // The field's message sits in a polite live region, so it is read out when it appears.
    expect(page().querySelector('#sign-in-email-problem')?.closest('[aria-live="polite"]')).not.toBeNull();
    http.expectNone(() => true);
  });

  it('after a refused attempt, follows what is typed: a corrected address clears the message', async () => {
    await open('/sign-in');
    expect(fieldError()).toBeUndefined();
    await submit('amelia.hart');
    expect(fieldError()).toBe('Enter an email address in the format name@example.com.');

    input().value = '';
    input().dispatchEvent(new Event('input'));
    harness.detectChanges();
    expect(fieldError()).toBe('Enter your email address.');

    input().value = 'amelia.hart@acme-health.example';
    input().dispatchEvent(new Event('input'));
    harness.detectChanges();
    expect(fieldError()).toBeUndefined();
    expect(input().hasAttribute('aria-invalid')).toBe(false);
    expect(input().hasAttribute('aria-describedby')).toBe(false);
    http.expectNone(() => true);
  });

  it('sends the email and the return path, then goes to the identity provider', async () => {
    await open('/sign-in?return_to=%2Fstatus');
    await submit(' amelia.hart@acme-health.example ');

    const request = loginRequest();
    expect(query(request).get('email')).toBe('amelia.hart@acme-health.example');
    expect(query(request).get('return_to')).toBe('/status');
    expect(button().disabled).toBe(true);
    expect(button().textContent?.trim()).toBe('Continuing…');

    request.flush({ authorization_url: AUTHORIZATION_URL });
    await settle();
    expect(assign).toHaveBeenCalledWith(AUTHORIZATION_URL);
  });

  it.each(['//evil.example', 'https://evil.example/', '/sign-in'])('drops the return path %s', async (returnTo) => {
    await open(`/sign-in?return_to=${encodeURIComponent(returnTo)}`);
    await submit('amelia.hart@acme-health.example');

    const request = loginRequest();
    expect(query(request).has('return_to')).toBe(false);
    request.flush({ authorization_url: AUTHORIZATION_URL });
    await settle();
  });

  it("shows the API's field error from a 400 validation_failed on the field, and moves focus there", async () => {
    await open('/sign-in');
    await submit('amelia.hart@acme-health.example');

    loginRequest().flush(
      {
        code: 'validation_failed',
        message: 'Some fields are not valid.',
        request_id: 'r-1',
        fields: [{ field: 'email', message: 'email must be an email' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    harness.detectChanges();

    expect(fieldError()).toBe('email must be an email');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input());
    expect(button().disabled).toBe(false);
    expect(assign).not.toHaveBeenCalled();

    // Typing replaces the API's word with the page's own check of the new address.
    input().value = 'amelia.hart@acme-health.exampl';
    input().dispatchEvent(new Event('input'));
    harness.detectChanges();
    expect(fieldError()).toBeUndefined();
  });

  it('announces that the sign-in service is unavailable, and lets the user try again', async () => {
    await open('/sign-in');
    await submit('amelia.hart@acme-health.example');

    const message =
      'The sign-in service is temporarily unavailable. Try again shortly. If the issue persists, contact AiDial support.';
    loginRequest().flush(
      { code: 'identity_provider_unavailable', message, request_id: 'r-1' },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await settle();
    harness.detectChanges();

    expect(notice('alert')).toBe(message);
    expect(button().disabled).toBe(false);
    expect(assign).not.toHaveBeenCalled();
  });

  it('says the session ended, and keeps the page to return to for the sign-in', async () => {
    await open('/sign-in?session_ended=1&return_to=%2Fsettings%2Fsessions');
    expect(notice('status')).toBe('Your session ended. Sign in to continue.');
    expect(notice('alert')).toBeUndefined();

    await submit('amelia.hart@acme-health.example');
    const request = loginRequest();
    expect(query(request).get('return_to')).toBe('/settings/sessions');
    request.flush({ authorization_url: AUTHORIZATION_URL });
    await settle();
  });

  it('confirms a sign-out', async () => {
    await open('/sign-in?signed_out=1');
    expect(notice('status')).toBe('You have signed out.');
    expect(notice('alert')).toBeUndefined();
  });

  it.each([
    [
      'provider_denied',
      'The identity provider did not complete the sign-in. Enter your email to start again, or contact your administrator.',
    ],
    // ZITADEL never sends a lock back to the application: an old link's reason reads as a failed sign-in.
    ['account_locked', 'We could not complete your sign-in. Please try again.'],
    [
      'provider_unavailable',
      'The sign-in service is temporarily unavailable. Try again shortly. If the issue persists, contact AiDial support.',
    ],
    ['sign_in_failed', 'We could not complete your sign-in. Please try again.'],
    ['session_expired', 'Your session has expired. Sign in again to continue.'],
    ['something_new', 'We could not complete your sign-in. Please try again.'],
  ])('explains ?error=%s', async (reason, message) => {
    await open(`/sign-in?error=${reason}`);
    expect(notice('alert')).toBe(message);
  });
});
