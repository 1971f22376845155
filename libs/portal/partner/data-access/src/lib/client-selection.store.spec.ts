import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import { ClientSelectionStore } from './client-selection.store';
import { PartnerProjectsStore } from './partner-projects.store';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const session = (client: { id: string; name: string } | null) => ({
  user: { display_name: 'Priya', email: 'priya@northwind.example' },
  role: 'partner_admin',
  tenant: { id: 'p-1', name: 'Northwind Partners', kind: 'partner', status: 'active' },
  client,
  project_scope: { kind: 'all', project_ids: [] },
  sign_in: { amr: ['pwd', 'otp', 'mfa'], multi_factor: true, authenticated_at: '2026-01-01T00:00:00Z' },
  expires_at: '2999-01-01T00:00:00Z',
  absolute_expires_at: '2999-01-01T00:00:00Z',
});
const client = (id: string, name: string, selected = false, status = 'active') => ({
  id,
  name,
  status,
  project_count: 2,
  selected,
});

describe('partner stores', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        PartnerProjectsStore,
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(SessionStore).ensureLoaded();
    await settle();
    http.expectOne('/api/session').flush(session(null));
    await loaded;
  });

  afterEach(() => http.verify());

  describe('ClientSelectionStore', () => {
    async function loaded() {
      const store = TestBed.inject(ClientSelectionStore);
      const loading = store.load();
      await settle();
      http.expectOne('/api/partner/clients').flush({
        items: [client('c-1', 'Acme Health'), client('c-2', 'Bluegum Dental')],
      });
      await loading;
      return store;
    }

    it('lists the clients and the session has none selected', async () => {
      const store = await loaded();
      expect(store.clients().map((item) => item.name)).toEqual(['Acme Health', 'Bluegum Dental']);
      expect(store.selectedClient()).toBeNull();
    });

    it('selects a client through client-selection, then reads the session again', async () => {
      const store = await loaded();
      const selecting = store.select('c-2');
      await settle();
      const request = http.expectOne({ method: 'PUT', url: '/api/partner/client-selection' });
      expect(request.request.body).toEqual({ client_id: 'c-2' });
      request.flush({ client: { id: 'c-2', name: 'Bluegum Dental' } });
      await settle();
      http.expectOne('/api/session').flush(session({ id: 'c-2', name: 'Bluegum Dental' }));
      expect(await selecting).toBe(true);
      expect(store.selectedClient()).toEqual({ id: 'c-2', name: 'Bluegum Dental' });
      expect(store.clients().map((item) => item.selected)).toEqual([false, true]);
      expect(store.selecting()).toBe(false);
    });

    it('keeps the session as it was when the API refuses the selection', async () => {
      const store = await loaded();
      const selecting = store.select('c-2');
      await settle();
      http
        .expectOne({ method: 'PUT', url: '/api/partner/client-selection' })
        .flush(
          { code: 'client_not_active', message: 'This client’s account is not active.', request_id: 'req-4' },
          { status: 409, statusText: 'Conflict' },
        );
      expect(await selecting).toBe(false);
      expect(store.selectProblem()?.code).toBe('client_not_active');
      expect(store.selectedClient()).toBeNull();
    });
  });

  describe('PartnerProjectsStore', () => {
    it('lists every client’s projects, or one client’s', async () => {
      const store = TestBed.inject(PartnerProjectsStore);
      const all = store.load(null);
      await settle();
      const first = http.expectOne((request) => request.url.startsWith('/api/partner/projects'));
      expect(first.request.urlWithParams).toBe('/api/partner/projects');
      first.flush({ items: [] });
      await all;
      expect(store.state()).toEqual({ kind: 'loaded', projects: [] });

      const one = store.load('c-1');
      await settle();
      const second = http.expectOne((request) => request.url.startsWith('/api/partner/projects'));
      expect(second.request.urlWithParams).toBe('/api/partner/projects?client_id=c-1');
      second.flush({
        items: [{ id: 'pr-1', name: 'Outbound', status: 'active', client: { id: 'c-1', name: 'Acme' } }],
      });
      await one;
      expect(store.clientFilter()).toBe('c-1');
    });
  });
});
