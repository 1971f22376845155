import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { provideApiClient } from '@aidial/portal/api-client';
import { BROWSER_LOCATION, SESSION_LIFETIME_CHANNEL, SessionLifetime, SessionStore } from '@aidial/portal/core';
import { PortalLayout } from './portal-layout';

@Component({ template: '<h1>Page</h1>' })
class StubPage {}

const SESSION = {
  user: { display_name: 'Jack Wilson', email: 'jack.wilson@southerncross.example' },
  role: 'client_staff',
  tenant: { id: 't-1', name: 'Acme Health', kind: 'customer', status: 'active' },
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  expires_at: '2999-01-01T00:00:00Z',
};

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('the session expiry warning in the signed-in shell', () => {
  let fixture: ComponentFixture<PortalLayout>;
  let http: HttpTestingController;
  let lifetime: SessionLifetime;
  const assign = jest.fn<void, [string]>();
  const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement | null;
  const dialogText = () => overlay()?.querySelector('mat-dialog-container')?.textContent?.replace(/\s+/g, ' ').trim();
  const button = (name: string) =>
    [...(overlay()?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find(
      (candidate) => candidate.textContent?.trim() === name,
    );

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'dashboard', component: StubPage },
          { path: 'sign-in', component: StubPage },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
        { provide: BROWSER_LOCATION, useValue: { assign } },
        { provide: SESSION_LIFETIME_CHANNEL, useValue: null },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    lifetime = TestBed.inject(SessionLifetime);
    const loaded = TestBed.inject(SessionStore).ensureLoaded();
    await settle();
    http.expectOne('/api/session').flush(SESSION);
    await loaded;
    fixture = TestBed.createComponent(PortalLayout);
    await TestBed.inject(Router).navigateByUrl('/dashboard');
    await render();
  });

  afterEach(() => {
    fixture.destroy();
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  async function render() {
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  it('stays hidden while the session is far from its end', async () => {
    lifetime.observe(1800, 28_800);
    await render();
    expect(dialogText()).toBeUndefined();
  });

  it('warns near the idle end; Stay signed in asks the API to keep the session alive, and the warning goes', async () => {
    lifetime.observe(105, 28_800);
    await render();
    expect(dialogText()).toContain("You'll be signed out in 1:45 because of inactivity.");

    button('Stay signed in')?.click();
    await settle();
    http.expectOne({ method: 'POST', url: '/api/session/keep-alive' }).flush({
      idle_expires_in: 1800,
      absolute_expires_in: 28_700,
    });
    await render();
    await render();
    expect(dialogText()).toBeUndefined();
  });

  it('shows no warning that went while its dialog was loading, nor after the shell has gone', async () => {
    lifetime.observe(105, 28_800);
    fixture.detectChanges();
    // The user was active in another tab before the dialog's code arrived.
    lifetime.observe(1800, 28_800);
    await render();
    await render();
    expect(dialogText()).toBeUndefined();

    lifetime.observe(105, 28_800);
    fixture.detectChanges();
    fixture.destroy();
    await render();
    expect(dialogText()).toBeUndefined();
  });

  it('keeps the warning and says why when staying signed in fails', async () => {
    lifetime.observe(105, 28_800);
    await render();
    button('Stay signed in')?.click();
    await settle();
    http.expectOne('/api/session/keep-alive').error(new ProgressEvent('error'));
    await render();
    expect(overlay()?.querySelector('[role="alert"]')?.textContent).toContain('could not keep your session alive');
  });

  it("Sign out in the warning is the header's Sign out", async () => {
    lifetime.observe(105, 28_800);
    await render();
    button('Sign out')?.click();
    await settle();
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush({ end_session_url: 'https://idp.example/end' });
    await render();
    expect(assign).toHaveBeenCalledWith('https://idp.example/end');
    expect(dialogText()).toBeUndefined();
  });

  it('near the absolute end, Sign in again starts a new sign-in with this email and page', async () => {
    lifetime.observe(1800, 100);
    await render();
    expect(dialogText()).toMatch(/Your session ends at \d\d:\d\d\. Sign in again to continue\./);
    button('Sign in again')?.click();
    await settle();
    const request = http.expectOne((candidate) => candidate.url.startsWith('/api/auth/login'));
    const query = new URL(request.request.urlWithParams, 'http://portal.test').searchParams;
    expect(query.get('email')).toBe('jack.wilson@southerncross.example');
    expect(query.get('return_to')).toBe('/dashboard');
    request.flush({ authorization_url: 'https://idp.example/authorize' });
    await settle();
    expect(assign).toHaveBeenCalledWith('https://idp.example/authorize');
  });

  it('Not now closes the absolute notice for that end', async () => {
    lifetime.observe(1800, 100);
    await render();
    button('Not now')?.click();
    await render();
    await render();
    expect(dialogText()).toBeUndefined();
  });
});
