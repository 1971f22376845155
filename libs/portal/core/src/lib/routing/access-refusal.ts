import type { NavigationBehaviorOptions, Router, UrlTree } from '@angular/router';
import { MFA_REMEDIATION_PATH, type Role, isInternalRole } from '@aidial/shared/access';
import {
  ACCESS_DENIED_PATH,
  type AccessDeniedReason,
  NOT_FOUND_PATH,
  RETURN_TO_PARAM,
  SIGN_IN_PATH,
} from './portal-paths';
import { isSameOriginPath, returnPathWorthKeeping } from './return-path';

/** What the portal shows instead of a page when the API refuses it (DESIGN.md §5, "situation → portal shows"). */
export type AccessRefusal =
  /** 401 `unauthenticated`: no session, or an expired or revoked one. */
  | { readonly kind: 'sign-in' }
  /** 403 `access_denied` / `tenant_suspended`, 503 `session_validation_unavailable`. */
  | { readonly kind: 'access-denied'; readonly reason: AccessDeniedReason }
  /** 403 `mfa_required`: Settings or the admin Profile, unless the answer names the page. */
  | { readonly kind: 'mfa-remediation'; readonly path?: string }
  /** 404: a section the role may not see, or a resource that does not exist (or belongs to someone else). */
  | { readonly kind: 'not-found' };

const DENIED_REASON_BY_CODE: Readonly<Record<string, AccessDeniedReason>> = {
  access_denied: 'role_not_recognised',
  tenant_suspended: 'tenant_suspended',
  session_validation_unavailable: 'session_validation_unavailable',
};

/**
 * The refusal an API answer stands for, or null when the caller should handle the answer itself (a validation error,
 * a rate limit, `csrf_failed`, an outage of the service behind the page…). Pure: the status and the envelope decide.
 */
export function accessRefusalFor(status: number, body: unknown): AccessRefusal | null {
  const code = envelopeField(body, 'code');
  if (status === 401) return { kind: 'sign-in' };
  if (status === 404) return { kind: 'not-found' };
  if ((status === 403 || status === 503) && code && DENIED_REASON_BY_CODE[code]) {
    return { kind: 'access-denied', reason: DENIED_REASON_BY_CODE[code] };
  }
  if (status === 403 && code === 'mfa_required') {
    const path = envelopeField(body, 'remediation_path');
    return isSameOriginPath(path) ? { kind: 'mfa-remediation', path } : { kind: 'mfa-remediation' };
  }
  return null;
}

function envelopeField(body: unknown, field: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

/** Where to go for a refusal: the router's target, and how to get there. */
export interface RefusalDestination {
  readonly target: UrlTree;
  readonly options: NavigationBehaviorOptions;
}

/**
 * @param askedFor the address the user asked for: kept as the sign-in return path, and left in the address bar under
 *   the not-found page (so a reload asks again).
 * @param role the signed-in role when known, for the MFA remediation page.
 */
export function refusalDestination(
  router: Router,
  refusal: AccessRefusal,
  askedFor: string,
  role: Role | undefined,
): RefusalDestination {
  switch (refusal.kind) {
    case 'sign-in': {
      const returnTo = returnPathWorthKeeping(askedFor);
      return {
        target: router.createUrlTree([SIGN_IN_PATH], { queryParams: returnTo ? { [RETURN_TO_PARAM]: returnTo } : {} }),
        options: { replaceUrl: true },
      };
    }
    case 'access-denied':
      return {
        target: router.createUrlTree([ACCESS_DENIED_PATH], { queryParams: { reason: refusal.reason } }),
        options: { replaceUrl: true },
      };
    case 'mfa-remediation': {
      const path =
        refusal.path ??
        (role && isInternalRole(role) ? MFA_REMEDIATION_PATH.internal : MFA_REMEDIATION_PATH.customer_partner);
      return { target: router.parseUrl(path), options: {} };
    }
    case 'not-found':
      return { target: router.parseUrl(NOT_FOUND_PATH), options: { browserUrl: askedFor } };
  }
}
