import type { Role } from './roles';

/** The roles that may enrol an SMS one-time code (spec/05 "Who can use it"); every other role uses TOTP. */
export const SMS_OTP_ROLES = ['client_admin', 'partner_admin'] as const satisfies readonly Role[];

/** Whether SMS enrolment is open to this person, or the first gate that closes it (the role gate is checked first). */
export type SmsOtpEligibility = 'available' | 'role_not_allowed' | 'tenant_not_enabled';

export function smsOtpEligibility(role: Role, tenantFlagEnabled: boolean): SmsOtpEligibility {
  if (!(SMS_OTP_ROLES as readonly Role[]).includes(role)) return 'role_not_allowed';
  if (!tenantFlagEnabled) return 'tenant_not_enabled';
  return 'available';
}
