import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { TenantDetailStore, TenantListStore } from './tenants.store';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const tenant = (overrides: object = {}) => ({
  id: 't-1',
  name: 'Acme Health',
  kind: 'customer',
  status: 'active',
  managing_partner: null,
  sms_otp_enabled: false,
  mfa_policy: 'role_default',
  member_count: 3,
  created_at: '2026-01-01T00:00:00Z',
  projects: [],
  managed_clients: [],
  ...overrides,
});

describe('admin tenant stores', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        TenantListStore,
        TenantDetailStore,
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  describe('TenantListStore', () => {
    it('searches by name, kind and status, and follows the next cursor', async () => {
      const { list } = TestBed.inject(TenantListStore);
      const searched = list.search({ q: ' acme ', kind: 'customer', status: 'suspended' });
      await settle();
      const first = http.expectOne((request) => request.url.startsWith('/api/admin/tenants'));
      expect(first.request.urlWithParams).toBe('/api/admin/tenants?q=acme&kind=customer&status=suspended');
      first.flush({ items: [tenant()], next_cursor: 'cursor-2' });
      await searched;
      expect(list.state()).toEqual({ kind: 'loaded', items: [tenant()], nextCursor: 'cursor-2' });

      const next = list.next();
      await settle();
      const second = http.expectOne((request) => request.url.startsWith('/api/admin/tenants'));
      expect(second.request.urlWithParams).toContain('cursor=cursor-2');
      second.flush({ items: [], next_cursor: null });
      await next;
      expect(list.pageNumber()).toBe(2);
    });

    it('creates a tenant, and gives back the field errors of validation_failed', async () => {
      const store = TestBed.inject(TenantListStore);
      const created = store.create({ name: '', kind: 'customer', managingPartnerId: 'p-1' });
      await settle();
      const request = http.expectOne({ method: 'POST', url: '/api/admin/tenants' });
      expect(request.request.body).toEqual({ name: '', kind: 'customer', managing_partner_id: 'p-1' });
      request.flush(
        {
          code: 'validation_failed',
          message: 'Check the highlighted fields.',
          request_id: 'req-1',
          fields: [{ field: 'name', message: 'Enter a name.' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      const result = await created;
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problem.fields).toEqual([{ field: 'name', message: 'Enter a name.' }]);
    });

    it('sends no managing partner for a partner tenant', async () => {
      const store = TestBed.inject(TenantListStore);
      const created = store.create({ name: 'Southwind', kind: 'partner', managingPartnerId: 'p-1' });
      await settle();
      const request = http.expectOne({ method: 'POST', url: '/api/admin/tenants' });
      expect(request.request.body).toEqual({ name: 'Southwind', kind: 'partner' });
      request.flush(tenant({ kind: 'partner', name: 'Southwind' }), { status: 201, statusText: 'Created' });
      expect((await created).ok).toBe(true);
    });
  });

  describe('TenantDetailStore', () => {
    async function loaded() {
      const store = TestBed.inject(TenantDetailStore);
      const loading = store.load('t-1');
      await settle();
      http.expectOne('/api/admin/tenants/t-1').flush(tenant());
      await loading;
      return store;
    }

    it('suspends the tenant, shows the answer and says how many sessions the suspension ended', async () => {
      const store = await loaded();
      const changed = store.setStatus('suspended');
      expect(store.saving()).toBe(true);
      await settle();
      const request = http.expectOne({ method: 'PUT', url: '/api/admin/tenants/t-1/status' });
      expect(request.request.body).toEqual({ status: 'suspended' });
      request.flush({ ...tenant({ status: 'suspended' }), sessions_ended: 3 });
      expect(await changed).toBe(3);
      expect(store.saving()).toBe(false);
      expect(store.state()).toEqual({ kind: 'loaded', tenant: tenant({ status: 'suspended' }) });
    });

    it('resolves a refused status change with null, keeping the tenant as it was', async () => {
      const store = await loaded();
      const changed = store.setStatus('suspended');
      await settle();
      http
        .expectOne('/api/admin/tenants/t-1/status')
        .flush(
          { code: 'tenant_not_changeable', message: 'This tenant cannot be changed that way.', request_id: 'req-7' },
          { status: 409, statusText: 'Conflict' },
        );
      expect(await changed).toBeNull();
      expect(store.changeProblem()).toMatchObject({ code: 'tenant_not_changeable' });
      expect(store.state()).toEqual({ kind: 'loaded', tenant: tenant() });
    });

    it('keeps the refusal of a change, with its message and request id', async () => {
      const store = await loaded();
      const changed = store.setSmsOtp(true);
      await settle();
      const request = http.expectOne({ method: 'PUT', url: '/api/admin/tenants/t-1/features' });
      expect(request.request.body).toEqual({ sms_otp_enabled: true });
      request.flush(
        { code: 'insufficient_role', message: 'Your role cannot make this change.', request_id: 'req-5' },
        { status: 403, statusText: 'Forbidden' },
      );
      expect(await changed).toBe(false);
      expect(store.changeProblem()).toMatchObject({ code: 'insufficient_role', requestId: 'req-5' });
      expect(store.state()).toEqual({ kind: 'loaded', tenant: tenant() });
    });

    it("signs out every session in the tenant with the administrator's note, and says how many ended", async () => {
      const store = await loaded();
      const revoking = store.revokeSessions('Security review after a phishing report.');
      expect(store.saving()).toBe(true);
      await settle();
      const request = http.expectOne({ method: 'POST', url: '/api/admin/tenants/t-1/sessions/revoke' });
      expect(request.request.body).toEqual({ note: 'Security review after a phishing report.' });
      request.flush({ revoked: 4 });
      expect(await revoking).toBe(4);
      expect(store.saving()).toBe(false);
      expect(store.state()).toEqual({ kind: 'loaded', tenant: tenant() });
    });

    it('keeps the refusal of a sign-out', async () => {
      const store = await loaded();
      const revoking = store.revokeSessions('x');
      await settle();
      http
        .expectOne('/api/admin/tenants/t-1/sessions/revoke')
        .flush(
          { code: 'insufficient_role', message: 'Your role cannot make this change.', request_id: 'req-6' },
          { status: 403, statusText: 'Forbidden' },
        );
      expect(await revoking).toBeNull();
      expect(store.changeProblem()).toMatchObject({ code: 'insufficient_role', requestId: 'req-6' });
    });

    it('sets the MFA policy', async () => {
      const store = await loaded();
      const changed = store.setMfaPolicy('required');
      await settle();
      const request = http.expectOne({ method: 'PUT', url: '/api/admin/tenants/t-1/mfa-policy' });
      expect(request.request.body).toEqual({ mfa_policy: 'required' });
      request.flush(tenant({ mfa_policy: 'required' }));
      expect(await changed).toBe(true);
    });
  });
});
