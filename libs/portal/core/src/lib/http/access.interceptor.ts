import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest, HttpResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { PlatformLocation } from '@angular/common';
import { Router } from '@angular/router';
import { tap } from 'rxjs';
import { type AccessRefusal, accessRefusalFor, refusalDestination } from '../routing/access-refusal';
import { SIGN_IN_PATH } from '../routing/portal-paths';
import { sessionEndedUrl } from '../session/session-ended';
import { SessionLifetime } from '../session/session-lifetime';
import { SessionStore } from '../session/session.store';
import { REAUTHENTICATION_REQUIRED, StepUp } from '../session/step-up';

/**
 * Requests whose answers have their own reader, never redirected from here: the session probe (`signedInGuard` knows
 * the address being opened, this interceptor only the one being left) and the sign-in and sign-out calls (the sign-in
 * page shows their answers; redirecting from them is how a sign-in page loops).
 */
const HANDLED_BY_CALLER = ['/api/session', '/api/auth/login', '/api/auth/logout', '/api/auth/step-up'];

/**
 * The one place that turns the API's refusals into pages (DESIGN.md §5): 401 → sign-in with the current page as the
 * return path and "Your session ended"; 403 `access_denied` / `tenant_suspended` and 503
 * `session_validation_unavailable` → the access-denied page; 403 `mfa_required` → Settings or the admin Profile; 404 on
 * a page's data (GET) → the not-found page, keeping the address; 403 `reauthentication_required` (a sensitive action on
 * a session that signed in too long ago) → the question whether to sign in again and come back here. Everything else, and the error itself, still reaches
 * the caller. Only the portal's own `/api` answers count: `/health` is the Status page's to show, and other origins are
 * none of the portal's business. Every `/api` answer's session lifetime headers go to `SessionLifetime`.
 */
export const accessInterceptor: HttpInterceptorFn = (request, next) => {
  const url = portalApiUrl(request, inject(PlatformLocation).href);
  if (!url) return next(request);
  const lifetime = inject(SessionLifetime);
  const answered = next(request).pipe(
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) lifetime.observeAnswer(event.headers, event.body);
      },
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse) lifetime.observeAnswer(error.headers);
      },
    }),
  );
  if (isHandledByCaller(url)) return answered;
  const router = inject(Router);
  const session = inject(SessionStore);
  const stepUp = inject(StepUp);
  return answered.pipe(
    tap({
      error: (error: unknown) => {
        if (!(error instanceof HttpErrorResponse)) return;
        if (error.status === 403 && codeOf(error.error) === REAUTHENTICATION_REQUIRED) {
          void stepUp.request(router.url);
          return;
        }
        const refusal = accessRefusalFor(error.status, error.error);
        if (!refusal || !appliesTo(refusal, request)) return;
        if (refusal.kind === 'sign-in') {
          session.clear();
          lifetime.ended();
        }
        // The kept session still says compliant (a policy changed since it was read): read it again, so the route
        // guard keeps the user on the remediation page from now on.
        if (refusal.kind === 'mfa-remediation') void session.load();
        const navigation = router.currentNavigation();
        const askedFor = navigation ? router.serializeUrl(navigation.extractedUrl) : router.url;
        // Another request's 401 is already on its way to the sign-in page, with the page to come back to.
        if (refusal.kind === 'sign-in' && isSignInPage(askedFor)) return;
        const { target, options } =
          refusal.kind === 'sign-in'
            ? { target: sessionEndedUrl(router, askedFor), options: { replaceUrl: true } }
            : refusalDestination(router, refusal, askedFor, session.role());
        // Already there (an MFA remediation page whose own call says mfa_required): going again would only loop.
        if (router.serializeUrl(target).split('?')[0] === router.url.split('?')[0]) return;
        void router.navigateByUrl(target, options);
      },
    }),
  );
};

function codeOf(body: unknown): string | undefined {
  const code = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['code'] : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** The request's URL when it is one of the portal's own `/api` requests, else null. */
function portalApiUrl(request: HttpRequest<unknown>, pageHref: string): URL | null {
  const page = new URL(pageHref);
  const url = new URL(request.url, page);
  return url.origin === page.origin && url.pathname.startsWith('/api/') ? url : null;
}

function isHandledByCaller(url: URL): boolean {
  return HANDLED_BY_CALLER.some(
    (path) => url.pathname === path || (path.endsWith('/') && url.pathname.startsWith(path)),
  );
}

function isSignInPage(url: string): boolean {
  const path = url.split(/[?#]/)[0];
  return path === SIGN_IN_PATH || path.startsWith(`${SIGN_IN_PATH}/`);
}

/** A 404 answering a change (POST, PUT, DELETE…) is the page's to explain; a 404 for a page's data means no page. */
function appliesTo(refusal: AccessRefusal, request: HttpRequest<unknown>): boolean {
  return refusal.kind !== 'not-found' || request.method === 'GET';
}
