import { ZITADEL_ERROR_IDS, ZitadelApiError, ZitadelUnavailableError } from '@aidial/api/zitadel';

/**
 * What stopped an enrolment at the identity provider, as the answer (spec/05 "Troubleshooting") and the audit reason
 * name it. There is no delivery failure: ZITADEL sends no text at enrolment (`ChangeUserPhoneVerified` generates no
 * code, `addHumanOTPSMS` never calls the SMS provider), so a refused delivery can only show at sign-in.
 */
export type SmsEnrolFailure =
  | 'already_enrolled'
  | 'number_refused'
  /** The instance has no active SMS provider (checked before anything changes). */
  | 'provider_not_configured'
  /** ZITADEL did not answer, or answered something unrecognised. */
  | 'provider_unavailable'
  /** ZITADEL refused the service account. */
  | 'provider_refused';

/**
 * Sorts a failed ZITADEL call (docs/sms-otp.md "What ZITADEL's answers become"). Anything not recognised is
 * `provider_unavailable`: the request fails closed, and nothing is claimed about the number.
 */
export function classifyZitadelFailure(error: unknown): SmsEnrolFailure {
  if (error instanceof ZitadelUnavailableError) return 'provider_unavailable';
  if (!(error instanceof ZitadelApiError)) throw error;
  if (error.permissionMissing) return 'provider_refused';
  if (error.id === ZITADEL_ERROR_IDS.otpSmsAlreadyAdded) return 'already_enrolled';
  if (error.id === ZITADEL_ERROR_IDS.phoneInvalid) return 'number_refused';
  return 'provider_unavailable';
}
