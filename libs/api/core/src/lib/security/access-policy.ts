import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiCookieAuth, ApiSecurity } from '@nestjs/swagger';
import type { Section as SectionName } from '@aidial/shared/access';

/**
 * What a route declares about who may call it. Every route declares exactly one; the global guard refuses any route
 * that declares none (deny by default), and the route-policy test fails on it.
 * - `public`: anyone, signed in or not;
 * - `session`: a signed-in portal user (a valid session cookie), whatever their role or tenant status — sign-out;
 * - `member`: a signed-in user whose access context resolves (recognised role, active tenant), whatever the section —
 *   the session summary; refusals as for `section`;
 * - `section`: a signed-in user whose access context (resolved from the database on this request) allows the section
 *   of DESIGN.md §5: 401 without a session, 403 `access_denied` / `tenant_suspended`, 404 for a recognised role outside
 *   the section, 503 `session_validation_unavailable` when the database cannot say.
 * A later capability adds `api_key`.
 */
export type AccessPolicy =
  | { readonly kind: 'public' }
  | { readonly kind: 'session' }
  | { readonly kind: 'member' }
  | { readonly kind: 'section'; readonly section: SectionName };

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

/** A signed-in user with a resolvable access context (any recognised role of an active tenant) may call this route. */
export const Member = () =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'member' } satisfies AccessPolicy),
    ApiCookieAuth(SESSION_COOKIE_SECURITY),
  );

/** Only roles allowed into the section (DESIGN.md §5 matrix, `libs/shared/access`) may call this route. */
export const Section = (section: SectionName) =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'section', section } satisfies AccessPolicy),
    ApiCookieAuth(SESSION_COOKIE_SECURITY),
  );

export function describePolicy(policy: AccessPolicy | undefined): string {
  if (!policy) return 'UNDECLARED';
  return policy.kind === 'section' ? `section:${policy.section}` : policy.kind;
}
