import { SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiCookieAuth, ApiSecurity } from '@nestjs/swagger';
import { ApiRefusals, type Refusals } from '../errors/api-refusals';
import {
  type Action,
  type ApiKeyScope as ApiKeyScopeName,
  ROLES,
  type Role,
  type Section as SectionName,
  canAccessSection,
  canPerform,
} from '@aidial/shared/access';
import { StepUpGuard } from './step-up.guard';

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

/** The API-key scheme's name in the OpenAPI document (header `X-API-Key`). */
export const API_KEY_SECURITY = 'api_key';

/** Options of a declaration for signed-in users whose tenant and role resolve (`@Member`, `@Section`). */
export interface SessionAccessOptions {
  /**
   * The route stays reachable for a signed-in user whose role (or tenant, or own) MFA policy is mandatory and whose
   * session is not MFA-compliant (docs/mfa.md): the session summary, the MFA endpoints, the user's own sessions,
   * Support. Every other such route answers 403 `mfa_required` to that session.
   */
  readonly mfaExempt?: true;
  /**
   * A sensitive action (docs/sessions.md, "Step-up"): the session's sign-in must be at most `STEP_UP_MAX_AGE_MINUTES`
   * old, else 403 `reauthentication_required` with `WWW-Authenticate: Bearer error="insufficient_user_authentication",
   * max_age=…`; the portal then signs the user in again and brings them back to finish.
   */
  readonly stepUp?: true;
}

/** Metadata key of the step-up requirement of {@link SessionAccessOptions}, read by the route-policy list. */
export const STEP_UP = 'aidial:step-up';

/** Metadata key of the MFA exemption of {@link SessionAccessOptions}, read by the guard and the route-policy list. */
export const MFA_EXEMPT = 'aidial:mfa-exempt';

/**
 * The guard chain's refusals for a declaration (access-policy.guard.ts), as the OpenAPI document lists them: the
 * declaration documents them itself, so every operation lists exactly what the guard can answer before its handler runs.
 * What a handler answers itself it documents beside, with `ApiRefusals`.
 */
export function guardRefusals(policy: AccessPolicy, mfaExempt = false, stepUp = false): Refusals {
  switch (policy.kind) {
    case 'public':
      return {};
    case 'session':
      return {
        unauthenticated: 'no session cookie, or an expired, revoked or unknown session.',
        session_validation_unavailable: 'the session store cannot answer (database down).',
      };
    case 'member':
    case 'section':
      return {
        unauthenticated: 'no session cookie, or an expired, revoked or unknown session.',
        access_denied: 'the role is not recognised, or the membership is gone.',
        tenant_suspended: 'the tenant is not active.',
        ...(policy.kind === 'section' && policy.action && rolesRefusedAction(policy.section, policy.action).length > 0
          ? {
              insufficient_role: `${rolesRefusedAction(policy.section, policy.action).join(', ')} may open the section but not perform \`${policy.action}\`.`,
            }
          : {}),
        ...(mfaExempt
          ? {}
          : {
              mfa_required:
                'the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.',
            }),
        ...(policy.kind === 'section'
          ? {
              not_found: `the role cannot open the \`${policy.section}\` section (answered as a route that does not exist).`,
            }
          : {}),
        ...(stepUp
          ? {
              reauthentication_required:
                'a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; ' +
                '`WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again ' +
                '(`POST /api/auth/step-up`) and repeat the request.',
            }
          : {}),
        session_validation_unavailable: 'the session or access context cannot be read (database down).',
      };
    case 'api_key':
      return {
        api_key_invalid:
          'no `X-API-Key`, or a malformed, unknown, wrong, expired or revoked one (the same answer for all).',
        browser_credentials_refused:
          'an `X-API-Key` sent with `Origin`, `Sec-Fetch-Site` (or `-Dest`, `-User`) or `Cookie`.',
        tenant_suspended: 'the key’s tenant is not active.',
        api_key_scope_missing: `the key does not hold \`${policy.scope}\`.`,
        ...(policy.section
          ? { not_found: `the key creator’s role cannot open the \`${policy.section}\` section.` }
          : {}),
        service_unavailable: 'the key cannot be checked (database down).',
      };
  }
}

/** The roles that open `section` but may not perform `action` there (the guard answers them 403 `insufficient_role`). */
function rolesRefusedAction(section: SectionName, action: Action): Role[] {
  return ROLES.filter((role) => canAccessSection(role, section) && !canPerform(role, action));
}

/** The one place a declaration becomes route metadata: the policy, the OpenAPI security and the guard's refusals. */
function declareAccess(policy: AccessPolicy, options: SessionAccessOptions = {}) {
  const mfaExempt = options.mfaExempt === true;
  const stepUp = options.stepUp === true;
  return applyDecorators(
    SetMetadata(ACCESS_POLICY, policy),
    ...(mfaExempt ? [SetMetadata(MFA_EXEMPT, true)] : []),
    // Route-scoped, after the global access-policy guard: only sensitive routes pay for it.
    ...(stepUp ? [SetMetadata(STEP_UP, true), UseGuards(StepUpGuard)] : []),
    ...(policy.kind === 'public' ? [ApiSecurity({})] : []),
    ...(policy.kind === 'api_key' ? [ApiSecurity(API_KEY_SECURITY)] : []),
    ...(policy.kind === 'session' || policy.kind === 'member' || policy.kind === 'section'
      ? [ApiCookieAuth(SESSION_COOKIE_SECURITY)]
      : []),
    ApiRefusals(guardRefusals(policy, mfaExempt, stepUp)),
  );
}

/** Anyone may call this route, signed in or not. The OpenAPI document shows it without a security requirement. */
export const Public = () => declareAccess({ kind: 'public' });

/**
 * Any signed-in portal user may call this route; without a valid session it answers 401 `unauthenticated`. The MFA
 * compliance step does not apply (it needs the access context), so sign-out stays reachable.
 */
export const SignedIn = () => declareAccess({ kind: 'session' });

/**
 * A signed-in user with a resolvable access context (any recognised role of an active tenant) may call this route:
 * `@Member()`, or `@Member({ mfaExempt: true })` for a route a non-compliant session must still reach.
 */
export const Member = (options?: SessionAccessOptions) => declareAccess({ kind: 'member' }, options);

/** Options of {@link Section}: an action of the `ACTIONS` table, the MFA exemption. */
export interface SectionOptions extends SessionAccessOptions {
  readonly action?: Action;
}

/**
 * Only roles allowed into the section (DESIGN.md §5 matrix, `libs/shared/access`) may call this route; with an action,
 * only the roles the `ACTIONS` table gives it: `@Section('team', 'team.manage')`, `@Section('support', { mfaExempt: true })`.
 */
export const Section = (section: SectionName, actionOrOptions?: Action | SectionOptions) => {
  const { action, ...options }: SectionOptions =
    typeof actionOrOptions === 'string' ? { action: actionOrOptions } : (actionOrOptions ?? {});
  return declareAccess(action ? { kind: 'section', section, action } : { kind: 'section', section }, options);
};

/**
 * A `/v1` route for API keys holding `scope`; with a section, the key's creator role must also open it:
 * `@ApiKeyScope('platform:read', 'billing')`.
 */
export const ApiKeyScope = (scope: ApiKeyScopeName, section?: SectionName) =>
  declareAccess(section ? { kind: 'api_key', scope, section } : { kind: 'api_key', scope });

/**
 * A declaration in one line, for the route-policy list: `section:team action:team.manage`, `member mfa:exempt`. A
 * `session` route is always MFA-exempt (the guard's MFA step needs the access context it does not resolve).
 */
export function describePolicy(policy: AccessPolicy | undefined, mfaExempt = false, stepUp = false): string {
  const described = describeAccess(policy);
  const exempt = policy?.kind === 'session' || (mfaExempt && (policy?.kind === 'member' || policy?.kind === 'section'));
  const withExemption = exempt ? `${described} mfa:exempt` : described;
  return stepUp ? `${withExemption} step-up` : withExemption;
}

function describeAccess(policy: AccessPolicy | undefined): string {
  if (!policy) return 'UNDECLARED';
  if (policy.kind === 'api_key')
    return policy.section ? `api_key:${policy.scope} section:${policy.section}` : `api_key:${policy.scope}`;
  if (policy.kind !== 'section') return policy.kind;
  return policy.action ? `section:${policy.section} action:${policy.action}` : `section:${policy.section}`;
}
