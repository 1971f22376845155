import type { Response } from 'express';
import { SESSION_ABSOLUTE_EXPIRES_IN_HEADER, SESSION_IDLE_EXPIRES_IN_HEADER } from '@aidial/api/core';
import type { AuthCookies } from '@aidial/api/sessions';

/**
 * The answer to a request that ended its own session (sign-out, revoking the current session): the session and CSRF
 * cookies are cleared, and the lifetime headers the guard set no longer describe anything.
 */
export function endSessionInResponse(res: Response, cookies: AuthCookies): void {
  res.clearCookie(cookies.session, cookies.sessionOptions());
  res.clearCookie(cookies.csrf, cookies.csrfOptions());
  res.removeHeader(SESSION_IDLE_EXPIRES_IN_HEADER);
  res.removeHeader(SESSION_ABSOLUTE_EXPIRES_IN_HEADER);
}
