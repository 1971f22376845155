import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { UserDetailStore, UserListStore } from './users.store';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const membership = (tenantId: string, role: string) => ({
  tenant: { id: tenantId, name: `Tenant ${tenantId}`, kind: 'customer', status: 'active' },
  role,
  role_recognised: true,
  project_scope: 'all',
});
const user = (memberships = [membership('t-1', 'client_staff'), membership('t-2', 'client_admin')]) => ({
  id: 'u-1',
  email: 'sofia.rossi@acme-health.example',
  display_name: 'Sofia Rossi',
  status: 'active',
  memberships,
  created_at: '2026-01-01T00:00:00Z',
});

describe('admin user stores', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        UserListStore,
        UserDetailStore,
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('searches users by email or name', async () => {
    const { list } = TestBed.inject(UserListStore);
    const searched = list.search({ q: 'sofia' });
    await settle();
    const request = http.expectOne((candidate) => candidate.url.startsWith('/api/admin/users'));
    expect(request.request.urlWithParams).toBe('/api/admin/users?q=sofia');
    request.flush({ items: [user()], next_cursor: null });
    await searched;
    expect(list.state()).toEqual({ kind: 'loaded', items: [user()], nextCursor: null });
  });

  async function loaded() {
    const store = TestBed.inject(UserDetailStore);
    const loading = store.load('u-1');
    await settle();
    http.expectOne('/api/admin/users/u-1').flush(user());
    await loading;
    return store;
  }

  it('assigns a role in one tenant', async () => {
    const store = await loaded();
    const assigned = store.assignRole('t-1', 'client_manager');
    await settle();
    const request = http.expectOne({ method: 'PUT', url: '/api/admin/users/u-1/memberships/t-1' });
    expect(request.request.body).toEqual({ role: 'client_manager' });
    const answer = user([membership('t-1', 'client_manager'), membership('t-2', 'client_admin')]);
    request.flush(answer);
    expect(await assigned).toBe(true);
    expect(store.state()).toEqual({ kind: 'loaded', user: answer });
  });

  it('removes a membership', async () => {
    const store = await loaded();
    const removed = store.removeMembership('t-2');
    await settle();
    http.expectOne({ method: 'DELETE', url: '/api/admin/users/u-1/memberships/t-2' }).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    expect(await removed).toBe(true);
    const state = store.state();
    expect(state.kind === 'loaded' && state.user.memberships.map((item) => item.tenant.id)).toEqual(['t-1']);
  });

  it("signs out every session of the user with the administrator's note, and says how many ended", async () => {
    const store = await loaded();
    const revoking = store.revokeSessions('Reported a lost phone.');
    await settle();
    const request = http.expectOne({ method: 'POST', url: '/api/admin/users/u-1/sessions/revoke' });
    expect(request.request.body).toEqual({ note: 'Reported a lost phone.' });
    request.flush({ revoked: 2 });
    expect(await revoking).toBe(2);
    expect(store.state()).toEqual({ kind: 'loaded', user: user() });
  });

  it('keeps the refusal of a sign-out', async () => {
    const store = await loaded();
    const revoking = store.revokeSessions('x');
    await settle();
    http
      .expectOne('/api/admin/users/u-1/sessions/revoke')
      .flush(
        { code: 'validation_failed', message: 'Some fields are not valid.', request_id: 'req-4', fields: [] },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(await revoking).toBeNull();
    expect(store.changeProblem()?.code).toBe('validation_failed');
  });

  it('keeps the refusal of a removal', async () => {
    const store = await loaded();
    const removed = store.removeMembership('t-2');
    await settle();
    http
      .expectOne({ method: 'DELETE', url: '/api/admin/users/u-1/memberships/t-2' })
      .flush(
        { code: 'insufficient_role', message: 'Your role cannot make this change.', request_id: 'req-3' },
        { status: 403, statusText: 'Forbidden' },
      );
    expect(await removed).toBe(false);
    expect(store.changeProblem()?.message).toBe('Your role cannot make this change.');
  });
});
