import type { Role } from './roles';

/** The roles that may enrol an SMS one-time code (spec/05 "Who can use it"); every other role uses TOTP. */
export const SMS_OTP_ROLES = ['client_admin', 'partner_admin'] as const satisfies readonly Role[];

/** The tenant feature flag that opts an organisation in; absent means off (deny by default). */
export const SMS_OTP_TENANT_FLAG = 'mfa.sms_otp.enabled';

/** Whether SMS enrolment is open to this person, or the first gate that closes it (the role gate is checked first). */
export type SmsOtpEligibility = 'available' | 'role_not_allowed' | 'tenant_not_enabled';

export function smsOtpEligibility(role: Role, tenantFlagEnabled: boolean): SmsOtpEligibility {
  if (!(SMS_OTP_ROLES as readonly Role[]).includes(role)) return 'role_not_allowed';
  if (!tenantFlagEnabled) return 'tenant_not_enabled';
  return 'available';
}
