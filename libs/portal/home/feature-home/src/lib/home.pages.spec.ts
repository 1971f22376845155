import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideApiClient } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import { DashboardPage } from './dashboard.page';
import { AdminHomePage } from './home.pages';

const sessionFor = (
  role: string,
  displayName: string | null,
  tenant: string,
  kind = 'customer',
  client: { id: string; name: string } | null = null,
) => ({
  user: { display_name: displayName, email: null },
  role,
  tenant: { id: 't-1', name: tenant, kind, status: 'active' },
  client,
  project_scope: { kind: 'all', project_ids: [] },
  sign_in: { amr: ['pwd'], multi_factor: false, authenticated_at: '2026-01-01T00:00:00Z' },
  expires_at: '2999-01-01T00:00:00Z',
  absolute_expires_at: '2999-01-01T00:00:00Z',
});

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('home pages', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function signedInAs(session: object) {
    const loaded = TestBed.inject(SessionStore).ensureLoaded();
    await settle();
    http.expectOne('/api/session').flush(session);
    await loaded;
  }

  const summary = { calls_today: 1234, answered_rate: 0.8, minutes_this_month: 5600, active_campaigns: 2 };

  async function render(
    page: typeof DashboardPage | typeof AdminHomePage,
    dashboard?: object,
    status = 200,
    metrics: { body: object; status: number } | null = { body: summary, status: 200 },
  ) {
    const fixture = TestBed.createComponent(page);
    await fixture.whenStable();
    if (dashboard) {
      await settle();
      http.expectOne('/api/dashboard').flush(dashboard, { status, statusText: String(status) });
      if (metrics) {
        http
          .expectOne('/api/platform/dashboard/summary')
          .flush(metrics.body, { status: metrics.status, statusText: String(metrics.status) });
      }
      await settle();
      await fixture.whenStable();
    }
    return fixture.nativeElement as HTMLElement;
  }

  const customerDashboard = {
    organisation: { id: 't-1', name: 'Acme Health', kind: 'customer' },
    client: null,
    projects: [
      { id: 'p-1', name: 'Outbound reminders', status: 'active' },
      { id: 'p-2', name: 'Inbound reception', status: 'archived' },
    ],
    member_count: 3,
    managed_client_count: null,
  };

  it('the Dashboard says who is signed in and shows the organisation and its projects', async () => {
    await signedInAs(sessionFor('client_admin', 'Amelia Hart', 'Acme Health'));
    const page = await render(DashboardPage, customerDashboard);
    expect(page.querySelector('h1')?.textContent).toBe('Dashboard');
    expect(page.querySelector('.summary')?.textContent?.trim()).toBe(
      'Signed in as Amelia Hart (Client Administrator) · Acme Health',
    );
    expect(page.textContent).toContain('3 members');
    expect([...page.querySelectorAll('.projects li')].map((item) => item.textContent)).toEqual([
      'Outbound reminders (Active)',
      'Inbound reception (Archived)',
    ]);
    expect(
      [...page.querySelectorAll('aidial-figures .figure')].map(
        (figure) => `${figure.querySelector('dt')?.textContent}: ${figure.querySelector('dd')?.textContent}`,
      ),
    ).toEqual(['Calls today: 1,234', 'Answered today: 80%', 'Minutes this month: 5,600', 'Running campaigns: 2']);
  });

  it('says honestly when the AiDial platform is not answering, with the request id', async () => {
    await signedInAs(sessionFor('client_admin', 'Amelia Hart', 'Acme Health'));
    const page = await render(DashboardPage, customerDashboard, 200, {
      body: { code: 'upstream_timeout', message: 'The AiDial platform did not answer in time.', request_id: 'req-up' },
      status: 504,
    });
    expect(page.querySelector('aidial-platform-problem h2')?.textContent).toBe('The AiDial platform is not answering');
    expect(page.querySelector('aidial-platform-problem code')?.textContent).toBe('req-up');
    expect(page.querySelector('aidial-figures')).toBeNull();
  });

  it('asks a partner without a selected client to pick one, and lists no projects', async () => {
    await signedInAs(sessionFor('partner_user', 'Liam', 'Northwind Partners', 'partner'));
    const page = await render(
      DashboardPage,
      {
        organisation: { id: 't-2', name: 'Northwind Partners', kind: 'partner' },
        client: null,
        projects: [],
        member_count: null,
        managed_client_count: 2,
      },
      200,
      null,
    );
    expect(page.textContent).toContain('Call metrics are shown for the selected client.');
    expect(page.textContent).toContain('No client is selected.');
    expect(page.querySelector('a[href="/partner/clients"]')?.textContent?.trim()).toBe('Choose a client');
    expect(page.querySelector('.projects')).toBeNull();
    expect(page.textContent).toContain('Manages 2 clients');
  });

  it("shows a partner the selected client's projects", async () => {
    await signedInAs(
      sessionFor('partner_admin', 'Priya', 'Northwind Partners', 'partner', { id: 'c-1', name: 'Acme Health' }),
    );
    const page = await render(DashboardPage, {
      ...customerDashboard,
      organisation: { id: 't-2', name: 'Northwind Partners', kind: 'partner' },
      client: { id: 'c-1', name: 'Acme Health' },
      managed_client_count: 2,
    });
    expect(page.querySelector('[data-testid="dashboard-client"]')?.textContent).toBe('Acme Health');
    expect(page.querySelectorAll('.projects li')).toHaveLength(2);
    // The count is the client's members: shown on the client's card, never under the partner's name.
    const cards = [...page.querySelectorAll('mat-card')].map((card) => card.textContent ?? '');
    expect(cards.find((text) => text.includes('Northwind Partners'))).not.toContain('members');
    expect(cards.find((text) => text.includes('Selected client'))).toContain('3 members');
  });

  it('shows the message and request id when the dashboard cannot be read', async () => {
    await signedInAs(sessionFor('client_staff', 'Sofia', 'Acme Health'));
    const page = await render(
      DashboardPage,
      { code: 'service_unavailable', message: 'The service is unavailable.', request_id: 'req-9' },
      503,
    );
    expect(page.querySelector('[role="alert"] .message')?.textContent).toBe('The service is unavailable.');
    expect(page.querySelector('[role="alert"] code')?.textContent).toBe('req-9');
  });

  it('the admin home says who is signed in', async () => {
    await signedInAs(sessionFor('aidial_operator', 'Noah Williams', 'AiDial', 'internal'));
    const page = await render(AdminHomePage);
    expect(page.querySelector('h1')?.textContent).toBe('Admin');
    expect(page.querySelector('p')?.textContent?.trim()).toBe('Signed in as Noah Williams (AiDial Operator) · AiDial');
  });
});
