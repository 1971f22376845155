import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { PlatformStore } from './platform.store';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const pathOf = (request: { urlWithParams: string }) => request.urlWithParams.split('?')[0];
const paramsOf = (request: { urlWithParams: string }) => new URLSearchParams(request.urlWithParams.split('?')[1] ?? '');

const call = (id: string) => ({
  id,
  project_id: 'p-1',
  started_at: '2026-11-23T10:00:00.000Z',
  direction: 'outbound',
  duration_seconds: 95,
  outcome: 'answered',
});

describe('PlatformStore', () => {
  let http: HttpTestingController;
  let store: PlatformStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [PlatformStore, provideHttpClient(), provideHttpClientTesting(), provideApiClient({ baseUrl: '' })],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(PlatformStore);
  });

  afterEach(() => http.verify());

  it('shows the platform’s figures once they answer', async () => {
    const loading = store.summary.load();
    expect(store.summary.view().kind).toBe('loading');
    await settle();
    const summary = { calls_today: 12, answered_rate: 0.75, minutes_this_month: 340, active_campaigns: 2 };
    http.expectOne('/api/platform/dashboard/summary').flush(summary);
    await loading;
    expect(store.summary.view()).toEqual({ kind: 'loaded', data: summary });
  });

  it('asks a partner to pick a client on client_selection_required', async () => {
    const loading = store.billing.load();
    await settle();
    http
      .expectOne('/api/platform/billing/summary')
      .flush(
        { code: 'client_selection_required', message: 'Select a client to see this.', request_id: 'req-1' },
        { status: 409, statusText: 'Conflict' },
      );
    await loading;
    expect(store.billing.view().kind).toBe('client-required');
  });

  it.each([
    [502, 'upstream_unavailable', 'The AiDial platform is not answering properly. Try again shortly.'],
    [504, 'upstream_timeout', 'The AiDial platform did not answer in time. Try again shortly.'],
  ])('says the platform is not answering on %i %s, with the request id', async (status, code, message) => {
    const loading = store.capacity.load();
    await settle();
    http
      .expectOne('/api/platform/capacity')
      .flush({ code, message, request_id: 'req-up' }, { status, statusText: 'Upstream' });
    await loading;
    const view = store.capacity.view();
    expect(view.kind).toBe('unavailable');
    expect(view.kind === 'unavailable' && view.problem.requestId).toBe('req-up');
  });

  it('reads calls a page at a time with their filters, and maps refusals like the other reads', async () => {
    const searching = store.calls.search({ outcome: 'answered', direction: null });
    await settle();
    const request = http.expectOne((candidate) => pathOf(candidate) === '/api/platform/calls');
    expect(Object.fromEntries(paramsOf(request.request))).toEqual({ limit: '25', outcome: 'answered' });
    request.flush({ items: [call('c-1')], next_cursor: 'n-2' });
    await searching;
    const view = store.callsView();
    expect(view.kind === 'loaded' && view.data.items.map((item) => item.id)).toEqual(['c-1']);

    const next = store.calls.next();
    await settle();
    const second = http.expectOne((candidate) => pathOf(candidate) === '/api/platform/calls');
    expect(paramsOf(second.request).get('cursor')).toBe('n-2');
    second.flush(
      { code: 'client_selection_required', message: 'Select a client to see this.', request_id: 'req-2' },
      { status: 409, statusText: 'Conflict' },
    );
    await next;
    expect(store.callsView().kind).toBe('client-required');
  });

  it('names projects from the workspace', async () => {
    const loading = store.workspace.load();
    await settle();
    http.expectOne('/api/dashboard').flush({
      organisation: { id: 't-1', name: 'Acme Health', kind: 'customer' },
      client: null,
      projects: [{ id: 'p-1', name: 'Outbound reminders', status: 'active' }],
      member_count: 3,
      managed_client_count: null,
    });
    await loading;
    expect(store.projectNames()).toEqual({ 'p-1': 'Outbound reminders' });
  });
});
