import { BreakpointObserver } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideApiClient } from '@aidial/portal/api-client';
import { BROWSER_LOCATION, SessionStore } from '@aidial/portal/core';
import { of } from 'rxjs';
import { COMPACT_LAYOUT_QUERY, PortalLayout } from './portal-layout';

@Component({ template: '<h1>Page</h1>' })
class StubPage {}

const sessionFor = (role: string, displayName: string | null = 'Amelia Hart') => ({
  user: { display_name: displayName, email: 'amelia.hart@acme-health.example' },
  role,
  tenant: { id: 't-1', name: 'Acme Health', kind: 'customer', status: 'active' },
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  expires_at: '2999-01-01T00:00:00Z',
});

/** Lets the store's async work and the client's request preparation run. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('PortalLayout', () => {
  let fixture: ComponentFixture<PortalLayout>;
  let http: HttpTestingController;
  const assign = jest.fn<void, [string]>();
  const shell = () => fixture.nativeElement as HTMLElement;

  async function openAs(session: object, url = '/dashboard', { compact = false } = {}) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'dashboard', component: StubPage },
          { path: 'calls', component: StubPage },
          { path: 'admin', component: StubPage },
          { path: 'admin/tenants', component: StubPage },
          { path: 'status', component: StubPage },
          { path: 'sign-in', component: StubPage },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
        { provide: BROWSER_LOCATION, useValue: { assign } },
        {
          provide: BreakpointObserver,
          useValue: {
            observe: (query: string) => of({ matches: compact && query === COMPACT_LAYOUT_QUERY, breakpoints: {} }),
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(SessionStore).ensureLoaded();
    await settle();
    http.expectOne('/api/session').flush(session);
    await loaded;
    fixture = TestBed.createComponent(PortalLayout);
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const navigationLinks = () => [...shell().querySelectorAll('[role="navigation"] a')];
  const signOutButton = () =>
    [...shell().querySelectorAll('header button')].find((button) => button.textContent?.trim() === 'Sign out') as
      HTMLButtonElement | undefined;

  it('names the product, who is signed in, their role and organisation, in the header landmark', async () => {
    await openAs(sessionFor('client_admin'));
    const header = shell().querySelector('header');
    expect(header?.querySelector('.product-name')?.textContent).toBe('AiDial Access');
    expect(header?.querySelector('.account-name')?.textContent).toBe('Amelia Hart');
    expect(header?.querySelector('.account-context')?.textContent).toBe('Client Administrator · Acme Health');
    expect(signOutButton()).toBeDefined();
  });

  it('says Unavailable when the identity provider shared no name', async () => {
    await openAs(sessionFor('client_staff', null));
    expect(shell().querySelector('.account-name')?.textContent).toBe('Unavailable');
  });

  it.each([
    [
      'client_staff',
      [
        ['Dashboard', '/dashboard'],
        ['Calls', '/calls'],
        ['Support', '/support'],
        ['Settings', '/settings'],
        ['Status', '/status'],
      ],
    ],
    [
      'aidial_operator',
      [
        ['Admin home', '/admin'],
        ['Tenants', '/admin/tenants'],
        ['Users', '/admin/users'],
        ['Incidents', '/admin/incidents'],
        ['Discounts', '/admin/discounts'],
        ['Adjustments', '/admin/adjustments'],
        ['Capacity', '/admin/capacity'],
        ['Integrations', '/admin/integrations'],
        ['Audit Log', '/admin/audit-log'],
        ['Status', '/admin/status'],
        ['Profile', '/admin/profile'],
      ],
    ],
  ])('offers %s its pages in a labelled navigation landmark', async (role, links) => {
    await openAs(sessionFor(role));
    expect(shell().querySelector('[role="navigation"]')?.getAttribute('aria-label')).toBe('Main');
    expect(navigationLinks().map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual(links);
  });

  it('marks the current page in the navigation while it is shown', async () => {
    await openAs(sessionFor('client_admin'), '/status');
    const status = navigationLinks().find((link) => link.textContent?.trim() === 'Status');
    expect(status?.getAttribute('aria-current')).toBe('page');

    await TestBed.inject(Router).navigateByUrl('/dashboard');
    await fixture.whenStable();
    expect(status?.hasAttribute('aria-current')).toBe(false);
  });

  it('keeps Admin home unmarked on the other admin pages, which live under its address', async () => {
    await openAs(sessionFor('aidial_admin'), '/admin/tenants');
    const current = navigationLinks().filter((link) => link.getAttribute('aria-current') === 'page');
    expect(current.map((link) => link.textContent?.trim())).toEqual(['Tenants']);

    await TestBed.inject(Router).navigateByUrl('/admin');
    await fixture.whenStable();
    const home = navigationLinks().filter((link) => link.getAttribute('aria-current') === 'page');
    expect(home.map((link) => link.textContent?.trim())).toEqual(['Admin home']);
  });

  describe('on a narrow screen', () => {
    const menuButton = () => shell().querySelector<HTMLButtonElement>('header button[aria-label="Menu"]');
    const drawer = () => shell().querySelector('mat-sidenav');
    const settleDrawer = async () => {
      await settle();
      await fixture.whenStable();
    };

    it('has no Menu button on a wide screen: the navigation is always shown', async () => {
      await openAs(sessionFor('client_admin'));
      expect(menuButton()).toBeNull();
      expect(drawer()?.classList).toContain('mat-drawer-opened');
    });

    it('puts the navigation in a drawer behind a Menu button that says whether it is open', async () => {
      await openAs(sessionFor('client_admin'), '/dashboard', { compact: true });
      const button = menuButton();
      expect(button?.getAttribute('aria-controls')).toBe(drawer()?.id);
      expect(button?.getAttribute('aria-expanded')).toBe('false');
      expect(drawer()?.classList).not.toContain('mat-drawer-opened');

      button?.click();
      await settleDrawer();
      expect(button?.getAttribute('aria-expanded')).toBe('true');
      expect(drawer()?.classList).toContain('mat-drawer-opened');
      expect(drawer()?.querySelector('[role="navigation"]')?.getAttribute('aria-label')).toBe('Main');
    });

    it('draws the list when the drawer is first opened, and keeps it, so a page loads without it', async () => {
      await openAs(sessionFor('client_admin'), '/dashboard', { compact: true });
      const list = () => drawer()?.querySelector('[role="navigation"]');
      expect(list()).toBeNull();

      menuButton()?.click();
      await settleDrawer();
      expect(list()?.querySelectorAll('a').length).toBeGreaterThan(0);

      menuButton()?.click();
      await settleDrawer();
      expect(drawer()?.classList).not.toContain('mat-drawer-opened');
      expect(list()).not.toBeNull();
    });

    it('closes the drawer when a page is chosen', async () => {
      await openAs(sessionFor('client_admin'), '/dashboard', { compact: true });
      menuButton()?.click();
      await settleDrawer();

      navigationLinks()
        .find((link) => link.textContent?.trim() === 'Calls')
        ?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
      await settleDrawer();
      await settleDrawer();
      expect(TestBed.inject(Router).url).toBe('/calls');
      expect(menuButton()?.getAttribute('aria-expanded')).toBe('false');
      expect(drawer()?.classList).not.toContain('mat-drawer-opened');
    });
  });

  it('renders the routed page inside the main landmark', async () => {
    await openAs(sessionFor('client_admin'));
    expect(shell().querySelector('main h1')?.textContent).toBe('Page');
  });

  it('moves focus to the content with the skip link, without changing the address', async () => {
    await openAs(sessionFor('client_admin'));
    const skipLink = shell().querySelector<HTMLAnchorElement>('a.skip-link');
    expect(skipLink?.textContent).toBe('Skip to content');
    skipLink?.click();
    expect(document.activeElement).toBe(shell().querySelector('main'));
    expect(TestBed.inject(Router).url).toBe('/dashboard');
  });

  describe('the client selector of partner roles', () => {
    const partnerSession = (client: { id: string; name: string } | null) => ({
      ...sessionFor('partner_user', 'Liam O’Brien'),
      tenant: { id: 'p-1', name: 'Northwind Partners', kind: 'partner', status: 'active' },
      client,
    });
    const clients = {
      items: [
        { id: 'c-1', name: 'Acme Health', status: 'active', project_count: 2, selected: false },
        { id: 'c-2', name: 'Bluegum Dental', status: 'active', project_count: 1, selected: false },
      ],
    };

    it('is neither offered nor loaded while mandatory MFA is not compliant (http.verify: no client request)', async () => {
      await openAs({
        ...partnerSession(null),
        role: 'partner_admin',
        mfa: { policy: 'required', compliant: false, remediation_path: '/settings' },
      });
      await settle();
      await fixture.whenStable();
      expect(shell().querySelector('aidial-client-selector')).toBeNull();
    });

    it('is not offered to customer roles', async () => {
      await openAs(sessionFor('client_admin'));
      expect(shell().querySelector('aidial-client-selector')).toBeNull();
    });

    it("shows the session's client, and changes it through client-selection, then reads the session again", async () => {
      await openAs(partnerSession({ id: 'c-1', name: 'Acme Health' }));
      await settle();
      http.expectOne('/api/partner/clients').flush(clients);
      // mat-select finds its selected option once the options have rendered: one more turn.
      await fixture.whenStable();
      await settle();
      await fixture.whenStable();
      const selector = shell().querySelector('header aidial-client-selector');
      expect(selector?.querySelector('mat-label')?.textContent).toBe('Client');
      expect(selector?.querySelector('.mat-mdc-select-value')?.textContent?.trim()).toBe('Acme Health');

      const layout = fixture.componentInstance as unknown as { selectClient(id: string | null): void };
      layout.selectClient('c-2');
      await settle();
      const request = http.expectOne({ method: 'PUT', url: '/api/partner/client-selection' });
      expect(request.request.body).toEqual({ client_id: 'c-2' });
      request.flush({ client: { id: 'c-2', name: 'Bluegum Dental' } });
      await settle();
      http.expectOne('/api/session').flush(partnerSession({ id: 'c-2', name: 'Bluegum Dental' }));
      await settle();
      await fixture.whenStable();
      await settle();
      await fixture.whenStable();
      expect(selector?.querySelector('.mat-mdc-select-value')?.textContent?.trim()).toBe('Bluegum Dental');
    });
  });

  describe('Sign out', () => {
    async function signOutAnswered(body: object, status = 200) {
      signOutButton()?.click();
      await settle();
      const request = http.expectOne({ method: 'POST', url: '/api/auth/logout' });
      request.flush(body, { status, statusText: String(status) });
      await settle();
      await fixture.whenStable();
    }

    it('ends the session, then goes to the identity provider to end its session too', async () => {
      await openAs(sessionFor('client_admin'));
      await signOutAnswered({ end_session_url: 'http://127.0.0.1:4011/oidc/v1/end_session?state=x' });
      expect(assign).toHaveBeenCalledWith('http://127.0.0.1:4011/oidc/v1/end_session?state=x');
    });

    it('goes to the sign-in page when the session had already ended', async () => {
      await openAs(sessionFor('client_admin'));
      await signOutAnswered({ code: 'unauthenticated', message: 'Sign in to continue.', request_id: 'r' }, 401);
      expect(TestBed.inject(Router).url).toBe('/sign-in?signed_out=1');
    });

    it('says why when the API refuses, and lets the user try again', async () => {
      await openAs(sessionFor('client_admin'));
      const refusal = { code: 'csrf_failed', message: 'This request could not be verified.', request_id: 'r' };
      await signOutAnswered(refusal, 403);
      expect(shell().querySelector('[role="alert"]')?.textContent?.trim()).toBe('This request could not be verified.');
      expect(signOutButton()?.disabled).toBe(false);
    });
  });
});
