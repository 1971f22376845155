import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import { AdminHomePage, DashboardPage } from './home.pages';

const sessionFor = (role: string, displayName: string | null, tenant: string) => ({
  user: { display_name: displayName, email: null },
  role,
  tenant: { id: 't-1', name: tenant, kind: 'customer', status: 'active' },
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  expires_at: '2999-01-01T00:00:00Z',
});

describe('home pages', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideApiClient({ baseUrl: '' })],
    });
  });

  async function signedInAs(session: object) {
    const loaded = TestBed.inject(SessionStore).ensureLoaded();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.inject(HttpTestingController).expectOne('/api/session').flush(session);
    await loaded;
  }

  async function render(page: typeof DashboardPage | typeof AdminHomePage) {
    const fixture = TestBed.createComponent(page);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    return {
      title: element.querySelector('h1')?.textContent,
      summary: element.querySelector('p')?.textContent?.trim(),
    };
  }

  it('the Dashboard says who is signed in, with the role and the organisation', async () => {
    await signedInAs(sessionFor('client_admin', 'Amelia Hart', 'Acme Health'));
    expect(await render(DashboardPage)).toEqual({
      title: 'Dashboard',
      summary: 'Signed in as Amelia Hart (client_admin) · Acme Health',
    });
  });

  it('the admin home says who is signed in', async () => {
    await signedInAs(sessionFor('aidial_operator', 'Noah Williams', 'AiDial'));
    expect(await render(AdminHomePage)).toEqual({
      title: 'Admin',
      summary: 'Signed in as Noah Williams (aidial_operator) · AiDial',
    });
  });

  it('says Unavailable when the identity provider shared no name', async () => {
    await signedInAs(sessionFor('partner_user', null, 'Northwind Partners'));
    expect((await render(DashboardPage)).summary).toBe('Signed in as Unavailable (partner_user) · Northwind Partners');
  });
});
