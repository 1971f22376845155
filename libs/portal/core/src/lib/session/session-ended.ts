import type { Router, UrlTree } from '@angular/router';
import { RETURN_TO_PARAM, SIGN_IN_PATH } from '../routing/portal-paths';
import { returnPathWorthKeeping } from '../routing/return-path';

/**
 * `/sign-in?session_ended=1`: the sign-in page says "Your session ended. Sign in to continue." A signed-in page sends
 * the browser there when its session expired (idle or absolute) or an answer said 401.
 */
export const SESSION_ENDED_PARAM = 'session_ended';

/** The sign-in page saying the session ended, with the page the user was on to come back to. */
export function sessionEndedUrl(router: Router, leaving: string): UrlTree {
  const returnTo = returnPathWorthKeeping(leaving);
  return router.createUrlTree([SIGN_IN_PATH], {
    queryParams: { [SESSION_ENDED_PARAM]: 1, ...(returnTo ? { [RETURN_TO_PARAM]: returnTo } : {}) },
  });
}
