import { bootstrapApplication } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { appRoutes } from './app/app.routes';
import { prefetchRouteCode } from './app/route-prefetch';

// The page's code downloads while Angular starts and the session is checked, not after (docs/bench.md, "Lighthouse").
prefetchRouteCode(appRoutes, location.pathname);
// Three tasks, not one: evaluating the bundle, starting Angular, and the first navigation (which asks for the session
// and opens the page) each keep a slow phone busy for a while; in between it can answer a tap.
setTimeout(() => {
  bootstrapApplication(App, appConfig).then(
    (app) => setTimeout(() => void app.injector.get(Router).initialNavigation()),
    (error: unknown) => console.error(error),
  );
});
