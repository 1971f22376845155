// The Profile section's presentational parts: the summary, the MFA remediation notice, the MFA actions and the SMS
// one-time code card.
export { MfaActions } from './lib/mfa-actions';
export { MfaRemediationNotice } from './lib/mfa-remediation-notice';
export {
  ACTION_LABELS,
  FACTOR_LABELS,
  type MfaProfile,
  type RemediationExplanation,
  UNAVAILABLE,
  identityValue,
  policyOf,
  refreshedAtOf,
  remediationOf,
} from './lib/mfa-wording';
export { PROFILE_UPDATE_QUERY, ProfileSummary, type ProfileUpdateRoute } from './lib/profile-summary';
export { SMS_PRIVACY_NOTICE, SmsFactorCard, type SmsFactorEnrolment } from './lib/sms-factor-card';
