import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type MfaSummaryDto, provideApiClient } from '@aidial/portal/api-client';
import { BROWSER_LOCATION } from '@aidial/portal/core';
import { MfaSummaryStore, PROVIDER_TAB, rateLimitMessage } from './mfa-summary.store';

/** Lets the generated client's async request preparation reach HttpClient. */
const requestIssued = () => new Promise((resolve) => setTimeout(resolve));

function summary(overrides: Partial<MfaSummaryDto> = {}): MfaSummaryDto {
  return {
    display_name: 'Oliver Bennett',
    email: 'oliver.bennett@northwind.example',
    role: 'partner_admin',
    policy: 'required',
    required_by: 'role',
    enrolment: 'enrolled',
    challenge: 'satisfied',
    allowed_factors: ['authenticator_app', 'recovery_code'],
    used_factors: ['authenticator_app'],
    security_status: 'satisfied',
    lacking: null,
    compliant: true,
    remediation_path: '/settings',
    last_refreshed_at: '2026-11-23T10:00:00Z',
    lifecycle: { marker: 'marker-1', recovery_codes: 'ack_required' },
    actions: ['open_setup', 'refresh_status', 'store_recovery_codes'],
    setup_unavailable: false,
    management_unavailable: false,
    sms_otp_available: false,
    ...overrides,
  };
}

function setUp() {
  const opened: string[] = [];
  const assigned: string[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideApiClient({ baseUrl: '' }),
      MfaSummaryStore,
      { provide: PROVIDER_TAB, useValue: { open: (url: string) => opened.push(url) } },
      { provide: BROWSER_LOCATION, useValue: { assign: (url: string) => assigned.push(url) } },
    ],
  });
  return {
    store: TestBed.inject(MfaSummaryStore),
    http: TestBed.inject(HttpTestingController),
    opened,
    assigned,
  };
}

async function loaded(overrides: Partial<MfaSummaryDto> = {}) {
  const setup = setUp();
  const loading = setup.store.load();
  await requestIssued();
  setup.http.expectOne('/api/mfa/summary').flush(summary(overrides));
  await loading;
  return setup;
}

describe('MfaSummaryStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('loads the summary', async () => {
    const { store } = await loaded();
    expect(store.state()).toEqual({ kind: 'loaded', summary: summary() });
  });

  it('keeps the problem when the summary cannot be read', async () => {
    const { store, http } = setUp();
    const loading = store.load();
    await requestIssued();
    http
      .expectOne('/api/mfa/summary')
      .flush(
        { code: 'service_unavailable', message: 'Down.', request_id: 'r-1' },
        { status: 503, statusText: 'Unavailable' },
      );
    await loading;
    expect(store.state()).toMatchObject({ kind: 'error', problem: { message: 'Down.', requestId: 'r-1' } });
  });

  it('opens MFA setup in a new tab with the URL the server gives', async () => {
    const { store, http, opened } = await loaded();
    const opening = store.openSetup();
    await requestIssued();
    const request = http.expectOne('/api/mfa/setup');
    expect(request.request.method).toBe('POST');
    request.flush({ url: 'https://idp.example/ui/v2/login/mfa/set?login_hint=o%40n.example' });
    await opening;
    expect(opened).toEqual(['https://idp.example/ui/v2/login/mfa/set?login_hint=o%40n.example']);
    expect(store.notice()?.tone).toBe('success');
    expect(store.busy()).toBeNull();
  });

  it('sends the window to the re-authentication URL to refresh the security status', async () => {
    const { store, http, assigned, opened } = await loaded();
    const refreshing = store.refreshStatus();
    await requestIssued();
    http
      .expectOne('/api/mfa/refresh')
      .flush({ authorization_url: 'https://idp.example/oauth/v2/authorize?prompt=login' });
    await refreshing;
    expect(assigned).toEqual(['https://idp.example/oauth/v2/authorize?prompt=login']);
    expect(opened).toEqual([]);
  });

  it('opens provider MFA management only after the server answered the launch', async () => {
    const { store, http, opened } = await loaded({ policy: 'optional', actions: ['refresh_status', 'open_disable'] });
    const opening = store.openDisable();
    await requestIssued();
    expect(opened).toEqual([]);
    http.expectOne('/api/mfa/disable').flush({ url: 'https://idp.example/ui/console/users/me' });
    await opening;
    expect(opened).toEqual(['https://idp.example/ui/console/users/me']);
  });

  it.each([
    ['store_recovery_codes', '/api/mfa/recovery-codes/stored'],
    ['review_recovery_codes', '/api/mfa/recovery-codes/reviewed'],
    ['regenerate_recovery_codes', '/api/mfa/recovery-codes/regenerated'],
  ] as const)('%s sends the current marker to %s and reads the summary again', async (action, url) => {
    const { store, http } = await loaded();
    const acknowledging = store.acknowledge(action);
    await requestIssued();
    const request = http.expectOne(url);
    expect(request.request.body).toEqual({ marker: 'marker-1' });
    request.flush({ lifecycle: { marker: 'marker-2', recovery_codes: 'acknowledged' } });
    await requestIssued();
    http
      .expectOne('/api/mfa/summary')
      .flush(
        summary({ lifecycle: { marker: 'marker-2', recovery_codes: 'acknowledged' }, actions: ['refresh_status'] }),
      );
    await acknowledging;
    expect(store.state()).toMatchObject({ summary: { lifecycle: { recovery_codes: 'acknowledged' } } });
    expect(store.notice()?.tone).toBe('success');
  });

  it.each(['mfa_lifecycle_stale', 'mfa_action_unavailable'])(
    'on 409 %s refreshes the summary and says so',
    async (code) => {
      const { store, http } = await loaded();
      const acknowledging = store.acknowledge('store_recovery_codes');
      await requestIssued();
      http
        .expectOne('/api/mfa/recovery-codes/stored')
        .flush(
          { code, message: 'Your security status changed.', request_id: 'r-9' },
          { status: 409, statusText: 'Conflict' },
        );
      await requestIssued();
      http
        .expectOne('/api/mfa/summary')
        .flush(summary({ lifecycle: { marker: 'marker-3', recovery_codes: 'reminder' }, actions: ['refresh_status'] }));
      await acknowledging;
      expect(store.state()).toMatchObject({ summary: { lifecycle: { marker: 'marker-3' } } });
      expect(store.notice()).toMatchObject({ tone: 'error', requestId: 'r-9' });
      expect(store.notice()?.message).toContain('Your security status changed.');
    },
  );

  it('sends no acknowledgement without a marker, and reads the summary again', async () => {
    const { store, http } = await loaded({ lifecycle: { marker: null, recovery_codes: 'none' } });
    const acknowledging = store.acknowledge('store_recovery_codes');
    await requestIssued();
    http.expectOne('/api/mfa/summary').flush(summary());
    await acknowledging;
    expect(store.state()).toMatchObject({ summary: { lifecycle: { marker: 'marker-1' } } });
    expect(store.notice()?.tone).toBe('error');
  });

  it('on 429 says when to try again, from Retry-After', async () => {
    const { store, http, opened } = await loaded();
    const opening = store.openSetup();
    await requestIssued();
    http
      .expectOne('/api/mfa/setup')
      .flush(
        { code: 'rate_limited', message: 'Too many requests. Try again later.', request_id: 'r-4' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '42' } },
      );
    await opening;
    expect(opened).toEqual([]);
    expect(store.notice()).toEqual({
      tone: 'error',
      message: 'Too many security actions in a short time. Try again in 42 seconds.',
      requestId: 'r-4',
    });
  });
});

describe('rateLimitMessage', () => {
  it('says the wait in minutes when it is a minute or more, and "a minute" when the server gave none', () => {
    expect(rateLimitMessage(61)).toBe('Too many security actions in a short time. Try again in 2 minutes.');
    expect(rateLimitMessage(null)).toBe('Too many security actions in a short time. Try again in a minute.');
  });
});
