import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiCookieAuth, ApiSecurity } from '@nestjs/swagger';

/**
 * What a route declares about who may call it. Every route declares exactly one; the global guard refuses any route
 * that declares none (deny by default), and the route-policy test fails on it.
 * - `public`: anyone, signed in or not;
 * - `session`: a signed-in portal user (a valid session cookie), whatever their role — sign-out, the session summary.
 * Later capabilities add `section` (a role allowed into a section of DESIGN.md §5) and `api_key`.
 */
export type AccessPolicy = { readonly kind: 'public' } | { readonly kind: 'session' };

export const ACCESS_POLICY = 'aidial:access-policy';

/** The session cookie's name in the OpenAPI document. */
export const SESSION_COOKIE_SECURITY = 'session';

/** Anyone may call this route, signed in or not. The OpenAPI document shows it without a security requirement. */
export const Public = () =>
  applyDecorators(SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy), ApiSecurity({}));

/** Any signed-in portal user may call this route; without a valid session it answers 401 `unauthenticated`. */
export const SignedIn = () =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'session' } satisfies AccessPolicy),
    ApiCookieAuth(SESSION_COOKIE_SECURITY),
  );

export function describePolicy(policy: AccessPolicy | undefined): string {
  if (!policy) return 'UNDECLARED';
  return policy.kind;
}
