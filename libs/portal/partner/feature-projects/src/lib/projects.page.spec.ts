import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { PARTNER_PROJECTS_ROUTES } from './projects.routes';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('ProjectsPage', () => {
  let http: HttpTestingController;

  afterEach(() => http.verify());

  it('lists the projects of the client named in the address', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'partner/projects', children: PARTNER_PROJECTS_ROUTES }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create('/partner/projects?client=c-1');
    await settle();
    http.expectOne('/api/partner/clients').flush({
      items: [{ id: 'c-1', name: 'Acme Health', status: 'active', project_count: 1, selected: false }],
    });
    http.expectOne('/api/partner/projects?client_id=c-1').flush({
      items: [{ id: 'pr-1', name: 'Outbound reminders', status: 'active', client: { id: 'c-1', name: 'Acme Health' } }],
    });
    await settle();
    harness.detectChanges();
    const page = harness.routeNativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent).toBe('Projects');
    const rows = [...page.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([['Outbound reminders', 'Acme Health', 'Active']]);
  });
});
