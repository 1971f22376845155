import { type Role, isInternalRole } from './roles';

export type MfaRequirement = 'required' | 'optional';

/** Role defaults from spec/03 ("Which Roles Require MFA?"). A tenant or user policy may still require MFA for an optional role. */
export const MFA_REQUIREMENT_BY_ROLE: Readonly<Record<Role, MfaRequirement>> = {
  client_admin: 'optional',
  client_manager: 'optional',
  client_staff: 'optional',
  partner_admin: 'required',
  partner_user: 'optional',
  aidial_admin: 'required',
  aidial_operator: 'required',
};

/** Where a non-compliant session is sent to fix MFA (spec/02 step 5). */
export const MFA_REMEDIATION_PATH = {
  customer_partner: '/settings',
  internal: '/admin/profile',
} as const;

export type MfaRemediationPath = (typeof MFA_REMEDIATION_PATH)[keyof typeof MFA_REMEDIATION_PATH];

/** Settings for customer and partner roles, the admin area's profile for internal roles. */
export function mfaRemediationPathFor(role: Role): MfaRemediationPath {
  return isInternalRole(role) ? MFA_REMEDIATION_PATH.internal : MFA_REMEDIATION_PATH.customer_partner;
}

/** The `tenant.mfa_policy` and `portal_user.mfa_policy` columns: the role's default, or MFA required whatever the role. */
export const MFA_POLICY_SETTINGS = ['role_default', 'required'] as const;
export type MfaPolicySetting = (typeof MFA_POLICY_SETTINGS)[number];

/** Which rule made MFA required, in the order they are checked. */
export const MFA_REQUIRED_BY = ['role', 'tenant_policy', 'user_policy'] as const;
export type MfaRequiredBy = (typeof MFA_REQUIRED_BY)[number];

/** Whether the user has a second factor at the provider; `unknown` when the provider could not be asked. */
export const MFA_ENROLMENTS = ['enrolled', 'not_enrolled', 'unknown'] as const;
export type MfaEnrolment = (typeof MFA_ENROLMENTS)[number];

/**
 * What the current sign-in proved (docs/mfa.md, "Challenge state"):
 * - `satisfied`: a second factor was verified in this sign-in (`amr` has `mfa`, or the provider's session shows a
 *   recovery code verified after the password);
 * - `required`: no second factor was verified (a missing or malformed `amr` counts as single-factor);
 * - `failed`: the ID token claimed a second factor that the provider's own session state for this sign-in denies;
 * - `unknown`: `amr` shows no second factor and the provider could not be asked whether a recovery code was used.
 */
export const MFA_CHALLENGES = ['satisfied', 'required', 'failed', 'unknown'] as const;
export type MfaChallenge = (typeof MFA_CHALLENGES)[number];

/**
 * The factor labels the portal shows (spec/03, "Supported Authentication Factors", plus the SMS and email codes, and
 * the passkeys and security keys ZITADEL also offers as a second factor).
 */
export const MFA_FACTORS = [
  'authenticator_app',
  'recovery_code',
  'sms_code',
  'email_code',
  'passkey',
  'security_key',
] as const;
export type MfaFactor = (typeof MFA_FACTORS)[number];

/** spec/04 "Security status". */
export const MFA_SECURITY_STATUSES = ['required', 'satisfied', 'pending', 'failed', 'optional', 'unavailable'] as const;
export type MfaSecurityStatus = (typeof MFA_SECURITY_STATUSES)[number];

/** What this sign-in lacked to be MFA-compliant (null when it lacks nothing). */
export const MFA_LACKS = ['not_enrolled', 'not_used_this_sign_in', 'status_unavailable'] as const;
export type MfaLack = (typeof MFA_LACKS)[number];

/** The MFA facts of one session, taken at sign-in (DESIGN.md §2.2, §6) and replaced only by signing in again. */
export interface MfaSnapshot {
  /** Second factors verified in this sign-in, as far as the provider's session state tells (empty when it could not be read). */
  readonly usedFactors: readonly MfaFactor[];
  /** The recognised factors the user has at the provider (empty when enrolment is unknown). */
  readonly enrolledFactors: readonly MfaFactor[];
  readonly enrolment: MfaEnrolment;
  readonly challenge: MfaChallenge;
  /** ISO 8601: when the snapshot was taken. */
  readonly refreshedAt: string;
}

export interface MfaPolicyInputs {
  readonly role: Role;
  readonly tenantPolicy: MfaPolicySetting;
  readonly userPolicy: MfaPolicySetting;
}

export interface MfaPolicy {
  readonly policy: MfaRequirement;
  readonly requiredBy: MfaRequiredBy | null;
}

/** The role's default, else the tenant's policy, else the user's: the first rule that requires MFA is named. */
export function mfaPolicyFor({ role, tenantPolicy, userPolicy }: MfaPolicyInputs): MfaPolicy {
  if (MFA_REQUIREMENT_BY_ROLE[role] === 'required') return { policy: 'required', requiredBy: 'role' };
  if (tenantPolicy === 'required') return { policy: 'required', requiredBy: 'tenant_policy' };
  if (userPolicy === 'required') return { policy: 'required', requiredBy: 'user_policy' };
  return { policy: 'optional', requiredBy: null };
}

export interface MfaEvaluation extends MfaPolicy {
  /** Policy optional, or enrolled and the challenge satisfied in this sign-in. No grace period. */
  readonly compliant: boolean;
  readonly securityStatus: MfaSecurityStatus;
  /** Why a required policy is not met; null when compliant or when the policy is optional. */
  readonly lacking: MfaLack | null;
  readonly remediationPath: MfaRemediationPath;
}

/** A session without a snapshot (none was taken) is treated as one whose provider could not be asked. */
export const UNKNOWN_MFA_SNAPSHOT: MfaSnapshot = {
  usedFactors: [],
  enrolledFactors: [],
  enrolment: 'unknown',
  challenge: 'unknown',
  refreshedAt: new Date(0).toISOString(),
};

/**
 * Policy, compliance and the security status of a session (docs/mfa.md has the table):
 * - `satisfied`: the challenge was satisfied in this sign-in (whatever the policy);
 * - `failed`: the challenge failed;
 * - `optional`: the policy is optional and MFA was not used (enrolled or not, or unknown);
 * - `unavailable`: required, and the enrolment (or the challenge) cannot be known: fails closed;
 * - `required`: required and not enrolled;
 * - `pending`: required, enrolled, but not used in this sign-in.
 */
export function evaluateMfa(inputs: MfaPolicyInputs & { readonly snapshot: MfaSnapshot | null }): MfaEvaluation {
  const { policy, requiredBy } = mfaPolicyFor(inputs);
  const snapshot = inputs.snapshot ?? UNKNOWN_MFA_SNAPSHOT;
  const remediationPath = mfaRemediationPathFor(inputs.role);
  const satisfied = snapshot.enrolment === 'enrolled' && snapshot.challenge === 'satisfied';
  if (policy === 'optional') {
    const securityStatus: MfaSecurityStatus =
      snapshot.challenge === 'satisfied' ? 'satisfied' : snapshot.challenge === 'failed' ? 'failed' : 'optional';
    return { policy, requiredBy, compliant: true, securityStatus, lacking: null, remediationPath };
  }
  if (satisfied)
    return { policy, requiredBy, compliant: true, securityStatus: 'satisfied', lacking: null, remediationPath };
  const base = { policy, requiredBy, compliant: false, remediationPath } as const;
  if (snapshot.enrolment === 'unknown')
    return { ...base, securityStatus: 'unavailable', lacking: 'status_unavailable' };
  if (snapshot.enrolment === 'not_enrolled') return { ...base, securityStatus: 'required', lacking: 'not_enrolled' };
  if (snapshot.challenge === 'failed') return { ...base, securityStatus: 'failed', lacking: 'not_used_this_sign_in' };
  if (snapshot.challenge === 'unknown')
    return { ...base, securityStatus: 'unavailable', lacking: 'status_unavailable' };
  return { ...base, securityStatus: 'pending', lacking: 'not_used_this_sign_in' };
}

/** The recovery-code lifecycle state the portal shows (docs/mfa.md, "Recovery-code lifecycle"). */
export const RECOVERY_CODE_STATES = ['none', 'ack_required', 'acknowledged', 'reminder'] as const;
export type RecoveryCodeState = (typeof RECOVERY_CODE_STATES)[number];

/** The MFA actions of spec/04's "MFA Actions" table, by the names the API and the portal use. */
export const MFA_ACTIONS = [
  'open_setup',
  'refresh_status',
  'store_recovery_codes',
  'review_recovery_codes',
  'regenerate_recovery_codes',
  'open_disable',
] as const;
export type MfaAction = (typeof MFA_ACTIONS)[number];

/**
 * Which MFA actions a session has now. `refresh_status` always; `open_setup` when the enrolment is known (the setup URL
 * is derived from the trusted issuer); the recovery-code acknowledgements in their lifecycle state; the declaration of a
 * regenerated set when enrolled and no acknowledgement is pending; the disable launch only for an optional policy and an
 * enrolled user (never for a mandatory role, nor a tenant or user policy that requires MFA).
 */
export function availableMfaActions(inputs: {
  readonly policy: MfaRequirement;
  readonly enrolment: MfaEnrolment;
  readonly recoveryCodes: RecoveryCodeState;
}): MfaAction[] {
  const actions: MfaAction[] = [];
  if (inputs.enrolment !== 'unknown') actions.push('open_setup');
  actions.push('refresh_status');
  const enrolled = inputs.enrolment === 'enrolled';
  if (enrolled && inputs.recoveryCodes === 'ack_required') actions.push('store_recovery_codes');
  if (enrolled && inputs.recoveryCodes === 'reminder') actions.push('review_recovery_codes');
  if (enrolled && (inputs.recoveryCodes === 'acknowledged' || inputs.recoveryCodes === 'reminder')) {
    actions.push('regenerate_recovery_codes');
  }
  if (enrolled && inputs.policy === 'optional') actions.push('open_disable');
  return actions;
}
