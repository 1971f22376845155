import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, type Routes, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { ROLES, type Role } from '@aidial/shared/access';
import { redirectToHome, sectionGuard, signedInGuard } from './session.guards';

@Component({ template: '<h1>{{ name }}</h1>' })
class StubPage {
  protected readonly name: string = inject(ActivatedRoute).snapshot.data['name'];
}

const page = (name: string) => ({ component: StubPage, data: { name } });

/** The shape of the portal's routes: public pages, then a signed-in shell whose sections are guarded one by one. */
const ROUTES: Routes = [
  { path: 'sign-in', ...page('Sign in') },
  { path: 'access-denied', ...page('Access denied') },
  {
    path: '',
    canMatch: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: redirectToHome },
      { path: 'dashboard', canMatch: [sectionGuard], ...page('Dashboard') },
      {
        path: 'admin',
        canMatch: [sectionGuard],
        children: [
          { path: '', ...page('Admin') },
          { path: 'profile', ...page('Profile') },
        ],
      },
      { path: 'status', canMatch: [sectionGuard], ...page('Status') },
      { path: 'settings', canMatch: [sectionGuard], ...page('Settings') },
      { path: 'support', canMatch: [sectionGuard], ...page('Support') },
      { path: '**', ...page('Page not found') },
    ],
  },
];

const sessionFor = (role: string) => ({
  user: { display_name: 'Someone', email: 'someone@example.com' },
  role,
  tenant: { id: 't-1', name: 'Tenant', kind: 'customer', status: 'active' },
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  expires_at: '2999-01-01T00:00:00Z',
});
const envelope = (code: string) => ({ code, message: 'A sentence.', request_id: 'r-1' });

describe('session guards', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(ROUTES),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  /** Opens a URL while GET /api/session answers as given; resolves with where the router ended and the page shown. */
  async function open(url: string, status: number, body: object) {
    const navigated = harness.navigateByUrl(url);
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/session').flush(body, { status, statusText: String(status) });
    await navigated;
    return shown();
  }

  function shown() {
    return {
      url: TestBed.inject(Router).url,
      page: harness.routeNativeElement?.querySelector('h1')?.textContent,
    };
  }

  describe('signedInGuard', () => {
    it('sends a browser without a session to the sign-in page, keeping the page asked for', async () => {
      expect(await open('/status?refresh=1', 401, envelope('unauthenticated'))).toEqual({
        url: '/sign-in?return_to=%2Fstatus%3Frefresh%3D1',
        page: 'Sign in',
      });
    });

    it('keeps no return path for the portal root', async () => {
      expect(await open('/', 401, envelope('unauthenticated'))).toEqual({ url: '/sign-in', page: 'Sign in' });
    });

    it.each([
      { answer: '403 access_denied', status: 403, code: 'access_denied', reason: 'role_not_recognised' },
      { answer: '403 tenant_suspended', status: 403, code: 'tenant_suspended', reason: 'tenant_suspended' },
      {
        answer: '503 session_validation_unavailable',
        status: 503,
        code: 'session_validation_unavailable',
        reason: 'session_validation_unavailable',
      },
    ])('shows access denied ($reason) when the session check answers $answer', async ({ status, code, reason }) => {
      expect(await open('/dashboard', status, envelope(code))).toEqual({
        url: `/access-denied?reason=${reason}`,
        page: 'Access denied',
      });
    });

    it('asks the API once, then uses the kept session on the next navigation', async () => {
      await open('/status', 200, sessionFor('client_staff'));
      await harness.navigateByUrl('/dashboard');
      expect(shown()).toEqual({ url: '/dashboard', page: 'Dashboard' });
    });
  });

  describe('the portal root', () => {
    it.each([
      ['client_admin', '/dashboard', 'Dashboard'],
      ['client_manager', '/dashboard', 'Dashboard'],
      ['client_staff', '/dashboard', 'Dashboard'],
      ['partner_admin', '/dashboard', 'Dashboard'],
      ['partner_user', '/dashboard', 'Dashboard'],
      ['aidial_admin', '/admin', 'Admin'],
      ['aidial_operator', '/admin', 'Admin'],
    ] satisfies Array<[Role, string, string]>)('sends %s to %s', async (role, url, name) => {
      expect(await open('/', 200, sessionFor(role))).toEqual({ url, page: name });
    });
  });

  describe('sectionGuard', () => {
    it.each(ROLES)('lets %s open Status', async (role) => {
      expect(await open('/status', 200, sessionFor(role))).toEqual({ url: '/status', page: 'Status' });
    });

    it.each(['aidial_admin', 'aidial_operator'])('sends %s from the Dashboard to the admin home', async (role) => {
      expect(await open('/dashboard', 200, sessionFor(role))).toEqual({ url: '/admin', page: 'Admin' });
    });

    it.each(['client_admin', 'partner_admin', 'partner_user'])(
      'shows %s the not-found page at /admin, as for an address that does not exist',
      async (role) => {
        expect(await open('/admin', 200, sessionFor(role))).toEqual({ url: '/admin', page: 'Page not found' });
      },
    );

    describe('with mandatory MFA not compliant', () => {
      const notCompliant = (role: Role, remediation_path: string) => ({
        ...sessionFor(role),
        mfa: {
          policy: 'required',
          required_by: 'role',
          enrolment: 'not_enrolled',
          challenge: 'required',
          security_status: 'required',
          lacking: 'not_enrolled',
          compliant: false,
          remediation_path,
        },
      });

      it.each(['/', '/dashboard', '/status'])('sends a partner_admin from %s to Settings', async (url) => {
        expect(await open(url, 200, notCompliant('partner_admin', '/settings'))).toEqual({
          url: '/settings',
          page: 'Settings',
        });
      });

      it.each(['/settings', '/support'])('lets a partner_admin open %s', async (url) => {
        const shownPage = await open(url, 200, notCompliant('partner_admin', '/settings'));
        expect(shownPage.url).toBe(url);
      });

      it.each(['/', '/admin', '/status', '/dashboard'])(
        'sends an aidial_operator from %s to the admin Profile',
        async (url) => {
          expect(await open(url, 200, notCompliant('aidial_operator', '/admin/profile'))).toEqual({
            url: '/admin/profile',
            page: 'Profile',
          });
        },
      );

      it('lets a compliant session and an optional policy through', async () => {
        const compliant = notCompliant('partner_admin', '/settings');
        expect(await open('/dashboard', 200, { ...compliant, mfa: { ...compliant.mfa, compliant: true } })).toEqual({
          url: '/dashboard',
          page: 'Dashboard',
        });
      });
    });

    it('shows the not-found page for an address the portal does not know', async () => {
      expect(await open('/no/such/page', 200, sessionFor('client_admin'))).toEqual({
        url: '/no/such/page',
        page: 'Page not found',
      });
    });
  });
});
