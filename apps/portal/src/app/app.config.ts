import { provideHttpClient } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter } from '@angular/router';
import { provideApiClient } from '@aidial/portal/api-client';
import { appRoutes } from './app.routes';
import { PortalTitleStrategy } from './portal-title.strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes),
    { provide: TitleStrategy, useClass: PortalTitleStrategy },
    // Angular 22 sends HttpClient requests with fetch() by default (`withFetch()` is deprecated).
    provideHttpClient(),
    // The API serves the portal, so the API is the portal's own origin.
    provideApiClient({ baseUrl: '' }),
  ],
};
