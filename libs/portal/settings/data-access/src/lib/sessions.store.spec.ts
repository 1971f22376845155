import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { SessionsStore } from './sessions.store';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const live = (id: string, current = false) => ({
  id,
  browser: 'Chrome',
  os: 'Linux',
  device: 'desktop',
  ip_coarse: '203.0.113.0',
  created_at: '2026-11-23T09:00:00Z',
  last_active_at: '2026-11-23T10:00:00Z',
  idle_expires_at: '2026-11-23T10:30:00Z',
  absolute_expires_at: '2026-11-23T21:00:00Z',
  current,
});
const ended = (id: string, endReason = 'revoked_by_user') => ({
  id,
  browser: 'Firefox',
  os: 'Windows',
  device: 'desktop',
  ip_coarse: null,
  created_at: '2026-11-22T09:00:00Z',
  last_active_at: '2026-11-22T10:00:00Z',
  ended_at: '2026-11-22T11:00:00Z',
  end_reason: endReason,
  ended_by_name: null,
  note: null,
});
const problem = { code: 'internal_error', message: 'Something went wrong.', request_id: 'req-9' };

describe('SessionsStore', () => {
  let store: SessionsStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideApiClient({ baseUrl: '' }), SessionsStore],
    });
    store = TestBed.inject(SessionsStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function loaded(active: object[], endedItems: object[] = [], retentionDays = 90) {
    const loading = store.load();
    expect(store.active().kind).toBe('loading');
    expect(store.ended().kind).toBe('loading');
    await settle();
    http.expectOne({ method: 'GET', url: '/api/sessions' }).flush({ items: active });
    http
      .expectOne({ method: 'GET', url: '/api/sessions/ended' })
      .flush({ items: endedItems, retention_days: retentionDays });
    await loading;
  }

  it('loads the live sessions and the ended ones with how long they are kept', async () => {
    await loaded([live('s-1', true), live('s-2')], [ended('s-0')], 30);
    expect(store.active()).toEqual({ kind: 'loaded', sessions: [live('s-1', true), live('s-2')] });
    expect(store.others().map((session) => session.id)).toEqual(['s-2']);
    expect(store.ended()).toEqual({ kind: 'loaded', sessions: [ended('s-0')], retentionDays: 30 });
  });

  it('shows each list its own error', async () => {
    const loading = store.load();
    await settle();
    http.expectOne('/api/sessions').flush(problem, { status: 500, statusText: 'Error' });
    http.expectOne('/api/sessions/ended').flush({ items: [], retention_days: 90 });
    await loading;
    expect(store.active()).toEqual({
      kind: 'error',
      problem: expect.objectContaining({ message: 'Something went wrong.', requestId: 'req-9' }),
    });
    expect(store.ended().kind).toBe('loaded');
  });

  it('revokes another session: it leaves the live list and the ended list is read again', async () => {
    await loaded([live('s-1', true), live('s-2')]);
    const revoking = store.revoke('s-2');
    expect(store.saving()).toBe(true);
    await settle();
    http
      .expectOne({ method: 'DELETE', url: '/api/sessions/s-2' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne('/api/sessions/ended').flush({ items: [ended('s-2')], retention_days: 90 });
    expect(await revoking).toBe(true);
    expect(store.saving()).toBe(false);
    expect(store.active()).toEqual({ kind: 'loaded', sessions: [live('s-1', true)] });
    expect(store.ended()).toEqual({ kind: 'loaded', sessions: [ended('s-2')], retentionDays: 90 });
  });

  it('keeps the list and says why when a revocation is refused', async () => {
    await loaded([live('s-1', true), live('s-2')]);
    const revoking = store.revoke('s-2');
    await settle();
    http.expectOne('/api/sessions/s-2').flush(problem, { status: 500, statusText: 'Error' });
    expect(await revoking).toBe(false);
    expect(store.changeProblem()?.message).toBe('Something went wrong.');
    expect(store.others()).toHaveLength(1);
  });

  it('signs out everywhere else: only this browser stays, and the count comes back', async () => {
    await loaded([live('s-1', true), live('s-2'), live('s-3')]);
    const revoking = store.revokeOthers();
    await settle();
    http.expectOne({ method: 'POST', url: '/api/sessions/revoke-others' }).flush({ revoked: 2 });
    await settle();
    http.expectOne('/api/sessions/ended').flush({ items: [], retention_days: 90 });
    expect(await revoking).toBe(2);
    expect(store.active()).toEqual({ kind: 'loaded', sessions: [live('s-1', true)] });
    expect(store.others()).toEqual([]);
  });
});
