// The Profile section's presentational parts: the summary, the MFA remediation notice and the MFA actions.
export { MfaActions } from './lib/mfa-actions';
export { MfaRemediationNotice } from './lib/mfa-remediation-notice';
export {
  ACTION_LABELS,
  FACTOR_LABELS,
  type MfaProfile,
  ROLE_NAMES,
  type RemediationExplanation,
  UNAVAILABLE,
  identityValue,
  policyOf,
  refreshedAtOf,
  remediationOf,
} from './lib/mfa-wording';
export { PROFILE_UPDATE_QUERY, ProfileSummary, type ProfileUpdateRoute } from './lib/profile-summary';
