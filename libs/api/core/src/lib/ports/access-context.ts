import type { MfaPolicyInputs, MfaPolicySetting, Role } from '@aidial/shared/access';

/**
 * What a caller may see, resolved from the database for every request that needs it (spec/02: role, tenant status,
 * client and project scope before access is granted). Two kinds, told apart by `kind`: a signed-in user's
 * (`SessionAccessContext`) and an API key's (`ApiKeyAccessContext`); both are resolved by the tenancy module.
 */
export type AccessContext = SessionAccessContext | ApiKeyAccessContext;

/** What every access context says: who acts, with which role, in which tenant, client and projects. */
export interface AccessScope {
  readonly userId: string;
  readonly role: Role;
  readonly tenant: {
    readonly id: string;
    readonly name: string;
    readonly kind: 'customer' | 'partner' | 'internal';
    readonly status: 'active';
  };
  /**
   * The client tenant whose data client-scoped endpoints show: a partner's selected client (still managed by the
   * partner and active, checked on every request), null when none is selected; always null for customer and internal
   * roles (a customer's data is their own tenant's).
   */
  readonly client: { readonly id: string; readonly name: string } | null;
  readonly projectScope:
    { readonly kind: 'all' } | { readonly kind: 'selected'; readonly projectIds: readonly string[] };
  readonly user: { readonly email: string | null; readonly displayName: string | null };
}

/** A signed-in user's context (session cookie), read in one statement per request. */
export interface SessionAccessContext extends AccessScope {
  readonly kind: 'session';
  /** The tenant's and the user's MFA policy columns, read in the same statement (docs/mfa.md). */
  readonly mfaPolicy: { readonly tenant: MfaPolicySetting; readonly user: MfaPolicySetting };
  /**
   * The signed-in user's own tenant's feature flags (a partner's own, not its selected client's), read in the same
   * statement. `smsOtp` is `mfa.sms_otp.enabled`, false when never set.
   */
  readonly features: { readonly smsOtp: boolean };
}

/**
 * An API key's context (`/v1`): the key acts as its creator's role within its own tenant, client and project scope.
 * No MFA policy (`/v1` is not subject to the MFA compliance step) and no features (every feature counts as off).
 */
export interface ApiKeyAccessContext extends AccessScope {
  readonly kind: 'api_key';
}

/** Why no access context could be granted; each maps to one answer of DESIGN.md §5. */
export type AccessRefusal = 'no_membership' | 'role_not_recognised' | 'tenant_suspended' | 'user_disabled';

export type AccessResolution =
  | { readonly ok: true; readonly context: SessionAccessContext }
  | { readonly ok: false; readonly refusal: AccessRefusal };

/** Which membership to resolve: the session's tenant and client selection, or (at sign-in) the user's first membership. */
export interface AccessRequest {
  readonly userId: string;
  readonly tenantId: string | null;
  readonly selectedClientId?: string | null;
}

/** Implemented by the tenancy module. Throws when the database cannot answer (the caller answers 503). */
export interface AccessContextReader {
  resolve(request: AccessRequest): Promise<AccessResolution>;
}

export const ACCESS_CONTEXT_READER = Symbol('ACCESS_CONTEXT_READER');

/**
 * What the MFA policy of a context is decided from (shared/access `mfaPolicyFor`). A context without policies (an API
 * key's) counts them as `required`: a missing setting never loosens MFA.
 */
export function mfaPolicyInputsOf(context: AccessContext): MfaPolicyInputs {
  return {
    role: context.role,
    tenantPolicy: context.kind === 'session' ? context.mfaPolicy.tenant : 'required',
    userPolicy: context.kind === 'session' ? context.mfaPolicy.user : 'required',
  };
}

/** The caller's own tenant's features; every feature is off for an API key. */
export function featuresOf(context: AccessContext): { readonly smsOtp: boolean } {
  return context.kind === 'session' ? context.features : { smsOtp: false };
}
