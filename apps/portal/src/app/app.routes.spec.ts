import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { accessInterceptor } from '@aidial/portal/core';
import { ROLES, type Role, decideRoute } from '@aidial/shared/access';
import { appRoutes } from './app.routes';
import { PortalTitleStrategy } from './portal-title.strategy';

const sessionFor = (role: string) => ({
  user: { display_name: 'Someone', email: 'someone@example.com' },
  role,
  tenant: { id: 't-1', name: 'Tenant', kind: 'customer', status: 'active' },
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  sign_in: { amr: ['pwd'], multi_factor: false, authenticated_at: '2026-01-01T00:00:00Z' },
  expires_at: '2999-01-01T00:00:00Z',
  absolute_expires_at: '2999-01-01T00:00:00Z',
});
const UNAUTHENTICATED = { code: 'unauthenticated', message: 'Sign in to continue.', request_id: 'r-1' };

/** Lets lazy routes load and the client's async request preparation reach HttpClient. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('portal routes', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        { provide: TitleStrategy, useClass: PortalTitleStrategy },
        provideHttpClient(withInterceptors([accessInterceptor])),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    // Pages ask for their own data (Status asks for readiness): those requests are not what these tests are about.
    for (const request of http.match((request) => request.url !== '/api/session')) {
      request.flush(
        { code: 'service_unavailable', message: 'Not in this test.', request_id: 'r-2' },
        { status: 503, statusText: 'Service Unavailable' },
      );
    }
    http.verify();
  });

  async function open(url: string, session: { status: number; body: object }) {
    const navigated = harness.navigateByUrl(url);
    await settle();
    http.expectOne('/api/session').flush(session.body, { status: session.status, statusText: String(session.status) });
    await navigated;
    await settle();
    harness.detectChanges();
    return {
      url: TestBed.inject(Router).url,
      heading: harness.routeNativeElement?.querySelector('h1')?.textContent,
      title: TestBed.inject(Title).getTitle(),
    };
  }

  const signedInAs = (role: string) => ({ status: 200, body: sessionFor(role) });
  const signedOut = { status: 401, body: UNAUTHENTICATED };

  it('shows the sign-in page without asking for a session', async () => {
    await harness.navigateByUrl('/sign-in');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Sign in');
    expect(TestBed.inject(Title).getTitle()).toBe('Sign in · AiDial Access');
    http.expectNone('/api/session');
  });

  it('shows the access-denied page without asking for a session', async () => {
    await harness.navigateByUrl('/access-denied?reason=tenant_suspended');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Access denied');
    http.expectNone('/api/session');
  });

  it('sends the portal root to the home of the role', async () => {
    expect(await open('/', signedInAs('partner_user'))).toEqual({
      url: '/dashboard',
      heading: 'Dashboard',
      title: 'Dashboard · AiDial Access',
    });
  });

  it('sends the portal root of an internal role to the admin home', async () => {
    expect(await open('/', signedInAs('aidial_admin'))).toEqual({
      url: '/admin',
      heading: 'Admin',
      title: 'Admin · AiDial Access',
    });
  });

  it('opens the Status page, which checks readiness', async () => {
    expect(await open('/status', signedInAs('aidial_operator'))).toEqual({
      url: '/status',
      heading: 'Status',
      title: 'Status · AiDial Access',
    });
    http.expectOne('/health/ready');
  });

  it('asks a browser without a session to sign in, keeping the page it asked for', async () => {
    expect(await open('/status', signedOut)).toEqual({
      url: '/sign-in?return_to=%2Fstatus',
      heading: 'Sign in',
      title: 'Sign in · AiDial Access',
    });
  });

  it('shows the not-found page for an address the portal does not know', async () => {
    expect(await open('/no/such/page', signedInAs('client_admin'))).toEqual({
      url: '/no/such/page',
      heading: 'Page not found',
      title: 'Page not found · AiDial Access',
    });
  });

  it('shows the not-found page for a section the role may not see', async () => {
    expect(await open('/admin', signedInAs('partner_admin'))).toEqual({
      url: '/admin',
      heading: 'Page not found',
      title: 'Page not found · AiDial Access',
    });
  });

  /** Every section page of DESIGN.md §5 and the heading it shows. */
  const SECTION_PAGES: ReadonlyArray<[string, string]> = [
    ['/dashboard', 'Dashboard'],
    ['/calls', 'Calls'],
    ['/support', 'Support'],
    ['/settings', 'Settings'],
    ['/status', 'Status'],
    ['/billing', 'Billing'],
    ['/compliance', 'Compliance'],
    ['/compliance/admin', 'Compliance administration'],
    ['/audit-log', 'Audit Log'],
    ['/partner/clients', 'Clients'],
    ['/partner/projects', 'Projects'],
    ['/partner/campaigns', 'Outbound Campaigns'],
    ['/partner/team', 'Partner Team'],
    ['/integrations', 'Integrations'],
    ['/capacity', 'Capacity'],
    ['/team', 'Team'],
    ['/admin', 'Admin'],
    ['/admin/tenants', 'Tenants'],
    ['/admin/users', 'Users'],
    ['/admin/incidents', 'Incidents'],
    ['/admin/discounts', 'Discounts'],
    ['/admin/adjustments', 'Adjustments'],
    ['/admin/capacity', 'Capacity'],
    ['/admin/integrations', 'Integrations'],
    ['/admin/audit-log', 'Audit Log'],
    ['/admin/status', 'Status'],
    ['/admin/profile', 'Profile'],
  ];

  describe.each(ROLES)('every section page, as %s', (role: Role) => {
    it.each(SECTION_PAGES)('%s follows the route matrix', async (path, heading) => {
      const decision = decideRoute(role, path);
      const expected =
        decision.kind === 'allow'
          ? { url: path, heading, title: `${heading === 'Admin' ? 'Admin' : heading} · AiDial Access` }
          : decision.kind === 'redirect'
            ? { url: decision.to, heading: 'Admin', title: 'Admin · AiDial Access' }
            : { url: path, heading: 'Page not found', title: 'Page not found · AiDial Access' };
      expect(await open(path, signedInAs(role))).toEqual(expected);
    });
  });

  it.each([
    ['client_manager', '/compliance/admin', 'Page not found'],
    ['client_manager', '/compliance/admin/lists', 'Page not found'],
    ['client_admin', '/compliance/admin/no-such-subpage', 'Page not found'],
    ['client_admin', '/partner', 'Page not found'],
    ['partner_admin', '/admin/tenants', 'Page not found'],
    ['client_admin', '/admin/profile', 'Page not found'],
    ['partner_user', '/settings/anything', 'Page not found'],
  ] as const)('judges a nested path by its most specific entry: %s at %s sees %s', async (role, path, heading) => {
    expect((await open(path, signedInAs(role))).heading).toBe(heading);
  });

  it.each(['/partner/clients', '/compliance/admin', '/team', '/settings'])(
    'sends an internal role from %s to the admin home',
    async (path) => {
      expect((await open(path, signedInAs('aidial_operator'))).url).toBe('/admin');
    },
  );
});
