import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideApiClient } from '@aidial/portal/api-client';
import { ClientsPage } from './clients.page';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('ClientsPage', () => {
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

  afterEach(() => http.verify());

  it('lists the clients with their status, and offers Select for active ones not selected', async () => {
    const fixture = TestBed.createComponent(ClientsPage);
    await settle();
    http.expectOne('/api/partner/clients').flush({
      items: [
        { id: 'c-1', name: 'Acme Health', status: 'active', project_count: 2, selected: true },
        { id: 'c-2', name: 'Bluegum Dental', status: 'active', project_count: 1, selected: false },
        { id: 'c-3', name: 'Coastal Realty', status: 'suspended', project_count: 1, selected: false },
      ],
    });
    await settle();
    await fixture.whenStable();
    const rows = [...(fixture.nativeElement as HTMLElement).querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Acme Health', 'Active', '2', 'Selected'],
      ['Bluegum Dental', 'Active', '1', 'Select'],
      ['Coastal Realty', 'Suspended', '1', 'Not active'],
    ]);
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('button[aria-label="Select Bluegum Dental"]'),
    ).not.toBeNull();
  });

  it('says so when the partner manages no clients', async () => {
    const fixture = TestBed.createComponent(ClientsPage);
    await settle();
    http.expectOne('/api/partner/clients').flush({ items: [] });
    await settle();
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Your organisation manages no clients yet.');
  });
});
