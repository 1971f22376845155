import type { NextFunction, Request, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { errorEnvelope, requestIdOf, writeEnvelope } from '@aidial/api/core';
import type { AuthCookies } from '@aidial/api/sessions';

/**
 * CSRF protection for the portal surface: the signed double-submit cookie of `csrf-csrf`, bound to the session cookie.
 * The API sets a readable `XSRF-TOKEN` cookie; Angular's HttpClient sends it back as `X-XSRF-TOKEN` on unsafe methods.
 */
export function createCsrf(sessionSecret: string, cookies: AuthCookies) {
  const csrf = doubleCsrf({
    getSecret: () => sessionSecret,
    getSessionIdentifier: (req: Request) =>
      (req.cookies as Record<string, string> | undefined)?.[cookies.session] ?? '',
    cookieName: cookies.csrf,
    cookieOptions: cookies.csrfOptions(),
    getCsrfTokenFromRequest: (req: Request) => {
      const header = req.headers['x-xsrf-token'];
      return typeof header === 'string' ? header : null;
    },
  });

  /** Refuses an unsafe /api request without the right token: 403 `csrf_failed` in the envelope. */
  const protect = (req: Request, res: Response, next: NextFunction): void => {
    csrf.doubleCsrfProtection(req, res, (error?: unknown) => {
      if (error) writeEnvelope(res, 403, errorEnvelope('csrf_failed', requestIdOf(req)));
      else next();
    });
  };

  /** Issues (or keeps) the token for the session whose cookie value is given. */
  const issue = (req: Request, res: Response, sessionCookieValue?: string): void => {
    if (sessionCookieValue !== undefined) (req.cookies as Record<string, string>)[cookies.session] = sessionCookieValue;
    csrf.generateCsrfToken(req, res, { overwrite: sessionCookieValue !== undefined });
  };

  return { protect, issue };
}

export type Csrf = ReturnType<typeof createCsrf>;

/** Methods that change nothing, which neither the CSRF token nor the site check applies to. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether an unsafe request came from another site, by what the browser says (Fetch Metadata, the `Origin` header):
 * `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal's own (`PUBLIC_URL`), `null` included. A
 * request with neither header (a server-side client, an old browser) is left to the CSRF token. Checked in addition to
 * the token, so a token leaked to another site is still refused there.
 */
export function isCrossSiteUnsafe(req: Pick<Request, 'method' | 'headers'>, portalOrigin: string): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site.toLowerCase() === 'cross-site') return true;
  const origin = req.headers['origin'];
  return typeof origin === 'string' && origin !== portalOrigin;
}
