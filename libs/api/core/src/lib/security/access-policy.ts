import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiCookieAuth, ApiSecurity } from '@nestjs/swagger';
import type { Action, ApiKeyScope as ApiKeyScopeName, Section as SectionName } from '@aidial/shared/access';

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
 *   A section route may also name an action of the `ACTIONS` table (`libs/shared/access`): a role that may open the
 *   section but not perform the action gets 403 `insufficient_role`.
 * - `api_key`: the integration surface (`/v1`): an `X-API-Key` of an active tenant holding the scope, and, when the route
 *   names a section, a creator role that opens it. Session cookies are never read; a key sent with browser signals
 *   (Origin, Sec-Fetch-Site/-Dest/-User, Cookie) is refused with 403 `browser_credentials_refused`; a missing, malformed, unknown,
 *   wrong, expired or revoked key is 401 `api_key_invalid` (one answer for all); a missing scope 403
 *   `api_key_scope_missing`; a section the creator's role cannot open 404 `not_found`.
 */
export type AccessPolicy =
  | { readonly kind: 'public' }
  | { readonly kind: 'session' }
  | { readonly kind: 'member' }
  | { readonly kind: 'section'; readonly section: SectionName; readonly action?: Action }
  | { readonly kind: 'api_key'; readonly scope: ApiKeyScopeName; readonly section?: SectionName };

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

/**
 * Only roles allowed into the section (DESIGN.md §5 matrix, `libs/shared/access`) may call this route; with an action,
 * only the roles the `ACTIONS` table gives it: `@Section('team', 'team.manage')`.
 */
export const Section = (section: SectionName, action?: Action) =>
  applyDecorators(
    SetMetadata(
      ACCESS_POLICY,
      (action ? { kind: 'section', section, action } : { kind: 'section', section }) satisfies AccessPolicy,
    ),
    ApiCookieAuth(SESSION_COOKIE_SECURITY),
  );

/** The API-key scheme's name in the OpenAPI document (header `X-API-Key`). */
export const API_KEY_SECURITY = 'api_key';

/**
 * A `/v1` route for API keys holding `scope`; with a section, the key's creator role must also open it:
 * `@ApiKeyScope('platform:read', 'billing')`.
 */
export const ApiKeyScope = (scope: ApiKeyScopeName, section?: SectionName) =>
  applyDecorators(
    SetMetadata(
      ACCESS_POLICY,
      (section ? { kind: 'api_key', scope, section } : { kind: 'api_key', scope }) satisfies AccessPolicy,
    ),
    ApiSecurity(API_KEY_SECURITY),
  );

/** Metadata key of {@link MfaExempt}. */
export const MFA_EXEMPT = 'aidial:mfa-exempt';

/**
 * The route stays reachable for a signed-in user whose role (or tenant, or own) MFA policy is mandatory and whose
 * session is not MFA-compliant (docs/mfa.md): the session summary, sign-out, the MFA endpoints, the user's own
 * sessions, Support. Every other session route answers 403 `mfa_required` to such a session. Put it next to the
 * route's access policy: `@Member() @MfaExempt()`. It has no effect on `public` and `api_key` routes (no session).
 */
export const MfaExempt = () => SetMetadata(MFA_EXEMPT, true);

export function describePolicy(policy: AccessPolicy | undefined, mfaExempt = false): string {
  const described = describeAccess(policy);
  return mfaExempt && policy && policy.kind !== 'public' && policy.kind !== 'api_key'
    ? `${described} mfa:exempt`
    : described;
}

function describeAccess(policy: AccessPolicy | undefined): string {
  if (!policy) return 'UNDECLARED';
  if (policy.kind === 'api_key')
    return policy.section ? `api_key:${policy.scope} section:${policy.section}` : `api_key:${policy.scope}`;
  if (policy.kind !== 'section') return policy.kind;
  return policy.action ? `section:${policy.section} action:${policy.action}` : `section:${policy.section}`;
}
