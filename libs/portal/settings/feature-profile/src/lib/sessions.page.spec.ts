import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { BROWSER_LOCATION, SessionStore } from '@aidial/portal/core';
import { ADMIN_PROFILE_ROUTES, SETTINGS_ROUTES } from './profile.routes';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const sessionFor = (role: string) => ({
  user: { display_name: 'Jack Wilson', email: 'jack.wilson@southerncross.example' },
  role,
  tenant: { id: 't-1', name: 'Southern Cross', kind: 'partner', status: 'active' },
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  sign_in: { amr: ['pwd'], multi_factor: false, authenticated_at: '2026-11-23T10:00:00Z' },
  expires_at: '2999-01-01T00:00:00Z',
  absolute_expires_at: '2999-01-01T00:00:00Z',
});
const live = (id: string, browser: string, current = false) => ({
  id,
  browser,
  os: 'Linux',
  device: 'desktop',
  ip_coarse: '203.0.113.0',
  created_at: '2026-11-23T09:00:00Z',
  last_active_at: '2026-11-23T10:00:00Z',
  idle_expires_at: '2026-11-23T10:30:00Z',
  absolute_expires_at: '2026-11-23T21:00:00Z',
  current,
});
const ended = (id: string, overrides: object = {}) => ({
  id,
  browser: 'Firefox',
  os: 'Windows',
  device: 'mobile',
  ip_coarse: null,
  created_at: '2026-11-22T09:00:00Z',
  last_active_at: '2026-11-22T10:00:00Z',
  ended_at: '2026-11-22T11:00:00Z',
  end_reason: 'idle_timeout',
  ended_by_name: null,
  note: null,
  ...overrides,
});

describe('SessionsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  const assign = jest.fn<void, [string]>();

  async function open(
    url: string,
    role: string,
    active: object[] | 'error',
    endedItems: object[] = [],
    retentionDays = 90,
  ): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'settings', children: SETTINGS_ROUTES },
          { path: 'admin/profile', children: ADMIN_PROFILE_ROUTES },
          { path: 'sign-in', children: [] },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
        { provide: BROWSER_LOCATION, useValue: { assign } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(SessionStore).ensureLoaded();
    await settle();
    http.expectOne('/api/session').flush(sessionFor(role));
    await loaded;
    harness = await RouterTestingHarness.create(url);
    expect(page().textContent).toContain('Loading your sessions…');
    await settle();
    if (active === 'error') {
      http
        .expectOne('/api/sessions')
        .flush(
          { code: 'internal_error', message: 'Something went wrong.', request_id: 'req-7' },
          { status: 500, statusText: 'Error' },
        );
    } else {
      http.expectOne('/api/sessions').flush({ items: active });
    }
    http.expectOne('/api/sessions/ended').flush({ items: endedItems, retention_days: retentionDays });
    await render();
    return page();
  }

  const page = () => harness.routeNativeElement as HTMLElement;
  async function render() {
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
  }
  const table = (caption: string) =>
    [...page().querySelectorAll('table')].find((candidate) => candidate.caption?.textContent?.trim() === caption);
  const rows = (caption: string) =>
    [...(table(caption)?.querySelectorAll('tbody tr') ?? [])].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
  const button = (root: ParentNode, name: string) =>
    [...root.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === name,
    );
  const overlay = () => document.querySelector('.cdk-overlay-container') ?? document.body;
  const status = () =>
    [...page().querySelectorAll('[role="status"]')].map((element) => element.textContent?.trim()).join(' ');

  afterEach(() => {
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it.each([
    ['/settings/sessions', 'partner_user', 'Settings'],
    ['/admin/profile/sessions', 'aidial_admin', 'Profile'],
  ])('%s lists where %s is signed in, this device marked, under the heading %s', async (url, role, heading) => {
    await open(url, role, [live('s-1', 'Chrome', true), live('s-2', 'Firefox')]);
    expect([...page().querySelectorAll('h1')].map((h1) => h1.textContent)).toEqual([heading]);
    const navigation = page().querySelector(`nav[aria-label="${heading}"]`);
    expect([...(navigation?.querySelectorAll('a') ?? [])].map((link) => link.textContent?.trim())).toEqual([
      'Profile',
      'Sessions',
    ]);
    expect(navigation?.querySelector('[aria-current="page"]')?.textContent?.trim()).toBe('Sessions');
    expect(rows('Active sessions')).toEqual([
      [
        'Chrome on Linux This device',
        'Desktop',
        '203.0.113.*',
        'Nov 23, 2026, 9:00:00 AM',
        'Nov 23, 2026, 10:00:00 AM',
        'Sign out',
      ],
      ['Firefox on Linux', 'Desktop', '203.0.113.*', 'Nov 23, 2026, 9:00:00 AM', 'Nov 23, 2026, 10:00:00 AM', 'Revoke'],
    ]);
    expect(button(page(), 'Sign out everywhere else')).toBeDefined();
  });

  it('words how each session ended, who ended it and their note, and how long the list is kept', async () => {
    await open(
      '/settings/sessions',
      'client_staff',
      [live('s-1', 'Chrome', true)],
      [
        ended('e-1', { end_reason: 'revoked_by_admin', note: 'Suspicious sign-in reported.' }),
        ended('e-2', { end_reason: 'revoked_by_tenant_admin', ended_by_name: 'Amelia Hart' }),
        ended('e-3', { ip_coarse: '198.51.100.0' }),
      ],
      30,
    );
    expect(rows('Ended sessions')).toEqual([
      [
        'Nov 22, 2026, 11:00:00 AM',
        'Signed out by AiDial support Reason: Suspicious sign-in reported.',
        'Firefox on Windows (Mobile)',
        'Unavailable',
      ],
      [
        'Nov 22, 2026, 11:00:00 AM',
        'Signed out by Amelia Hart (administrator)',
        'Firefox on Windows (Mobile)',
        'Unavailable',
      ],
      ['Nov 22, 2026, 11:00:00 AM', 'Timed out after inactivity', 'Firefox on Windows (Mobile)', '198.51.100.*'],
    ]);
    expect(page().textContent).toContain('Ended sessions are kept for 30 days.');
    expect(page().textContent).toContain('You are not signed in anywhere else.');
    expect(button(page(), 'Sign out everywhere else')).toBeUndefined();
  });

  it('says so when nothing ended lately', async () => {
    await open('/settings/sessions', 'client_staff', [live('s-1', 'Chrome', true)], []);
    expect(table('Ended sessions')).toBeUndefined();
    expect(page().textContent).toContain('No sessions ended lately.');
  });

  it('shows the error notice with the request id, and tries again', async () => {
    await open('/settings/sessions', 'client_staff', 'error');
    expect(page().querySelector('aidial-error-notice')?.textContent).toContain('Something went wrong.');
    expect(page().querySelector('aidial-error-notice code')?.textContent).toBe('req-7');
    button(page(), 'Try again')?.click();
    await settle();
    http.expectOne('/api/sessions').flush({ items: [live('s-1', 'Chrome', true)] });
    await render();
    expect(rows('Active sessions')).toHaveLength(1);
  });

  it('revokes another session after confirmation and announces it', async () => {
    await open('/settings/sessions', 'client_staff', [live('s-1', 'Chrome', true), live('s-2', 'Firefox')]);
    const revoke = page().querySelector<HTMLButtonElement>(
      'button[aria-label="Revoke the session on Firefox on Linux"]',
    );
    revoke?.click();
    await render();
    expect(overlay().querySelector('h2')?.textContent).toBe('Revoke this session?');
    button(overlay(), 'Revoke session')?.click();
    await render();
    await settle();
    http
      .expectOne({ method: 'DELETE', url: '/api/sessions/s-2' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http
      .expectOne('/api/sessions/ended')
      .flush({ items: [ended('s-2', { end_reason: 'revoked_by_user' })], retention_days: 90 });
    await render();
    expect(status()).toContain('Session on Firefox on Linux revoked.');
    expect(rows('Active sessions')).toHaveLength(1);
    expect(rows('Ended sessions')[0][1]).toBe('You revoked it from your session list');
  });

  it('does nothing when the revocation is cancelled', async () => {
    await open('/settings/sessions', 'client_staff', [live('s-1', 'Chrome', true), live('s-2', 'Firefox')]);
    page().querySelector<HTMLButtonElement>('button[aria-label="Revoke the session on Firefox on Linux"]')?.click();
    await render();
    button(overlay(), 'Cancel')?.click();
    await render();
    http.expectNone('/api/sessions/s-2');
    expect(rows('Active sessions')).toHaveLength(2);
  });

  it('signs out everywhere else after confirmation and announces how many ended', async () => {
    await open('/settings/sessions', 'partner_admin', [
      live('s-1', 'Chrome', true),
      live('s-2', 'Firefox'),
      live('s-3', 'Safari'),
    ]);
    button(page(), 'Sign out everywhere else')?.click();
    await render();
    expect(overlay().querySelector('h2')?.textContent).toBe('Sign out everywhere else?');
    button(overlay(), 'Sign out everywhere else')?.click();
    await render();
    await settle();
    http.expectOne({ method: 'POST', url: '/api/sessions/revoke-others' }).flush({ revoked: 2 });
    await settle();
    http.expectOne('/api/sessions/ended').flush({ items: [], retention_days: 90 });
    await render();
    expect(status()).toContain('2 sessions ended.');
    expect(rows('Active sessions')).toHaveLength(1);
  });

  it("signs out here through the identity provider, as the header's Sign out does", async () => {
    await open('/settings/sessions', 'client_staff', [live('s-1', 'Chrome', true)]);
    button(page(), 'Sign out')?.click();
    await settle();
    http
      .expectOne({ method: 'POST', url: '/api/auth/logout' })
      .flush({ end_session_url: 'http://127.0.0.1:4011/oidc/v1/end_session' });
    await settle();
    expect(assign).toHaveBeenCalledWith('http://127.0.0.1:4011/oidc/v1/end_session');
  });

  it('goes to the sign-in page when this session had already ended', async () => {
    await open('/settings/sessions', 'client_staff', [live('s-1', 'Chrome', true)]);
    button(page(), 'Sign out')?.click();
    await settle();
    http
      .expectOne('/api/auth/logout')
      .flush(
        { code: 'unauthenticated', message: 'Sign in to continue.', request_id: 'r' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await render();
    expect(TestBed.inject(Router).url).toBe('/sign-in?signed_out=1');
  });

  it('keeps nothing about sessions in browser storage', async () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem');
    await open('/settings/sessions', 'client_staff', [live('s-1', 'Chrome', true)]);
    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });
});
