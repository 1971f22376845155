import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  type ApplicationConfig,
  Injector,
  inject,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withDisabledInitialNavigation } from '@angular/router';
import { provideApiClient } from '@aidial/portal/api-client';
import { STEP_UP_PROMPT, type StepUpPrompt, accessInterceptor } from '@aidial/portal/core';
import { appRoutes } from './app.routes';
import { PortalTitleStrategy } from './portal-title.strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // main.ts starts the first navigation, in a task of its own.
    provideRouter(appRoutes, withDisabledInitialNavigation()),
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
    // Step-up (docs/sessions.md): a sensitive action on a session that signed in too long ago asks this first.
    { provide: STEP_UP_PROMPT, useFactory: stepUpPrompt },
  ],
};

/**
 * The step-up question, in a dialog whose code loads when it is first asked: Material's dialog stays out of the code
 * every page, the sign-in page first, has to load before it can draw (docs/bench.md, "Lighthouse").
 */
function stepUpPrompt(): StepUpPrompt {
  const injector = inject(Injector);
  return async () => (await import('./step-up-prompt')).askToSignInAgain(injector);
}
