import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { appRoutes } from './app.routes';
import { PortalTitleStrategy } from './portal-title.strategy';

describe('portal routes', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        { provide: TitleStrategy, useClass: PortalTitleStrategy },
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('sends the portal root to the Status page, which checks readiness', async () => {
    await harness.navigateByUrl('/');

    expect(TestBed.inject(Router).url).toBe('/status');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Status');
    expect(TestBed.inject(Title).getTitle()).toBe('Status · AiDial Access');
    TestBed.inject(HttpTestingController).expectOne('/health/ready');
  });

  it('shows the not-found page for an address the portal does not know', async () => {
    await harness.navigateByUrl('/no/such/page');

    expect(TestBed.inject(Router).url).toBe('/no/such/page');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Page not found');
    expect(TestBed.inject(Title).getTitle()).toBe('Page not found · AiDial Access');
  });
});
