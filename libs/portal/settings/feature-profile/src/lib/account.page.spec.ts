import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import { ADMIN_PROFILE_ROUTES, SETTINGS_ROUTES } from './profile.routes';

const session = {
  user: { display_name: 'Amelia Hart', email: 'amelia.hart@acme-health.example' },
  role: 'client_admin',
  tenant: { id: 't-1', name: 'Acme Health', kind: 'customer', status: 'active' },
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  sign_in: { amr: ['pwd'], multi_factor: false, authenticated_at: '2026-11-23T10:00:00Z' },
  expires_at: '2999-01-01T00:00:00Z',
  absolute_expires_at: '2999-01-01T00:00:00Z',
};

describe('AccountPage', () => {
  it.each([
    ['/settings', 'Settings'],
    ['/admin/profile', 'Profile'],
  ])('%s shows the signed-in account under the heading %s', async (url, heading) => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'settings', children: SETTINGS_ROUTES },
          { path: 'admin/profile', children: ADMIN_PROFILE_ROUTES },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
      ],
    });
    const loaded = TestBed.inject(SessionStore).ensureLoaded();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.inject(HttpTestingController).expectOne('/api/session').flush(session);
    await loaded;
    const harness = await RouterTestingHarness.create(url);
    const page = harness.routeNativeElement as HTMLElement;
    expect([...page.querySelectorAll('h1')].map((h1) => h1.textContent)).toEqual([heading]);
    expect(page.querySelector('aidial-account-summary')?.textContent).toContain('amelia.hart@acme-health.example');
    expect(page.querySelector('aidial-account-summary')?.textContent).toContain('Password (single factor)');
  });
});
