import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { MatSelect } from '@angular/material/select';
import { By } from '@angular/platform-browser';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import { ADMIN_TENANTS_ROUTES } from './tenants.routes';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const sessionFor = (role: string) => ({
  user: { display_name: 'Someone', email: 'someone@aidial.example' },
  role,
  tenant: { id: 'a-1', name: 'AiDial', kind: 'internal', status: 'active' },
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  sign_in: { amr: ['pwd', 'otp', 'mfa'], multi_factor: true, authenticated_at: '2026-01-01T00:00:00Z' },
  expires_at: '2999-01-01T00:00:00Z',
  absolute_expires_at: '2999-01-01T00:00:00Z',
});
const tenant = (overrides: object = {}) => ({
  id: 't-1',
  name: 'Acme Health',
  kind: 'customer',
  status: 'active',
  managing_partner: { id: 'p-1', name: 'Northwind Partners' },
  sms_otp_enabled: true,
  mfa_policy: 'role_default',
  member_count: 3,
  created_at: '2026-01-01T00:00:00Z',
  projects: [{ id: 'pr-1', name: 'Outbound reminders', status: 'active' }],
  managed_clients: [],
  ...overrides,
});

describe('admin Tenants pages', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string, role: string) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'admin/tenants', children: ADMIN_TENANTS_ROUTES }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(SessionStore).ensureLoaded();
    await settle();
    http.expectOne('/api/session').flush(sessionFor(role));
    await loaded;
    harness = await RouterTestingHarness.create(url);
    await settle();
  }

  const page = () => harness.routeNativeElement as HTMLElement;
  async function rendered() {
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
  }

  afterEach(() => http.verify());

  describe('the list', () => {
    it('shows the tenants, without write controls for aidial_operator', async () => {
      await open('/admin/tenants', 'aidial_operator');
      http.expectOne('/api/admin/tenants').flush({ items: [tenant()], next_cursor: null });
      await rendered();
      expect(page().querySelector('h1')?.textContent).toBe('Tenants');
      const cells = [...page().querySelectorAll('tbody tr')[0].children].map((cell) => cell.textContent?.trim());
      expect(cells.slice(0, 7)).toEqual([
        'Acme Health',
        'Customer',
        'Active',
        'Northwind Partners',
        '3',
        'On',
        'As each role requires',
      ]);
      expect(page().querySelector('.read-only-note')?.textContent?.replace(/\s+/g, ' ')).toContain(
        'limited to AiDial administrators',
      );
      expect([...page().querySelectorAll('button')].map((button) => button.textContent?.trim())).not.toContain(
        'New tenant',
      );
    });

    it('says so when no tenant matches', async () => {
      await open('/admin/tenants', 'aidial_admin');
      http.expectOne('/api/admin/tenants').flush({ items: [], next_cursor: null });
      await rendered();
      expect(page().textContent).toContain('No tenants match these filters.');
    });

    it('shows the error message and request id when the list cannot be read', async () => {
      await open('/admin/tenants', 'aidial_admin');
      http
        .expectOne('/api/admin/tenants')
        .flush(
          { code: 'service_unavailable', message: 'The service is unavailable.', request_id: 'req-3' },
          { status: 503, statusText: 'Service Unavailable' },
        );
      await rendered();
      expect(page().querySelector('[role="alert"] code')?.textContent).toBe('req-3');
      expect(page().textContent).toContain('Try again');
    });

    it("lets aidial_admin create a tenant, showing the API's field errors", async () => {
      await open('/admin/tenants', 'aidial_admin');
      http.expectOne('/api/admin/tenants').flush({ items: [], next_cursor: null });
      await rendered();
      const newTenant = [...page().querySelectorAll('button')].find((b) => b.textContent?.trim() === 'New tenant');
      newTenant?.click();
      await rendered();
      http.expectOne('/api/admin/tenants?kind=partner&limit=100').flush({ items: [], next_cursor: null });
      const name = page().querySelector<HTMLInputElement>('input[formcontrolname="name"]');
      if (!name) throw new Error('no name field');
      name.value = 'Acme Health';
      name.dispatchEvent(new Event('input'));
      page()
        .querySelector<HTMLFormElement>('form[aria-labelledby="new-tenant-heading"]')
        ?.dispatchEvent(new Event('submit'));
      await settle();
      const request = http.expectOne({ method: 'POST', url: '/api/admin/tenants' });
      expect(request.request.body).toEqual({ name: 'Acme Health', kind: 'customer' });
      request.flush(
        {
          code: 'validation_failed',
          message: 'Check the highlighted fields.',
          request_id: 'req-1',
          fields: [{ field: 'name', message: 'A tenant with this name already exists.' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await rendered();
      expect(page().querySelector('mat-error')?.textContent?.trim()).toBe('A tenant with this name already exists.');
    });
  });

  describe('the detail page', () => {
    it('offers aidial_operator only the changes the matrix allows, and says why the others are missing', async () => {
      await open('/admin/tenants/t-1', 'aidial_operator');
      http.expectOne('/api/admin/tenants/t-1').flush(tenant());
      await rendered();
      expect(page().querySelector('h1')?.textContent).toBe('Acme Health');
      expect(page().querySelector('.read-only-note')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
        "Your role can view this tenant. Some changes are limited to AiDial administrators: suspending or reactivating the tenant; changing the MFA policy; signing out the tenant's sessions.",
      );
      expect([...page().querySelectorAll('button')].map((button) => button.textContent?.trim())).not.toContain(
        'Suspend tenant',
      );
      expect(page().querySelector('mat-select')).toBeNull();
      // ACTIONS lets operators turn the SMS one-time code feature on or off.
      expect(page().querySelector('mat-slide-toggle')).not.toBeNull();
    });

    it('offers aidial_admin suspend, the SMS one-time code flag and the MFA policy', async () => {
      await open('/admin/tenants/t-1', 'aidial_admin');
      http.expectOne('/api/admin/tenants/t-1').flush(tenant());
      await rendered();
      expect(page().querySelector('.read-only-note')).toBeNull();
      const suspend = [...page().querySelectorAll('button')].find(
        (button) => button.textContent?.trim() === 'Suspend tenant',
      );
      // Destructive, not the page's primary action: outlined in the error colour.
      expect(suspend?.classList).toContain('mat-mdc-outlined-button');
      expect(suspend?.classList).toContain('aidial-destructive');
      expect(page().querySelector('mat-slide-toggle')?.textContent?.trim()).toBe('Allow SMS one-time codes');
      expect(page().querySelector('mat-select')).not.toBeNull();
    });

    it("offers no suspension or SMS codes for AiDial's own tenant, and says why", async () => {
      await open('/admin/tenants/a-1', 'aidial_admin');
      http
        .expectOne('/api/admin/tenants/a-1')
        .flush(tenant({ id: 'a-1', name: 'AiDial', kind: 'internal', managing_partner: null }));
      await rendered();
      const buttons = [...page().querySelectorAll('button')].map((button) => button.textContent?.trim());
      expect(buttons).not.toContain('Suspend tenant');
      expect(page().querySelector('mat-slide-toggle')).toBeNull();
      expect(page().textContent).toContain("AiDial's own tenant cannot be suspended");
      expect(page().querySelector('mat-select')).not.toBeNull();
    });
  });

  describe('changes that ask first', () => {
    const buttonNamed = (root: ParentNode, name: string) =>
      [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.trim() === name);
    const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
    const status = () =>
      [...page().querySelectorAll('[role="status"]')].map((element) => element.textContent?.trim()).join(' ');

    afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

    async function detail(overrides: object = {}) {
      await open('/admin/tenants/t-1', 'aidial_admin');
      http.expectOne('/api/admin/tenants/t-1').flush(tenant(overrides));
      await rendered();
    }

    it('suspends after a destructive confirmation that says what happens, then says how many sessions ended', async () => {
      await detail();
      buttonNamed(page(), 'Suspend tenant')?.click();
      await rendered();
      expect(overlay().querySelector('h2')?.textContent).toBe('Suspend Acme Health?');
      expect(overlay().querySelector('mat-dialog-content')?.textContent?.trim()).toBe(
        'All 3 of its members are signed out at once and cannot sign in again until you reactivate it. ' +
          'Northwind Partners can no longer select it as a client. Nothing is deleted.',
      );
      const confirm = buttonNamed(overlay(), 'Suspend tenant');
      expect(confirm?.classList).toContain('aidial-destructive');
      confirm?.click();
      await rendered();
      const request = http.expectOne({ method: 'PUT', url: '/api/admin/tenants/t-1/status' });
      expect(request.request.body).toEqual({ status: 'suspended' });
      request.flush({ ...tenant({ status: 'suspended' }), sessions_ended: 2 });
      await rendered();
      expect(status()).toContain(
        'Acme Health is suspended. 2 sessions ended. Its members cannot sign in until it is reactivated.',
      );
      expect(page().querySelector('[data-testid="tenant-status"]')?.textContent).toBe('Suspended');
      const reactivate = buttonNamed(page(), 'Reactivate tenant');
      expect(reactivate?.classList).not.toContain('aidial-destructive');
    });

    it('reactivates after saying what comes back', async () => {
      await detail({ status: 'suspended' });
      buttonNamed(page(), 'Reactivate tenant')?.click();
      await rendered();
      expect(overlay().querySelector('mat-dialog-content')?.textContent?.trim()).toBe(
        'Its members can sign in again. Northwind Partners can select it as a client again. ' +
          'Sessions that the suspension ended stay ended.',
      );
      buttonNamed(overlay(), 'Reactivate tenant')?.click();
      await rendered();
      http.expectOne('/api/admin/tenants/t-1/status').flush({ ...tenant(), sessions_ended: 0 });
      await rendered();
      expect(status()).toContain('Acme Health is active again: its members can sign in.');
    });

    it('sends nothing when a suspension is cancelled', async () => {
      await detail();
      buttonNamed(page(), 'Suspend tenant')?.click();
      await rendered();
      buttonNamed(overlay(), 'Cancel')?.click();
      await rendered();
      http.expectNone('/api/admin/tenants/t-1/status');
      expect(page().querySelector('[data-testid="tenant-status"]')?.textContent).toBe('Active');
    });

    it('turns SMS codes off only after confirming, the toggle showing the flag as it is until then', async () => {
      await detail();
      const toggle = page().querySelector<HTMLButtonElement>('mat-slide-toggle button[role="switch"]');
      toggle?.click();
      await rendered();
      expect(toggle?.getAttribute('aria-checked')).toBe('true');
      expect(overlay().querySelector('h2')?.textContent).toBe('Stop SMS one-time codes in Acme Health?');
      expect(overlay().textContent).toContain('Anyone who has added one keeps it');
      http.expectNone('/api/admin/tenants/t-1/features');

      buttonNamed(overlay(), 'Cancel')?.click();
      await rendered();
      expect(toggle?.getAttribute('aria-checked')).toBe('true');
      http.expectNone('/api/admin/tenants/t-1/features');

      toggle?.click();
      await rendered();
      buttonNamed(overlay(), 'Stop SMS codes')?.click();
      await rendered();
      const request = http.expectOne({ method: 'PUT', url: '/api/admin/tenants/t-1/features' });
      expect(request.request.body).toEqual({ sms_otp_enabled: false });
      request.flush(tenant({ sms_otp_enabled: false }));
      await rendered();
      expect(toggle?.getAttribute('aria-checked')).toBe('false');
      expect(status()).toContain(
        'SMS one-time codes are no longer offered in Acme Health. Numbers already added still work at sign-in.',
      );
    });

    it('changes the MFA policy only after confirming, and says what changed', async () => {
      await detail();
      const select = harness.routeDebugElement?.query(By.directive(MatSelect)).componentInstance as MatSelect;
      select.open();
      await rendered();
      [...overlay().querySelectorAll<HTMLElement>('mat-option')]
        .find((option) => option.textContent?.trim() === 'Required for every member')
        ?.click();
      await rendered();
      expect(select.triggerValue).toBe('As each role requires');
      expect(overlay().querySelector('h2')?.textContent).toBe('Require MFA for every member of Acme Health?');
      buttonNamed(overlay(), 'Require MFA')?.click();
      await rendered();
      const request = http.expectOne({ method: 'PUT', url: '/api/admin/tenants/t-1/mfa-policy' });
      expect(request.request.body).toEqual({ mfa_policy: 'required' });
      request.flush(tenant({ mfa_policy: 'required' }));
      await rendered();
      expect(select.triggerValue).toBe('Required for every member');
      expect(status()).toContain('MFA is now required for every member of Acme Health.');
    });
  });

  describe('Sign out all sessions', () => {
    const buttonNamed = (root: ParentNode, name: string) =>
      [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.trim() === name);
    const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;

    afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

    it('is not offered to aidial_operator', async () => {
      await open('/admin/tenants/t-1', 'aidial_operator');
      http.expectOne('/api/admin/tenants/t-1').flush(tenant());
      await rendered();
      expect(buttonNamed(page(), 'Sign out all sessions')).toBeUndefined();
    });

    it('asks aidial_admin for a note, sends it, and announces how many sessions ended', async () => {
      await open('/admin/tenants/t-1', 'aidial_admin');
      http.expectOne('/api/admin/tenants/t-1').flush(tenant());
      await rendered();
      buttonNamed(page(), 'Sign out all sessions')?.click();
      await rendered();
      expect(overlay().querySelector('h2')?.textContent).toBe('Sign out all sessions in Acme Health?');
      const note = overlay().querySelector<HTMLTextAreaElement>('textarea');
      if (!note) throw new Error('no note field');
      expect(note.getAttribute('maxlength')).toBe('500');
      note.value = '  Reported a lost phone.  ';
      note.dispatchEvent(new Event('input'));
      overlay().querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
      await rendered();
      await settle();
      const request = http.expectOne({ method: 'POST', url: '/api/admin/tenants/t-1/sessions/revoke' });
      expect(request.request.body).toEqual({ note: 'Reported a lost phone.' });
      request.flush({ revoked: 1 });
      await rendered();
      expect([...page().querySelectorAll('[role="status"]')].map((element) => element.textContent?.trim())).toContain(
        '1 session ended.',
      );
    });

    it('sends nothing when cancelled', async () => {
      await open('/admin/tenants/t-1', 'aidial_admin');
      http.expectOne('/api/admin/tenants/t-1').flush(tenant());
      await rendered();
      buttonNamed(page(), 'Sign out all sessions')?.click();
      await rendered();
      buttonNamed(overlay(), 'Cancel')?.click();
      await rendered();
      http.expectNone('/api/admin/tenants/t-1/sessions/revoke');
    });
  });
});
