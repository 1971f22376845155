import type {
  MfaAction,
  MfaChallenge,
  MfaEnrolment,
  MfaFactor,
  MfaLack,
  MfaRequiredBy,
  MfaRequirement,
  MfaSecurityStatus,
  RecoveryCodeState,
  Role,
} from '@aidial/shared/access';
import { roleLabel } from '@aidial/shared/access';

/**
 * What the Profile section shows of the MFA summary (`GET /api/mfa/summary`, spec/04 "Field Reference"). The generated
 * `MfaSummaryDto` has this shape; it is restated here because presentational components do not import the client.
 */
export interface MfaProfile {
  readonly display_name: string | null;
  readonly email: string | null;
  readonly role: Role;
  readonly policy: MfaRequirement;
  readonly required_by: MfaRequiredBy | null;
  readonly enrolment: MfaEnrolment;
  readonly challenge: MfaChallenge;
  readonly allowed_factors: readonly MfaFactor[];
  readonly security_status: MfaSecurityStatus;
  readonly lacking: MfaLack | null;
  readonly compliant: boolean;
  readonly last_refreshed_at: string | null;
  readonly lifecycle: { readonly marker: string | null; readonly recovery_codes: RecoveryCodeState };
  readonly actions: readonly MfaAction[];
  readonly setup_unavailable: boolean;
  readonly management_unavailable: boolean;
}

/** Shown for a blank or missing managed identity field (spec/04). */
export const UNAVAILABLE = 'Unavailable';

export const FACTOR_LABELS: Readonly<Record<MfaFactor, string>> = {
  authenticator_app: 'Authenticator app',
  recovery_code: 'Recovery code',
  sms_code: 'SMS code',
  email_code: 'Email code',
  passkey: 'Passkey',
  security_key: 'Security key',
};

export const POLICY_LABELS: Readonly<Record<MfaRequirement, string>> = {
  required: 'Required',
  optional: 'Optional',
};

/** Which rule made MFA required, completing "Required by …". */
export const REQUIRED_BY_LABELS: Readonly<Record<MfaRequiredBy, string>> = {
  role: 'your role',
  tenant_policy: 'your organisation’s policy',
  user_policy: 'your account’s policy',
};

export const ENROLMENT_LABELS: Readonly<Record<MfaEnrolment, string>> = {
  enrolled: 'Enrolled',
  not_enrolled: 'Not enrolled',
  unknown: 'Unknown',
};

export const CHALLENGE_LABELS: Readonly<Record<MfaChallenge, string>> = {
  satisfied: 'Satisfied',
  required: 'Required',
  failed: 'Failed',
  unknown: 'Unknown',
};

export const SECURITY_STATUS_LABELS: Readonly<Record<MfaSecurityStatus, string>> = {
  required: 'Required',
  satisfied: 'Satisfied',
  pending: 'Pending',
  failed: 'Failed',
  optional: 'Optional',
  unavailable: 'Unavailable',
};

/** The button of each action (spec/04 "MFA Actions"). */
export const ACTION_LABELS: Readonly<Record<MfaAction, string>> = {
  open_setup: 'Open MFA setup',
  refresh_status: 'Refresh security status',
  store_recovery_codes: 'I stored my recovery codes',
  review_recovery_codes: 'I reviewed my recovery codes',
  regenerate_recovery_codes: 'I generated a new recovery-code set',
  open_disable: 'Open provider MFA management to disable',
};

/**
 * The challenge state as the Profile shows it (spec/04: satisfied, required, failed, unknown). `required` means no
 * second factor was used in this sign-in; under an optional policy that was not required of anyone, so it reads
 * "Not required" instead of contradicting "Policy: Optional" beside it.
 */
export function challengeOf(profile: Pick<MfaProfile, 'challenge' | 'policy'>): string {
  if (profile.challenge === 'required' && profile.policy === 'optional') return 'Not required';
  return CHALLENGE_LABELS[profile.challenge] ?? profile.challenge;
}

/** What to do when the second factor is lost (spec/04), for the factors the user really has; null when they have none. */
export function lostFactorAdviceOf(profile: Pick<MfaProfile, 'allowed_factors'>): string | null {
  const factors = profile.allowed_factors;
  if (factors.includes('recovery_code')) {
    return 'Lost your second factor? Use a recovery code when you sign in. Never send a code to support or paste it into the portal.';
  }
  if (factors.length === 0) return null;
  return 'Lost your second factor? You have no recovery codes, so contact your organisation administrator or help@aidial.com.au.';
}

/** "Required (by your role)", "Optional". */
export function policyOf(profile: Pick<MfaProfile, 'policy' | 'required_by'>): string {
  const by = profile.required_by ? ` (by ${REQUIRED_BY_LABELS[profile.required_by]})` : '';
  return `${POLICY_LABELS[profile.policy]}${by}`;
}

/** A managed identity field, or Unavailable when the provider gave none. */
export function identityValue(value: string | null | undefined): string {
  return value?.trim() || UNAVAILABLE;
}

/** The last refresh in the reader's own locale (the browser's), or "Not refreshed yet". */
export function refreshedAtOf(iso: string | null, locale?: string): string {
  if (!iso) return 'Not refreshed yet';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return UNAVAILABLE;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Why a session that must use MFA is not compliant, in plain words (spec/02 "MFA Required"). */
export interface RemediationExplanation {
  /** Which rule requires MFA. */
  readonly rule: string;
  /** What this sign-in lacked, and what to do. */
  readonly lacking: string;
  /** The actions that fix it, the first one first; only those the server offers. */
  readonly actions: readonly MfaAction[];
}

export function remediationOf(profile: MfaProfile): RemediationExplanation | null {
  if (profile.compliant || profile.policy !== 'required') return null;
  const rule =
    profile.required_by === 'tenant_policy'
      ? 'Your organisation requires multi-factor authentication for every member.'
      : profile.required_by === 'user_policy'
        ? 'Your account is set to require multi-factor authentication.'
        : `Your role, ${roleLabel(profile.role)}, requires multi-factor authentication.`;
  const offered = (wanted: readonly MfaAction[]) => wanted.filter((action) => profile.actions.includes(action));
  switch (profile.lacking) {
    case 'not_enrolled':
      return {
        rule,
        lacking:
          'You have not set up a second factor yet. Open MFA setup, add an authenticator app at the identity provider, then come back here and refresh your security status.',
        actions: offered(['open_setup', 'refresh_status']),
      };
    case 'not_used_this_sign_in':
      return {
        rule,
        lacking:
          profile.challenge === 'failed'
            ? 'The identity provider could not confirm the second factor of this sign-in. Refresh your security status to sign in again with your second factor.'
            : // True for a sign-in with a recovery code too: ZITADEL shows the portal no second factor for one.
              'You have a second factor, but this sign-in did not confirm one the portal can check (a recovery code does not count here). Refresh your security status to sign in again with your second factor.',
        actions: offered(['refresh_status']),
      };
    default:
      return {
        rule,
        lacking:
          'Your MFA status could not be checked with the identity provider. Refresh your security status. If it stays unavailable, contact your administrator or help@aidial.com.au.',
        actions: offered(['refresh_status']),
      };
  }
}
