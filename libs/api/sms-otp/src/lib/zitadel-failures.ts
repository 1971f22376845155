import { ZITADEL_ERROR_IDS, ZitadelApiError, ZitadelUnavailableError } from '@aidial/api/zitadel';

/** What went wrong at the identity provider, as the answer (spec/05 "Troubleshooting") and the audit reason name it. */
export type SmsEnrolFailure = 'already_enrolled' | 'number_refused' | 'delivery_failed' | 'provider_unavailable';

const SMS_NOT_CONFIGURED_IDS: ReadonlySet<string> = new Set(ZITADEL_ERROR_IDS.smsNotConfigured);

/** gRPC codes a refused delivery comes back with: FAILED_PRECONDITION (9), RESOURCE_EXHAUSTED (8), ABORTED (10). */
const DELIVERY_GRPC_CODES: ReadonlySet<number> = new Set([8, 9, 10]);

/**
 * Sorts a failed Zitadel call (docs/sms-otp.md "What Zitadel's answers become"). Anything not recognised is
 * `provider_unavailable`: the request fails closed, and nothing is claimed about the number.
 */
export function classifyZitadelFailure(error: unknown): SmsEnrolFailure {
  if (error instanceof ZitadelUnavailableError) return 'provider_unavailable';
  if (!(error instanceof ZitadelApiError)) throw error;
  if (error.id === ZITADEL_ERROR_IDS.otpSmsAlreadyAdded) return 'already_enrolled';
  if (error.id === ZITADEL_ERROR_IDS.phoneInvalid) return 'number_refused';
  if (error.status === 401 || error.status === 403) return 'provider_unavailable';
  if (error.id !== null && SMS_NOT_CONFIGURED_IDS.has(error.id)) return 'provider_unavailable';
  if (error.id === ZITADEL_ERROR_IDS.otpSmsPhoneNotVerified) return 'provider_unavailable';
  if (error.grpcCode !== null && DELIVERY_GRPC_CODES.has(error.grpcCode)) return 'delivery_failed';
  return 'provider_unavailable';
}
