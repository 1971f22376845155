import type { MfaChallenge, MfaEnrolment, MfaFactor, MfaSnapshot } from '@aidial/shared/access';
import type { AuthenticationMethod, SessionFactors } from '@aidial/api/zitadel';

/**
 * The provider methods that are a second factor: having one of them is being enrolled in MFA. A passkey counts: ZITADEL
 * treats it as two factors on its own (`AuthMethodTypesToAMR`: a passkey sign-in is `["user","mfa"]`).
 */
export const SECOND_FACTOR_METHODS: readonly AuthenticationMethod[] = [
  'TOTP',
  'OTP_SMS',
  'OTP_EMAIL',
  'U2F',
  'PASSKEY',
];

/** Provider methods the portal has a label for (recovery codes back up a second factor; they do not make one). */
const FACTOR_OF_METHOD: Partial<Record<AuthenticationMethod, MfaFactor>> = {
  TOTP: 'authenticator_app',
  OTP_SMS: 'sms_code',
  OTP_EMAIL: 'email_code',
  RECOVERY_CODE: 'recovery_code',
  PASSKEY: 'passkey',
  U2F: 'security_key',
};

/**
 * Session factors the portal has a label for, and which of them prove a second factor. ZITADEL's one WebAuthN factor
 * is a passkey or a security key; which one, the session does not say, so it proves a factor without a label.
 */
const FACTOR_OF_SESSION: ReadonlyArray<readonly [keyof SessionFactors, MfaFactor | null]> = [
  ['totp', 'authenticator_app'],
  ['otpSms', 'sms_code'],
  ['otpEmail', 'email_code'],
  ['recoveryCode', 'recovery_code'],
  ['webAuthN', null],
];

/** What the provider's session for this sign-in could tell. */
export type SessionEvidence =
  /** Read: the factors it verified. */
  | { readonly kind: 'read'; readonly factors: SessionFactors }
  /**
   * Not a v2 session ZITADEL can show (a login-v1 sign-in, or no `sid`): `amr` is all there is, and it is complete for
   * every factor but a recovery code, which adds nothing to `amr`.
   */
  | { readonly kind: 'absent' }
  /** ZITADEL could not be asked (an outage): whether a recovery code was used is unknown. */
  | { readonly kind: 'unavailable' };

export interface SnapshotInputs {
  /** The ID token's `amr` (strings only; missing or malformed is empty). */
  readonly amr: readonly string[];
  /** The user's methods at the provider, or null when it could not be asked. */
  readonly methods: readonly AuthenticationMethod[] | null;
  readonly session: SessionEvidence;
  readonly now: Date;
}

/**
 * A session factor counts for this sign-in only when it was verified after this sign-in's password (a factor checked in
 * an earlier authentication of the same provider session does not carry over into a `prompt=login` re-authentication).
 */
function usedInThisSignIn(factors: SessionFactors): Array<keyof SessionFactors> {
  const since = factors.password?.getTime() ?? Number.NEGATIVE_INFINITY;
  return FACTOR_OF_SESSION.map(([name]) => name).filter((name) => {
    const at = factors[name];
    return at !== null && at.getTime() >= since;
  });
}

/**
 * The MFA snapshot of one sign-in (docs/mfa.md, "The snapshot"):
 * - enrolment: `enrolled` when the provider lists a second factor (TOTP, SMS, email code, U2F, passkey),
 *   `not_enrolled` when it lists none, `unknown` when it could not be asked;
 * - challenge: `satisfied` when `amr` has `mfa` (and the provider's session, when readable, shows a second factor), or
 *   when the provider's session shows a recovery code verified in this sign-in (ZITADEL's `amr` never shows one);
 *   `failed` when `amr` claims `mfa` but the provider's session for this sign-in shows no second factor; `unknown` when
 *   `amr` shows none and the provider could not be asked; `required` otherwise (a missing or malformed `amr` counts as
 *   single-factor; with no v2 session to read, `amr` alone decides);
 * - used factors: the labelled factors the provider's session verified in this sign-in.
 */
export function buildMfaSnapshot({ amr, methods, session, now }: SnapshotInputs): MfaSnapshot {
  const enrolment: MfaEnrolment =
    methods === null
      ? 'unknown'
      : methods.some((method) => SECOND_FACTOR_METHODS.includes(method))
        ? 'enrolled'
        : 'not_enrolled';
  const enrolledFactors = unique((methods ?? []).flatMap((method) => FACTOR_OF_METHOD[method] ?? []));
  const used = session.kind === 'read' ? usedInThisSignIn(session.factors) : [];
  const usedFactors = unique(
    used.flatMap((name) => FACTOR_OF_SESSION.find(([candidate]) => candidate === name)?.[1] ?? []),
  );
  const multiFactorClaimed = amr.includes('mfa');
  let challenge: MfaChallenge;
  if (multiFactorClaimed) challenge = session.kind === 'read' && used.length === 0 ? 'failed' : 'satisfied';
  else if (used.includes('recoveryCode')) challenge = 'satisfied';
  else if (session.kind === 'unavailable') challenge = 'unknown';
  else challenge = 'required';
  return { usedFactors, enrolledFactors, enrolment, challenge, refreshedAt: now.toISOString() };
}

/**
 * The snapshot of a session whose user added a factor during it (SMS enrolment): enrolment and factors as the
 * provider's methods now say, this sign-in's challenge and used factors as they were (the new factor was not used to
 * sign in, so a required policy still asks for a sign-in with it).
 */
export function withMethods(
  before: MfaSnapshot | null,
  methods: readonly AuthenticationMethod[],
  now: Date,
): MfaSnapshot {
  return {
    usedFactors: [...(before?.usedFactors ?? [])],
    challenge: before?.challenge ?? 'unknown',
    enrolment: methods.some((method) => SECOND_FACTOR_METHODS.includes(method)) ? 'enrolled' : 'not_enrolled',
    enrolledFactors: unique(methods.flatMap((method) => FACTOR_OF_METHOD[method] ?? [])),
    refreshedAt: now.toISOString(),
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
