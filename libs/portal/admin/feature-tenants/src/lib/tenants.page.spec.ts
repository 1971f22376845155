import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
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
      expect([...page().querySelectorAll('button')].map((button) => button.textContent?.trim())).toContain(
        'Suspend tenant',
      );
      expect(page().querySelector('mat-slide-toggle')?.textContent?.trim()).toBe('Allow SMS one-time codes');
      expect(page().querySelector('mat-select')).not.toBeNull();
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
