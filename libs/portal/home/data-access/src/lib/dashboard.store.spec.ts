import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { DashboardStore } from './dashboard.store';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('DashboardStore', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [DashboardStore, provideHttpClient(), provideHttpClientTesting(), provideApiClient({ baseUrl: '' })],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const dashboard = {
    organisation: { id: 't-1', name: 'Acme Health', kind: 'customer' },
    client: null,
    projects: [],
    member_count: 3,
    managed_client_count: null,
  };

  it('is loading, then holds the summary', async () => {
    const store = TestBed.inject(DashboardStore);
    const loading = store.load();
    expect(store.state()).toEqual({ kind: 'loading' });
    await settle();
    http.expectOne('/api/dashboard').flush(dashboard);
    await loading;
    expect(store.state()).toEqual({ kind: 'loaded', dashboard });
  });

  it('keeps the problem, with its request id', async () => {
    const store = TestBed.inject(DashboardStore);
    const loading = store.load();
    await settle();
    http
      .expectOne('/api/dashboard')
      .flush(
        { code: 'service_unavailable', message: 'Down.', request_id: 'req-8' },
        { status: 503, statusText: 'Service Unavailable' },
      );
    await loading;
    const state = store.state();
    expect(state.kind === 'error' && state.problem.requestId).toBe('req-8');
  });

  it('lets only the latest read set the state', async () => {
    const store = TestBed.inject(DashboardStore);
    const first = store.load();
    const second = store.load();
    await settle();
    const [older, newer] = http.match('/api/dashboard');
    newer.flush({ ...dashboard, member_count: 4 });
    older.flush(dashboard);
    await Promise.all([first, second]);
    const state = store.state();
    expect(state.kind === 'loaded' && state.dashboard.member_count).toBe(4);
  });
});
