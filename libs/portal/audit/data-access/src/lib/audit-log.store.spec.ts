import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import {
  AUDIT_EXPORT_PATH,
  NO_AUDIT_FILTERS,
  auditExportHref,
  auditFiltersFrom,
  auditQueryOf,
  sameAuditFilters,
} from './audit-filters';
import { AuditLogStore } from './audit-log.store';

const settle = () => new Promise((resolve) => setTimeout(resolve));

/** The generated client writes the query into the URL itself. */
const pathOf = (request: { urlWithParams: string }) => request.urlWithParams.split('?')[0];
const paramsOf = (request: { urlWithParams: string }) => new URLSearchParams(request.urlWithParams.split('?')[1] ?? '');

const event = (id: string) => ({
  id,
  occurred_at: '2026-11-23T10:00:00.000Z',
  tenant_id: 't-1',
  actor_user_id: 'u-1',
  actor_api_key_id: null,
  actor: { kind: 'person', id: 'u-1', name: 'Amelia Hart', email: 'amelia.hart@acme-health.example' },
  actor_role: 'client_admin',
  action: 'tenancy.invitation.created',
  outcome: 'success',
  target_type: 'invitation',
  target_id: `inv-${id}`,
  target_description: 'Invitation for new@acme-health.example',
  request_id: `req-${id}`,
  ip: '203.0.113.0',
  user_agent: 'Chromium',
  details: { email: 'new@acme-health.example', role: 'client_staff', team: 'team' },
});

describe('audit filters', () => {
  it('puts only the set filters in the query, under the API’s names', () => {
    expect(
      auditQueryOf({
        ...NO_AUDIT_FILTERS,
        from: '2026-11-01T00:00:00.000Z',
        action: 'auth.sign_in',
        targetType: 'user',
        targetId: '  ',
        clientId: 'c-1',
      }),
    ).toEqual({ from: '2026-11-01T00:00:00.000Z', action: 'auth.sign_in', target_type: 'user', client_id: 'c-1' });
  });

  it('reads filters back from an address, dropping values the API would refuse', () => {
    const params = new URLSearchParams(
      'from=2026-11-01T00:00:00.000Z&to=yesterday&action=auth.sign_in&outcome=maybe&target_id=inv-1&tenant_id=t-9',
    );
    expect(auditFiltersFrom((name) => params.get(name))).toEqual({
      ...NO_AUDIT_FILTERS,
      from: '2026-11-01T00:00:00.000Z',
      action: 'auth.sign_in',
      targetId: 'inv-1',
      tenantId: 't-9',
    });
  });

  it('round-trips through the address', () => {
    const filters = { ...NO_AUDIT_FILTERS, actor: 'u-1', outcome: 'denied' as const, clientId: 'c-1' };
    const params = new URLSearchParams(auditQueryOf(filters));
    expect(
      sameAuditFilters(
        auditFiltersFrom((name) => params.get(name)),
        filters,
      ),
    ).toBe(true);
  });

  it('links the CSV export of the same filters', () => {
    expect(auditExportHref(NO_AUDIT_FILTERS)).toBe(AUDIT_EXPORT_PATH);
    expect(auditExportHref({ ...NO_AUDIT_FILTERS, action: 'access.denied', tenantId: 't-1' })).toBe(
      '/api/audit-events/export.csv?action=access.denied&tenant_id=t-1',
    );
  });
});

describe('AuditLogStore', () => {
  let http: HttpTestingController;
  let store: AuditLogStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [AuditLogStore, provideHttpClient(), provideHttpClientTesting(), provideApiClient({ baseUrl: '' })],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AuditLogStore);
  });

  afterEach(() => http.verify());

  async function answerList(search: Promise<void>, body: Parameters<TestRequest['flush']>[0], status = 200) {
    await settle();
    const request = http.expectOne((candidate) => pathOf(candidate) === '/api/audit-events');
    request.flush(body, { status, statusText: status === 200 ? 'OK' : 'Error' });
    await search;
    return { params: paramsOf(request.request) };
  }

  it('is loading until the first page answers, then shows its events', async () => {
    const searching = store.search({ ...NO_AUDIT_FILTERS, action: 'tenancy.invitation.created' });
    expect(store.view().kind).toBe('loading');
    const request = await answerList(searching, { items: [event('e-1'), event('e-2')], next_cursor: 'c-2' });
    expect(request.params.get('action')).toBe('tenancy.invitation.created');
    expect(request.params.get('limit')).toBe('50');
    expect(request.params.has('cursor')).toBe(false);
    const view = store.view();
    expect(view.kind === 'loaded' && view.events.map((item) => item.id)).toEqual(['e-1', 'e-2']);
    expect(store.hasOlder()).toBe(true);
    expect(store.hasNewer()).toBe(false);
  });

  it('says when no event matches', async () => {
    await answerList(store.search(NO_AUDIT_FILTERS), { items: [], next_cursor: null });
    expect(store.view()).toEqual({ kind: 'empty' });
    expect(store.hasOlder()).toBe(false);
  });

  it('keeps the message and request id of a refusal', async () => {
    await answerList(
      store.search({ ...NO_AUDIT_FILTERS, clientId: 'c-x' }),
      { code: 'not_found', message: 'Not found.', request_id: 'req-404' },
      404,
    );
    const view = store.view();
    expect(view.kind === 'error' && [view.problem.message, view.problem.requestId]).toEqual(['Not found.', 'req-404']);
  });

  it('pages to older events with the cursor and back to newer ones, keeping the filters', async () => {
    await answerList(store.search({ ...NO_AUDIT_FILTERS, outcome: 'denied' }), {
      items: [event('e-1')],
      next_cursor: 'cursor-2',
    });
    const older = await answerList(store.older(), { items: [event('e-2')], next_cursor: null });
    expect(older.params.get('cursor')).toBe('cursor-2');
    expect(older.params.get('outcome')).toBe('denied');
    expect(store.pageNumber()).toBe(2);
    expect(store.hasNewer()).toBe(true);
    const newer = await answerList(store.newer(), { items: [event('e-1')], next_cursor: 'cursor-2' });
    expect(newer.params.has('cursor')).toBe(false);
    expect(store.pageNumber()).toBe(1);
  });

  it('exports exactly the filters on show', async () => {
    await answerList(store.search({ ...NO_AUDIT_FILTERS, actor: 'u-1' }), { items: [], next_cursor: null });
    expect(store.exportHref()).toBe('/api/audit-events/export.csv?actor=u-1');
  });

  it('verifies one tenant’s chain and reports the first broken link', async () => {
    const verifying = store.verify('t-1');
    expect(store.verification()).toEqual({ kind: 'checking', tenantId: 't-1' });
    await settle();
    const request = http.expectOne((candidate) => pathOf(candidate) === '/api/admin/audit-events/verify');
    expect(paramsOf(request.request).get('tenant_id')).toBe('t-1');
    const result = { ok: false, checked: 12, first_broken: { id: 'e-12', seq: '12', reason: 'hash_mismatch' } };
    request.flush(result);
    await verifying;
    expect(store.verification()).toEqual({ kind: 'checked', tenantId: 't-1', result });
  });

  it('verifies the chain of events of no tenant without a tenant id', async () => {
    const verifying = store.verify(null);
    await settle();
    const request = http.expectOne((candidate) => pathOf(candidate) === '/api/admin/audit-events/verify');
    expect([...paramsOf(request.request).keys()]).toEqual([]);
    request.flush({ ok: true, checked: 3, first_broken: null });
    await verifying;
    expect(store.verification().kind).toBe('checked');
  });

  it('lists every tenant by name, following the cursor', async () => {
    const loading = store.loadTenants();
    await settle();
    http
      .expectOne((candidate) => pathOf(candidate) === '/api/admin/tenants' && !paramsOf(candidate).has('cursor'))
      .flush({ items: [{ id: 't-2', name: 'Northwind' }], next_cursor: 'n-2' });
    await settle();
    http
      .expectOne(
        (candidate) => pathOf(candidate) === '/api/admin/tenants' && paramsOf(candidate).get('cursor') === 'n-2',
      )
      .flush({ items: [{ id: 't-1', name: 'Acme Health' }], next_cursor: null });
    await loading;
    expect(store.tenants()).toEqual([
      { id: 't-1', name: 'Acme Health' },
      { id: 't-2', name: 'Northwind' },
    ]);
  });

  const AMELIA = { kind: 'person', id: 'u-1', name: 'Amelia Hart', email: 'amelia.hart@acme-health.example' };
  const ELLA = { kind: 'person', id: 'u-2', name: 'Ella Martin', email: 'ella.martin@harbour-physio.example' };

  function actorsRequests() {
    return http.match((candidate) => pathOf(candidate) === '/api/audit-events/actors');
  }

  it('lists the actors of the scope on show, and reads them again only when that scope changes', async () => {
    const loading = store.loadActors(NO_AUDIT_FILTERS);
    expect(store.actorsView().kind).toBe('loading');
    await settle();
    const [whole] = actorsRequests();
    expect([...paramsOf(whole?.request ?? { urlWithParams: '' }).keys()]).toEqual([]);
    whole?.flush({ items: [AMELIA] });
    await loading;
    expect(store.actors()).toEqual([AMELIA]);

    // Another action or actor is the same scope: nothing is read again.
    await store.loadActors({ ...NO_AUDIT_FILTERS, action: 'auth.sign_in', actor: 'u-1' });
    await settle();
    expect(actorsRequests()).toHaveLength(0);

    const narrowing = store.loadActors({ ...NO_AUDIT_FILTERS, tenantId: 't-9' });
    await settle();
    const [tenant] = actorsRequests();
    expect(paramsOf(tenant?.request ?? { urlWithParams: '' }).get('tenant_id')).toBe('t-9');
    tenant?.flush({ items: [ELLA] });
    await narrowing;
    expect(store.actors()).toEqual([ELLA]);
  });

  it('keeps the answer of the latest scope when an earlier one arrives late', async () => {
    const first = store.loadActors({ ...NO_AUDIT_FILTERS, clientId: 'c-1' });
    const second = store.loadActors({ ...NO_AUDIT_FILTERS, clientId: 'c-2' });
    await settle();
    const [early, late] = actorsRequests();
    late?.flush({ items: [ELLA] });
    await second;
    early?.flush({ items: [AMELIA] });
    await first;
    expect(store.actors()).toEqual([ELLA]);
  });

  it('says when the actors cannot be listed, and tries again on the next search', async () => {
    const failing = store.loadActors(NO_AUDIT_FILTERS);
    await settle();
    actorsRequests()[0]?.flush(
      { code: 'internal_error', message: 'Something went wrong.', request_id: 'r-1' },
      { status: 500, statusText: 'Error' },
    );
    await failing;
    expect(store.actorsView().kind).toBe('error');
    expect(store.actors()).toEqual([]);
    const retry = store.loadActors(NO_AUDIT_FILTERS);
    await settle();
    actorsRequests()[0]?.flush({ items: [AMELIA] });
    await retry;
    expect(store.actors()).toEqual([AMELIA]);
  });
});
