// The signed-in user's MFA summary and the spec/04 MFA actions, as a signal store over the generated client.
export {
  type MfaActionNotice,
  type MfaSummaryState,
  MfaSummaryStore,
  PROVIDER_TAB,
  type RecoveryCodeAction,
  rateLimitMessage,
} from './lib/mfa-summary.store';
// Enrolling an Australian mobile for SMS one-time codes (spec/05); the masked tail stays in page state.
export { type SmsEnrolmentState, SmsEnrolmentStore } from './lib/sms-enrolment.store';
