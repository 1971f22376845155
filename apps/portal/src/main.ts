import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { appRoutes } from './app/app.routes';
import { prefetchRouteCode } from './app/route-prefetch';

// The page's code downloads while Angular starts and the session is checked, not after (docs/bench.md, "Lighthouse").
prefetchRouteCode(appRoutes, location.pathname);
// Evaluating the bundle and starting the app are two tasks, not one: on a slow phone each is long enough on its own to
// keep the browser from answering a tap.
setTimeout(() => bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error)));
