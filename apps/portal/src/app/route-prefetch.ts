import type { Routes } from '@angular/router';

/**
 * Starts downloading the code of the page at `path` (the lazily loaded routes and components on its way: the shell,
 * then the section) before the router asks for it. The router asks only after the app has started and each guard on
 * the way has answered, the session check first, one request after another; on a phone's network each of those waits
 * is a round trip, and the code then comes in two more (a chunk, then the chunks it imports). Fetched now, it arrives
 * while the app starts, and the router's own `import()` finds it loaded.
 *
 * Only static paths and `:parameters` are followed; a route whose code is fetched in vain (a guard then refuses it, a
 * redirect goes elsewhere) costs a download and nothing else: the code is public and runs only if the router uses it.
 * A failed download is the router's to report when it loads the route itself.
 */
export function prefetchRouteCode(routes: Routes, pathname: string): void {
  prefetchAlong(routes, pathname.split('/').filter(Boolean));
}

function prefetchAlong(routes: Routes, segments: readonly string[]): void {
  for (const route of routes) {
    if (route.redirectTo !== undefined || route.path === undefined || route.path === '**') continue;
    const own = route.path === '' ? [] : route.path.split('/');
    const matches = own.every((part, i) => i < segments.length && (part.startsWith(':') || part === segments[i]));
    if (!matches || (route.pathMatch === 'full' && own.length !== segments.length)) continue;
    startLoading(route.loadComponent);
    startLoading(route.loadChildren);
    if (route.children) prefetchAlong(route.children, segments.slice(own.length));
    return;
  }
}

function startLoading(load: (() => unknown) | undefined): void {
  const loading = load?.();
  // The router loads the route again, and reports a failure then.
  if (loading instanceof Promise) loading.catch(() => undefined);
}
