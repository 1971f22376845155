import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { CLOCK } from '@aidial/portal/core';
import { StatusStore } from './status.store';

const READY = {
  status: 'ok',
  checks: { database: { status: 'up', latency_ms: 2 }, identity_provider: { status: 'up' } },
};
const IDENTITY_PROVIDER_REFUSES = {
  code: 'identity_provider_misconfigured',
  message: 'The API cannot use the identity provider: its service account lacks the rights the API needs.',
  request_id: '5d7c1b2a-0f3e-4d6c-8b9a-1e2f3a4b5c6d',
};
const DATABASE_DOWN = {
  code: 'service_unavailable',
  message: 'The database is not reachable.',
  request_id: '3f2b8c1e-8a5d-4f5e-9a4b-2c1d0e9f8a7b',
};
const CHECKED_AT = new Date('2026-01-15T09:30:00Z');

/** Lets the generated client's async request preparation reach HttpClient. */
const requestIssued = () => new Promise((resolve) => setTimeout(resolve));

describe('StatusStore', () => {
  let store: StatusStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
        { provide: CLOCK, useValue: { now: () => CHECKED_AT } },
      ],
    });
    store = TestBed.inject(StatusStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** Starts a refresh and returns the pending readiness request with the promise of the refresh. */
  async function startRefresh() {
    const refreshed = store.refresh();
    await requestIssued();
    return { request: http.expectOne({ method: 'GET', url: '/health/ready' }), refreshed };
  }

  it('is checking, with no last-checked time, before the first answer', async () => {
    expect(store.api()).toBe('checking');
    expect(store.database()).toBe('checking');
    expect(store.lastCheckedAt()).toBeNull();

    const { request, refreshed } = await startRefresh();
    expect(store.checking()).toBe(true);
    expect(store.api()).toBe('checking');
    expect(store.database()).toBe('checking');
    request.flush(READY);
    await refreshed;
  });

  it('reports the API and the database healthy when readiness answers 200', async () => {
    const { request, refreshed } = await startRefresh();
    request.flush(READY);
    await refreshed;

    expect(store.readiness()).toEqual({ state: 'ready', identityProvider: 'up' });
    expect(store.api()).toBe('healthy');
    expect(store.database()).toBe('healthy');
    expect(store.identityProvider()).toBe('healthy');
    expect(store.problem()).toBeNull();
    expect(store.lastCheckedAt()).toEqual(CHECKED_AT);
  });

  it('reports the API healthy and the database unavailable, with the envelope, on 503 service_unavailable', async () => {
    const { request, refreshed } = await startRefresh();
    request.flush(DATABASE_DOWN, { status: 503, statusText: 'Service Unavailable' });
    await refreshed;

    expect(store.api()).toBe('healthy');
    expect(store.database()).toBe('unavailable');
    expect(store.identityProvider()).toBe('unconfirmed');
    expect(store.problem()).toEqual(DATABASE_DOWN);
    expect(store.lastCheckedAt()).toEqual(CHECKED_AT);
  });

  it('does not confirm the identity provider while the API could not ask it lately', async () => {
    const { request, refreshed } = await startRefresh();
    request.flush({ ...READY, checks: { ...READY.checks, identity_provider: { status: 'unknown' } } });
    await refreshed;

    expect(store.identityProvider()).toBe('unconfirmed');
    expect(store.database()).toBe('healthy');
  });

  it('blames the identity provider, not the database, on 503 identity_provider_misconfigured', async () => {
    const { request, refreshed } = await startRefresh();
    request.flush(IDENTITY_PROVIDER_REFUSES, { status: 503, statusText: 'Service Unavailable' });
    await refreshed;

    expect([store.api(), store.database(), store.identityProvider()]).toEqual(['healthy', 'healthy', 'unavailable']);
    expect(store.problem()).toEqual(IDENTITY_PROVIDER_REFUSES);
  });

  it('reports the API unreachable on a network error', async () => {
    const { request, refreshed } = await startRefresh();
    request.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await refreshed;

    expect(store.readiness()).toEqual({ state: 'api-unreachable' });
    expect(store.api()).toBe('unavailable');
    expect(store.database()).toBe('unavailable');
    expect(store.identityProvider()).toBe('unavailable');
    expect(store.problem()).toBeNull();
    expect(store.lastCheckedAt()).toEqual(CHECKED_AT);
  });

  it.each([
    { answer: 'a proxy error page', body: '<html>502 Bad Gateway</html>', status: 502 },
    { answer: 'a 503 that is not the envelope', body: 'Service Unavailable', status: 503 },
    { answer: 'an envelope with another code', body: { ...DATABASE_DOWN, code: 'internal_error' }, status: 500 },
    {
      answer: 'a 200 that is not the readiness answer',
      body: '<!doctype html><title>AiDial Access</title>',
      status: 200,
    },
  ])('reports the API unreachable on $answer', async ({ body, status }) => {
    const { request, refreshed } = await startRefresh();
    request.flush(body, { status, statusText: 'Answer' });
    await refreshed;

    expect(store.api()).toBe('unavailable');
    expect(store.database()).toBe('unavailable');
  });

  it('shows checking again on refresh and keeps the last-checked time until the new answer', async () => {
    const first = await startRefresh();
    first.request.flush(READY);
    await first.refreshed;

    const second = await startRefresh();
    expect(store.api()).toBe('checking');
    expect(store.lastCheckedAt()).toEqual(CHECKED_AT);
    second.request.flush(DATABASE_DOWN, { status: 503, statusText: 'Service Unavailable' });
    await second.refreshed;
    expect(store.database()).toBe('unavailable');
  });

  it('keeps the latest answer when an earlier, slower check answers after it', async () => {
    const slow = store.refresh();
    const fast = store.refresh();
    await requestIssued();
    const [slowRequest, fastRequest] = http.match('/health/ready');

    fastRequest.flush(DATABASE_DOWN, { status: 503, statusText: 'Service Unavailable' });
    await fast;
    slowRequest.flush(READY);
    await slow;

    expect(store.database()).toBe('unavailable');
  });
});
