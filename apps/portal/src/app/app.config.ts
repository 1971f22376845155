import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter } from '@angular/router';
import { provideApiClient } from '@aidial/portal/api-client';
import { accessInterceptor } from '@aidial/portal/core';
import { appRoutes } from './app.routes';
import { PortalTitleStrategy } from './portal-title.strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes),
    { provide: TitleStrategy, useClass: PortalTitleStrategy },
    // Angular 22 sends HttpClient requests with fetch() by default (`withFetch()` is deprecated).
    provideHttpClient(
      // The API's refusals (401, 403, 404, 503) become the sign-in, access-denied and not-found pages.
      withInterceptors([accessInterceptor]),
      // CSRF, double submit: the API sets the readable XSRF-TOKEN cookie and checks X-XSRF-TOKEN on every unsafe
      // /api request. These are Angular's defaults, written out because the API depends on exactly these names.
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
    ),
    // The API serves the portal, so the API is the portal's own origin.
    provideApiClient({ baseUrl: '' }),
  ],
};
