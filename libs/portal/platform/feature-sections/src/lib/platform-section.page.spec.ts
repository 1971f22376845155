import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import {
  ADJUSTMENTS_ROUTES,
  ADMIN_CAPACITY_ROUTES,
  BILLING_ROUTES,
  CALLS_ROUTES,
  CAMPAIGNS_ROUTES,
  CAPACITY_ROUTES,
  COMPLIANCE_ROUTES,
  DISCOUNTS_ROUTES,
  INCIDENTS_ROUTES,
} from './platform-sections.routes';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const pathOf = (request: { urlWithParams: string }) => request.urlWithParams.split('?')[0];

const sessionFor = (role: string, client: { id: string; name: string } | null = null) => ({
  user: { display_name: 'Someone', email: 'someone@example.com' },
  role,
  tenant: { id: 't-1', name: 'Tenant', kind: role.startsWith('partner') ? 'partner' : 'customer', status: 'active' },
  client,
  project_scope: { kind: 'all', project_ids: [] },
  expires_at: '2999-01-01T00:00:00Z',
});

describe('platform section pages', () => {
  let http: HttpTestingController;

  async function open(url: string, role = 'client_admin', client: { id: string; name: string } | null = null) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'calls', children: CALLS_ROUTES },
          { path: 'billing', children: BILLING_ROUTES },
          { path: 'compliance', children: COMPLIANCE_ROUTES },
          { path: 'partner/campaigns', children: CAMPAIGNS_ROUTES },
          { path: 'capacity', children: CAPACITY_ROUTES },
          { path: 'admin/capacity', children: ADMIN_CAPACITY_ROUTES },
          { path: 'admin/incidents', children: INCIDENTS_ROUTES },
          { path: 'admin/discounts', children: DISCOUNTS_ROUTES },
          { path: 'admin/adjustments', children: ADJUSTMENTS_ROUTES },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(SessionStore).ensureLoaded();
    await settle();
    http.expectOne('/api/session').flush(sessionFor(role, client));
    await loaded;
    harness = await RouterTestingHarness.create(url);
    return harness.routeNativeElement as HTMLElement;
  }

  let harness: RouterTestingHarness;

  async function render() {
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
  }

  const upstream = (status: number, code: string) =>
    [
      { code, message: 'The AiDial platform is not answering properly. Try again shortly.', request_id: 'req-up' },
      { status, statusText: 'Upstream' },
    ] as const;

  it.each([
    ['/compliance', 'Compliance'],
    ['/compliance/admin', 'Compliance administration'],
    ['/admin/incidents', 'Incidents'],
    ['/admin/discounts', 'Discounts'],
    ['/admin/adjustments', 'Adjustments'],
  ])('%s shows its heading and the shared "Not connected yet" state', async (url, heading) => {
    const page = await open(url);
    expect([...page.querySelectorAll('h1')].map((h1) => h1.textContent)).toEqual([heading]);
    expect(page.querySelector('aidial-not-connected-state h2')?.textContent).toBe('Not connected yet');
    expect(page.querySelectorAll('aidial-not-connected-state li').length).toBeGreaterThan(0);
  });

  it('links Compliance to its administrator subpages for client_admin', async () => {
    const page = await open('/compliance', 'client_admin');
    expect(page.querySelector('a[href="/compliance/admin"]')?.textContent?.trim()).toBe('Compliance administration');
  });

  it('offers client_manager no link to the administrator subpages', async () => {
    const page = await open('/compliance', 'client_manager');
    expect(page.querySelector('a[href="/compliance/admin"]')).toBeNull();
  });

  it('Calls lists the calls of the customer shown, with project names', async () => {
    const page = await open('/calls');
    await settle();
    http.expectOne('/api/dashboard').flush({
      organisation: { id: 't-1', name: 'Tenant', kind: 'customer' },
      client: null,
      projects: [{ id: 'p-1', name: 'Outbound reminders', status: 'active' }],
      member_count: 1,
      managed_client_count: null,
    });
    http
      .expectOne((request) => pathOf(request) === '/api/platform/calls')
      .flush({
        items: [
          {
            id: 'call-1',
            project_id: 'p-1',
            started_at: '2026-11-23T10:00:00.000Z',
            direction: 'outbound',
            duration_seconds: 125,
            outcome: 'answered',
          },
        ],
        next_cursor: null,
      });
    await render();
    const cells = [...page.querySelectorAll('aidial-calls-table tbody tr th, aidial-calls-table tbody tr td')].map(
      (cell) => cell.textContent?.trim(),
    );
    expect(cells.slice(1)).toEqual(['Outbound reminders', 'Outbound', '2 min 05 s', 'Answered', 'call-1']);
    expect(page.querySelector('aidial-not-connected-state')).toBeNull();
  });

  it('asks a partner without a selected client to pick one, without asking the platform', async () => {
    const page = await open('/partner/campaigns', 'partner_user');
    await settle();
    await render();
    expect(page.querySelector('aidial-platform-problem h2')?.textContent).toBe('Select a client');
    expect(page.querySelector('a[href="/partner/clients"]')).not.toBeNull();
    http.expectNone((request) => pathOf(request).startsWith('/api/platform/'));
  });

  it('asks for a client when the API says the selection is gone (client_selection_required)', async () => {
    const page = await open('/billing', 'partner_admin', { id: 'c-1', name: 'Acme Health' });
    await settle();
    http.expectOne('/api/dashboard').flush({
      organisation: { id: 't-1', name: 'Northwind', kind: 'partner' },
      client: null,
      projects: [],
      member_count: null,
      managed_client_count: 2,
    });
    http
      .expectOne('/api/platform/billing/summary')
      .flush(
        { code: 'client_selection_required', message: 'Select a client to see this.', request_id: 'req-1' },
        { status: 409, statusText: 'Conflict' },
      );
    await render();
    expect(page.querySelector('aidial-platform-problem h2')?.textContent).toBe('Select a client');
  });

  it.each([
    [502, 'upstream_unavailable'],
    [504, 'upstream_timeout'],
  ])('says honestly that the platform is not answering on %i, with the request id', async (status, code) => {
    const page = await open('/capacity', 'partner_admin');
    await settle();
    http.expectOne('/api/platform/capacity').flush(...upstream(status, code));
    await render();
    expect(page.querySelector('aidial-platform-problem h2')?.textContent).toBe('The AiDial platform is not answering');
    expect(page.querySelector('aidial-platform-problem code')?.textContent).toBe('req-up');
    expect(page.textContent).not.toMatch(/Concurrent lines/);
  });

  it('Billing shows the period’s charges and usage by project', async () => {
    const page = await open('/billing');
    await settle();
    http.expectOne('/api/dashboard').flush({
      organisation: { id: 't-1', name: 'Tenant', kind: 'customer' },
      client: null,
      projects: [{ id: 'p-1', name: 'Outbound reminders', status: 'active' }],
      member_count: 1,
      managed_client_count: null,
    });
    http.expectOne('/api/platform/billing/summary').flush({
      period: '2026-11',
      currency: 'AUD',
      calls: 1200,
      minutes: 3400,
      amount_cents: 123456,
      projects: [{ project_id: 'p-1', calls: 1200, minutes: 3400, amount_cents: 123456 }],
    });
    await render();
    const figures = [...page.querySelectorAll('aidial-figures .figure')].map(
      (figure) => `${figure.querySelector('dt')?.textContent} ${figure.querySelector('dd')?.textContent}`,
    );
    expect(figures).toEqual(['Charges $1,234.56', 'Calls 1,200', 'Minutes 3,400']);
    expect(page.querySelector('tbody th')?.textContent).toBe('Outbound reminders');
  });
});
