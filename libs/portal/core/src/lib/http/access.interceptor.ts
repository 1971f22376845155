import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { PlatformLocation } from '@angular/common';
import { Router } from '@angular/router';
import { tap } from 'rxjs';
import { type AccessRefusal, accessRefusalFor, refusalDestination } from '../routing/access-refusal';
import { SessionStore } from '../session/session.store';

/**
 * Requests whose answers have their own reader, never redirected from here: the session probe (`signedInGuard` knows
 * the address being opened, this interceptor only the one being left) and the sign-in and sign-out calls (the sign-in
 * page shows their answers; redirecting from them is how a sign-in page loops).
 */
const HANDLED_BY_CALLER = ['/api/session', '/api/auth/login', '/api/auth/logout'];

/**
 * The one place that turns the API's refusals into pages (DESIGN.md §5): 401 → sign-in with the current page as the
 * return path; 403 `access_denied` / `tenant_suspended` and 503 `session_validation_unavailable` → the access-denied
 * page; 403 `mfa_required` → Settings or the admin Profile; 404 on a page's data (GET) → the not-found page, keeping
 * the address. Everything else, and the error itself, still reaches the caller. Only the portal's own `/api` answers
 * count: `/health` is the Status page's to show, and other origins are none of the portal's business.
 */
export const accessInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isPortalApiRequest(request, inject(PlatformLocation).href)) return next(request);
  const router = inject(Router);
  const session = inject(SessionStore);
  return next(request).pipe(
    tap({
      error: (error: unknown) => {
        if (!(error instanceof HttpErrorResponse)) return;
        const refusal = accessRefusalFor(error.status, error.error);
        if (!refusal || !appliesTo(refusal, request)) return;
        if (refusal.kind === 'sign-in') session.clear();
        const navigation = router.currentNavigation();
        const askedFor = navigation ? router.serializeUrl(navigation.extractedUrl) : router.url;
        const { target, options } = refusalDestination(router, refusal, askedFor, session.role());
        // Already there (an MFA remediation page whose own call says mfa_required): going again would only loop.
        if (router.serializeUrl(target).split('?')[0] === router.url.split('?')[0]) return;
        void router.navigateByUrl(target, options);
      },
    }),
  );
};

function isPortalApiRequest(request: HttpRequest<unknown>, pageHref: string): boolean {
  const page = new URL(pageHref);
  const url = new URL(request.url, page);
  if (url.origin !== page.origin || !url.pathname.startsWith('/api/')) return false;
  return !HANDLED_BY_CALLER.some(
    (path) => url.pathname === path || (path.endsWith('/') && url.pathname.startsWith(path)),
  );
}

/** A 404 answering a change (POST, PUT, DELETE…) is the page's to explain; a 404 for a page's data means no page. */
function appliesTo(refusal: AccessRefusal, request: HttpRequest<unknown>): boolean {
  return refusal.kind !== 'not-found' || request.method === 'GET';
}
