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

  const acmeWorkspace = {
    organisation: { id: 't-1', name: 'Tenant', kind: 'customer' },
    client: null,
    projects: [{ id: 'p-1', name: 'Outbound reminders', status: 'active' }],
    member_count: 1,
    managed_client_count: null,
  };
  /** Each match's text; a row's or a figure's cells joined by a space. */
  const texts = (page: HTMLElement, selector: string) =>
    [...page.querySelectorAll(selector)].map((element) => {
      const cells = [...element.querySelectorAll('th, td, dt, dd')];
      const parts = cells.length > 0 ? cells.map((cell) => cell.textContent ?? '') : [element.textContent ?? ''];
      return parts.map((part) => part.replace(/\s+/g, ' ').trim()).join(' ');
    });
  const complianceRecords = {
    since: '2026-11-17T00:00:00.000Z',
    totals: { checked: 12, cleared: 9, blocked: 2, held: 1 },
    items: [
      {
        id: 'chk_1',
        project_id: 'p-1',
        checked_at: '2026-11-23T09:59:00.000Z',
        rule: 'do_not_call',
        result: 'blocked',
        call_id: null,
        note: 'On the Do Not Call Register; not dialled.',
      },
    ],
  };

  it('Compliance shows the totals and each check in words, with project names', async () => {
    const page = await open('/compliance', 'client_manager');
    await settle();
    http.expectOne('/api/dashboard').flush(acmeWorkspace);
    http.expectOne('/api/platform/compliance/records').flush(complianceRecords);
    await render();
    expect(page.querySelector('h1')?.textContent).toBe('Compliance');
    expect(texts(page, 'aidial-figures .figure')).toEqual([
      'Checks 12',
      'Cleared to dial 9',
      'Blocked 2',
      'Held back 1',
    ]);
    expect(texts(page, 'tbody tr td')).toEqual([
      'Outbound reminders',
      'Do-not-call lists',
      'Blocked',
      'On the Do Not Call Register; not dialled.',
    ]);
    expect(page.querySelector('[role="region"][aria-label="Compliance checks"]')).not.toBeNull();
    // client_manager may not open the administrator subpages: no link to them.
    expect(page.querySelector('a[href="/compliance/admin"]')).toBeNull();
  });

  it('links Compliance to its administrator subpages for client_admin, and filters the checks by result', async () => {
    const page = await open('/compliance', 'client_admin');
    await settle();
    http.expectOne('/api/dashboard').flush(acmeWorkspace);
    http.expectOne('/api/platform/compliance/records').flush(complianceRecords);
    await render();
    expect(page.querySelector('a[href="/compliance/admin"]')?.textContent?.trim()).toBe('Compliance administration');

    const compliance = harness.routeDebugElement?.componentInstance as {
      result: { setValue(value: string | null): void };
    };
    compliance.result.setValue('held');
    await settle();
    http.expectOne('/api/platform/compliance/records?result=held').flush({ ...complianceRecords, items: [] });
    await render();
    expect(page.querySelector('[role="status"]')?.textContent?.trim()).toBe('No checks with this result.');

    compliance.result.setValue(null);
    await settle();
    http.expectOne('/api/platform/compliance/records').flush({ ...complianceRecords, items: [] });
    await render();
    expect(page.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'The AiDial platform made no compliance checks since then.',
    );
  });

  it('Compliance administration shows calling hours, lists, consent sources and exceptions in words', async () => {
    const page = await open('/compliance/admin', 'client_admin');
    await settle();
    http.expectOne('/api/dashboard').flush(acmeWorkspace);
    http.expectOne('/api/platform/compliance/settings').flush({
      time_zone: 'Australia/Sydney',
      calling_hours: [
        { days: 'weekdays', from: '09:00', to: '20:00' },
        { days: 'sunday', from: null, to: null },
      ],
      do_not_call_lists: [
        {
          id: 'dnc_1',
          name: 'Do Not Call Register (ACMA)',
          source: 'national_register',
          entries: 12400000,
          updated_at: '2026-11-23T00:00:00.000Z',
        },
      ],
      consent_sources: [
        {
          id: 'cns_1',
          name: 'Intake form consent',
          kind: 'written',
          records: 1200,
          updated_at: '2026-11-20T00:00:00Z',
        },
      ],
      exceptions: [
        { id: 'exc_1', project_id: 'p-1', description: 'Until 8:30 pm on weekdays.', ends_on: '2027-01-31' },
      ],
    });
    await render();
    expect(page.querySelector('h1')?.textContent).toBe('Compliance administration');
    expect(page.textContent).toContain('In Sydney time.');
    expect(texts(page, '[aria-label="Calling hours"] tbody tr')).toEqual([
      'Monday to Friday 09:00 to 20:00',
      'Sunday No calls',
    ]);
    expect(texts(page, '[aria-label="Do-not-call lists"] tbody td').slice(0, 2)).toEqual([
      'National register',
      '12,400,000',
    ]);
    expect(texts(page, '[aria-label="Consent sources"] tbody td').slice(0, 2)).toEqual(['Written', '1,200']);
    expect(texts(page, '[aria-label="Exceptions"] tbody tr')).toEqual([
      'Outbound reminders Until 8:30 pm on weekdays. Jan 31, 2027',
    ]);
  });

  it('Incidents shows the open incident in full and every incident in a table', async () => {
    const page = await open('/admin/incidents', 'aidial_operator');
    await settle();
    const incident = (id: string, status: string, resolved: string | null) => ({
      id,
      title: `Incident ${id}`,
      severity: 'minor',
      status,
      started_at: '2026-11-23T07:00:00.000Z',
      resolved_at: resolved,
      impact: 'Recordings arrive late.',
      affected_tenants: [{ id: 't-9', name: 'Acme Health' }],
      updates: [{ at: '2026-11-23T08:00:00.000Z', status, message: 'Watching the queue.' }],
    });
    http.expectOne('/api/platform/incidents').flush({
      items: [incident('a', 'monitoring', null), incident('b', 'resolved', '2026-11-23T09:00:00.000Z')],
    });
    await render();
    expect(texts(page, 'mat-card h3')).toEqual(['Incident a']);
    expect(page.querySelector('mat-card')?.textContent).toContain('Minor · Monitoring a fix · since');
    expect(page.querySelector('mat-card')?.textContent).toContain('Affected: Acme Health');
    expect(texts(page, '[aria-label="All incidents"] tbody th')).toEqual(['Incident a', 'Incident b']);
    expect(texts(page, '[aria-label="All incidents"] tbody tr:first-child td')[3]).toBe('Not yet');
  });

  it('Discounts counts them by status and names each tenant', async () => {
    const page = await open('/admin/discounts', 'aidial_admin');
    await settle();
    http.expectOne('/api/platform/discounts').flush({
      items: [
        {
          id: 'dsc_1',
          tenant: { id: 't-9', name: 'Acme Health' },
          name: 'Launch discount',
          percent_off: 15,
          applies_to: 'call_minutes',
          starts_on: '2026-09-24',
          ends_on: null,
          status: 'active',
        },
      ],
    });
    await render();
    expect(texts(page, 'aidial-figures .figure')).toEqual(['Active 1', 'Scheduled 0', 'Expired 0']);
    expect(texts(page, 'tbody tr')).toEqual([
      'Acme Health Launch discount 15% Call minutes Sep 24, 2026 No end date Active',
    ]);
  });

  it('Adjustments shows each credit and charge with its bill’s month and a signed amount', async () => {
    const page = await open('/admin/adjustments', 'aidial_admin');
    await settle();
    http.expectOne('/api/platform/adjustments').flush({
      items: [
        {
          id: 'adj_1',
          tenant: { id: 't-9', name: 'Acme Health' },
          period: '2026-11',
          kind: 'credit',
          amount_cents: 12500,
          currency: 'AUD',
          reason: 'Service credit',
          created_at: '2026-11-23T09:00:00.000Z',
        },
      ],
    });
    await render();
    expect(texts(page, 'tbody td')).toEqual(['Acme Health', 'November 2026', 'Credit', '−$125.00', 'Service credit']);
  });

  it('says honestly that the platform is not answering on an admin page', async () => {
    const page = await open('/admin/discounts', 'aidial_operator');
    await settle();
    http.expectOne('/api/platform/discounts').flush(...upstream(502, 'upstream_unavailable'));
    await render();
    expect(page.querySelector('aidial-platform-problem h2')?.textContent).toBe('The AiDial platform is not answering');
    expect(page.querySelector('table')).toBeNull();
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
    // The period in words, not the API's "2026-11".
    expect(page.querySelector('h2.section-title')?.textContent).toBe('November 2026');
    expect(page.querySelector('tbody th')?.textContent).toBe('Outbound reminders');
  });
});
