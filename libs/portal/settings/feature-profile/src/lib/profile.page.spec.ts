import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type MfaSummaryDto, provideApiClient } from '@aidial/portal/api-client';
import { PROVIDER_TAB } from '@aidial/portal/mfa/data-access';
import { ADMIN_PROFILE_ROUTES, SETTINGS_ROUTES } from './profile.routes';

const requestIssued = () => new Promise((resolve) => setTimeout(resolve));
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

function summary(overrides: Partial<MfaSummaryDto> = {}): MfaSummaryDto {
  return {
    display_name: 'Oliver Bennett',
    email: 'oliver.bennett@northwind.example',
    role: 'partner_admin',
    policy: 'required',
    required_by: 'role',
    enrolment: 'not_enrolled',
    challenge: 'required',
    allowed_factors: [],
    used_factors: [],
    security_status: 'required',
    lacking: 'not_enrolled',
    compliant: false,
    remediation_path: '/settings',
    last_refreshed_at: '2026-11-23T10:00:00Z',
    lifecycle: { marker: null, recovery_codes: 'none' },
    actions: ['open_setup', 'refresh_status'],
    setup_unavailable: false,
    management_unavailable: false,
    sms_otp_available: false,
    ...overrides,
  };
}

async function open(url: string, answer: { body: object; status?: number }) {
  const opened: string[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideRouter([
        { path: 'settings', children: SETTINGS_ROUTES },
        { path: 'admin/profile', children: ADMIN_PROFILE_ROUTES },
      ]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideApiClient({ baseUrl: '' }),
      { provide: PROVIDER_TAB, useValue: { open: (opening: string) => opened.push(opening) } },
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  const http = TestBed.inject(HttpTestingController);
  await requestIssued();
  http
    .expectOne('/api/mfa/summary')
    .flush(answer.body, { status: answer.status ?? 200, statusText: String(answer.status ?? 200) });
  const settle = async () => {
    await requestIssued();
    harness.detectChanges();
    await harness.fixture.whenStable();
  };
  await settle();
  return { harness, http, opened, settle, page: harness.routeNativeElement as HTMLElement };
}

describe('ProfilePage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it.each([
    ['/settings', 'Settings'],
    ['/admin/profile', 'Profile'],
  ])('%s is the Profile section under the heading %s', async (url, heading) => {
    const { page } = await open(url, { body: summary({ compliant: true, lacking: null }) });
    expect([...page.querySelectorAll('h1')].map(text)).toEqual([heading]);
    expect(text(page.querySelector('aidial-mfa-profile-summary'))).toContain('oliver.bennett@northwind.example');
  });

  it('explains why a non-compliant session was sent here, with the fixing action first', async () => {
    const { page } = await open('/settings', { body: summary() });
    const notice = page.querySelector('aidial-mfa-remediation-notice');
    expect(text(notice)).toContain('Your role, Partner Administrator, requires multi-factor authentication.');
    expect(text(notice?.querySelector('button'))).toBe('Open MFA setup');
    // The notice's actions are not repeated below.
    expect([...(page.querySelector('aidial-mfa-actions')?.querySelectorAll('button') ?? [])]).toEqual([]);
  });

  it('shows no remediation notice to a compliant session', async () => {
    const { page } = await open('/settings', {
      body: summary({ enrolment: 'enrolled', challenge: 'satisfied', compliant: true, lacking: null }),
    });
    expect(page.querySelector('aidial-mfa-remediation-notice')).toBeNull();
    expect([...page.querySelectorAll('aidial-mfa-actions button')].map(text)).toEqual([
      'Open MFA setup',
      'Refresh security status',
    ]);
  });

  it('opens MFA setup in a new tab and says what to do next', async () => {
    const { page, http, opened, settle } = await open('/settings', { body: summary() });
    (page.querySelector('aidial-mfa-remediation-notice button') as HTMLButtonElement).click();
    await requestIssued();
    http.expectOne('/api/mfa/setup').flush({ url: 'https://idp.example/ui/v2/login/mfa/set' });
    await settle();
    expect(opened).toEqual(['https://idp.example/ui/v2/login/mfa/set']);
    expect(text(page.querySelector('[role="status"]'))).toContain('MFA setup opened in a new tab.');
  });

  it('links the profile update request to Support for customer and partner roles, and not for internal ones', async () => {
    const customer = await open('/settings', { body: summary({ compliant: true, lacking: null }) });
    expect(customer.page.querySelector('a[href="/support?category=account&subject=Profile%20update"]')).not.toBeNull();
    TestBed.resetTestingModule();
    const internal = await open('/admin/profile', {
      body: summary({ role: 'aidial_operator', compliant: true, lacking: null, remediation_path: '/admin/profile' }),
    });
    expect(internal.page.querySelector('a[href^="/support"]')).toBeNull();
  });

  it('shows why the summary did not load, and retries', async () => {
    const { page, http, settle } = await open('/settings', {
      body: { code: 'service_unavailable', message: 'The service is unavailable.', request_id: 'r-7' },
      status: 503,
    });
    expect(text(page.querySelector('[role="alert"]'))).toContain('The service is unavailable.');
    const retry = [...page.querySelectorAll('button')].find((button) => text(button) === 'Retry the profile summary');
    retry?.click();
    await requestIssued();
    http.expectOne('/api/mfa/summary').flush(summary());
    await settle();
    expect(page.querySelector('aidial-mfa-profile-summary')).not.toBeNull();
  });

  describe('SMS one-time code card', () => {
    const smsCard = (page: HTMLElement) => page.querySelector('aidial-mfa-sms-factor-card');
    const available = {
      role: 'client_admin',
      policy: 'optional',
      required_by: null,
      compliant: true,
      lacking: null,
    } as const;

    it.each([
      ['/settings', summary({ ...available, sms_otp_available: false })],
      ['/settings', summary({ role: 'client_manager', compliant: true, lacking: null })],
      [
        '/admin/profile',
        summary({ role: 'aidial_admin', compliant: true, lacking: null, remediation_path: '/admin/profile' }),
      ],
    ])('is not shown on %s when the summary says SMS is not available', async (url, body) => {
      const { page } = await open(url, { body });
      expect(smsCard(page)).toBeNull();
      expect(text(page)).not.toContain('SMS one-time code');
    });

    it('offers enrolment with the privacy notice when available and not set up', async () => {
      const { page } = await open('/settings', { body: summary({ ...available, sms_otp_available: true }) });
      expect(text(smsCard(page))).toContain(
        'you consent to AiDial Pty Ltd disclosing your mobile number to Twilio Inc.',
      );
      expect(page.querySelector('aidial-mfa-sms-factor-card input[type="tel"]')).not.toBeNull();
    });

    it('says it is set up, without a form, when the provider lists the SMS factor', async () => {
      const { page } = await open('/settings', {
        body: summary({ ...available, sms_otp_available: true, allowed_factors: ['sms_code'] }),
      });
      expect(text(smsCard(page))).toContain('SMS one-time codes are set up for your account.');
      expect(smsCard(page)?.querySelector('form')).toBeNull();
    });

    it('enrols the number, shows only the masked tail and reads the summary again, writing nothing to storage', async () => {
      const setItem = jest.spyOn(Storage.prototype, 'setItem');
      try {
        const { page, http, settle } = await open('/settings', {
          body: summary({ ...available, sms_otp_available: true }),
        });
        const input = page.querySelector<HTMLInputElement>('aidial-mfa-sms-factor-card input[type="tel"]');
        if (!input) throw new Error('no phone field');
        input.value = '0412 987 654';
        input.dispatchEvent(new Event('input'));
        page.querySelector<HTMLButtonElement>('aidial-mfa-sms-factor-card button[type="submit"]')?.click();
        await requestIssued();
        const enrol = http.expectOne('/api/auth/mfa-sms-enrol');
        expect(enrol.request.body).toEqual({ phone: '0412 987 654' });
        enrol.flush({ phone_tail: '+61 ... 654' });
        await requestIssued();
        http.expectOne('/api/mfa/summary').flush(summary({ ...available, sms_otp_available: true }));
        await settle();
        expect(text(smsCard(page)?.querySelector('[role="status"]'))).toContain(
          'SMS one-time codes are set up for +61 ... 654.',
        );
        expect(text(page)).not.toContain('987 654');
        expect(setItem).not.toHaveBeenCalled();
      } finally {
        setItem.mockRestore();
      }
    });
  });
});
