import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideApiClient } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import { DashboardPage } from './dashboard.page';
import { AdminHomePage } from './admin-home.page';

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
    page: typeof DashboardPage,
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

  describe('the admin home', () => {
    const overview = {
      tenants_by_status: [
        { status: 'active', count: 6 },
        { status: 'suspended', count: 1 },
        { status: 'closed', count: 0 },
      ],
      mfa_not_compliant: {
        checked: 4,
        unchecked: 0,
        truncated: false,
        members: [
          {
            user_id: 'u-8',
            display_name: 'Oliver Bennett',
            email: 'oliver.bennett@northwind.example',
            tenant: { id: 't-2', name: 'Northwind Partners' },
            role: 'partner_admin',
            required_by: 'role',
            missing: 'no_second_factor',
          },
        ],
      },
      identity_provider: 'up',
    };
    const event = {
      id: 'e-1',
      occurred_at: '2026-11-23T09:00:00.000Z',
      tenant_id: 't-1',
      actor_user_id: 'u-1',
      actor_api_key_id: null,
      actor: { kind: 'person', id: 'u-1', name: 'Amelia Hart', email: 'amelia.hart@acme-health.example' },
      actor_role: 'client_admin',
      action: 'tenancy.member.role_changed',
      outcome: 'success',
      target_type: 'membership',
      target_id: 'm-1',
      target_description: 'Member Marcus Chen',
      request_id: 'req-1',
      ip: null,
      user_agent: null,
      details: {},
    };
    const capacity = {
      scope: 'platform',
      concurrent_lines: 500,
      in_use: 123,
      queued: 2,
      updated_at: '2026-11-23T09:00:00Z',
    };

    async function renderAdminHome(answers: {
      overview?: [object, number];
      capacity?: [object, number];
      events?: [object, number];
    }) {
      await signedInAs(sessionFor('aidial_operator', 'Noah Williams', 'AiDial', 'internal'));
      const fixture = TestBed.createComponent(AdminHomePage);
      await fixture.whenStable();
      await settle();
      const flush = (url: string, [body, status]: [object, number]) =>
        http.expectOne(url).flush(body, { status, statusText: String(status) });
      flush('/api/admin/overview', answers.overview ?? [overview, 200]);
      flush('/api/audit-events?limit=8', answers.events ?? [{ items: [event], next_cursor: null }, 200]);
      flush('/api/platform/capacity', answers.capacity ?? [capacity, 200]);
      await settle();
      await fixture.whenStable();
      return fixture.nativeElement as HTMLElement;
    }
    /** An element's text as a reader hears it: each text node's words, separated by a space. */
    const wordsOf = (element: Element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const words: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.replace(/\s+/g, ' ').trim();
        if (text) words.push(text);
      }
      return words.join(' ');
    };
    const rows = (page: HTMLElement, region: string) =>
      [...page.querySelectorAll(`[aria-label="${region}"] tbody tr`)].map((row) =>
        [...row.querySelectorAll('th, td')].map(wordsOf),
      );

    it('says who is signed in, and shows tenants by status, each linking to the Tenants page', async () => {
      const page = await renderAdminHome({});
      expect(page.querySelector('h1')?.textContent).toBe('Admin');
      expect(page.querySelector('.summary')?.textContent?.trim()).toBe(
        'Signed in as Noah Williams (AiDial Operator) · AiDial',
      );
      const counts = [...page.querySelectorAll('[aria-label="Tenants by status"] a')];
      expect(counts.map((link) => link.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
        '6 active',
        '1 suspended',
        '0 closed',
      ]);
      expect(counts.every((link) => link.getAttribute('href') === '/admin/tenants')).toBe(true);
    });

    it('lists members without their mandatory second factor by name, in words, linking to each user', async () => {
      const page = await renderAdminHome({});
      expect(rows(page, 'Members without mandatory MFA')).toEqual([
        [
          'Oliver Bennett oliver.bennett@northwind.example',
          'Northwind Partners',
          'Partner Administrator',
          'Their role',
          'No second factor set up',
        ],
      ]);
      expect(page.querySelector('[aria-label="Members without mandatory MFA"] a')?.getAttribute('href')).toBe(
        '/admin/users/u-8',
      );
    });

    it('says so when every member with mandatory MFA has a second factor', async () => {
      const page = await renderAdminHome({
        overview: [
          { ...overview, mfa_not_compliant: { checked: 3, unchecked: 0, truncated: false, members: [] } },
          200,
        ],
      });
      expect(page.textContent).toContain('All 3 members whose MFA is mandatory have a second factor.');
      expect(page.querySelector('[aria-label="Members without mandatory MFA"]')).toBeNull();
    });

    it('says how many members the identity provider was not asked about, never that all have a second factor', async () => {
      const unknown = { ...overview.mfa_not_compliant.members[0], missing: 'enrolment_unknown' };
      const page = await renderAdminHome({
        overview: [
          { ...overview, mfa_not_compliant: { checked: 2, unchecked: 1, truncated: false, members: [unknown] } },
          200,
        ],
      });
      expect(page.textContent).not.toContain('have a second factor.');
      expect(rows(page, 'Members without mandatory MFA')[0]?.[4]).toBe(
        'Not known: the identity provider was not asked or did not answer',
      );
      expect(wordsOf(page)).toContain(
        'The identity provider was not asked about 1 of 3 members, or did not answer in time: they are listed as not known.',
      );
    });

    it('names the latest security events in words: what, outcome, who and what about', async () => {
      const page = await renderAdminHome({});
      const [row] = rows(page, 'Recent security events');
      expect(row?.slice(1)).toEqual(["Changed a member's role", 'Success', 'Amelia Hart', 'Member Marcus Chen']);
      expect(page.querySelector('a[href="/admin/audit-log"]')).not.toBeNull();
    });

    it('shows the identity provider and the platform answering', async () => {
      const page = await renderAdminHome({});
      const services = [...page.querySelectorAll('.service')].map(wordsOf);
      expect(services).toEqual([
        'Identity provider Reachable Its service account has the rights the portal needs.',
        'AiDial platform Answering 123 of 500 lines in use, 2 queued.',
      ]);
    });

    it('says the platform is not answering, and the identity provider not confirmed yet, when so', async () => {
      const page = await renderAdminHome({
        overview: [{ ...overview, identity_provider: 'unknown' }, 200],
        capacity: [
          { code: 'upstream_unavailable', message: 'The AiDial platform is not answering.', request_id: 'r' },
          502,
        ],
      });
      const services = [...page.querySelectorAll('.service')].map(wordsOf);
      expect(services).toEqual([
        'Identity provider Not confirmed yet The portal has not yet confirmed its service account’s rights: it has just started, or the identity provider did not answer its last check.',
        'AiDial platform Not answering Platform pages say so until it answers again.',
      ]);
      // The rest of the overview is still shown.
      expect(rows(page, 'Members without mandatory MFA')).toHaveLength(1);
    });

    it('shows the message and request id when the overview cannot be read', async () => {
      const page = await renderAdminHome({
        overview: [{ code: 'service_unavailable', message: 'The service is unavailable.', request_id: 'req-9' }, 503],
      });
      expect(page.querySelector('[role="alert"] .message')?.textContent).toBe('The service is unavailable.');
      expect(page.querySelector('[aria-label="Tenants by status"]')).toBeNull();
    });
  });
});
