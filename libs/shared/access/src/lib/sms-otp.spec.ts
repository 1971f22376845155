import { ROLES } from './roles';
import { SMS_OTP_ROLES, smsOtpEligibility } from './sms-otp';

describe('smsOtpEligibility', () => {
  it.each(ROLES.flatMap((role) => [true, false].map((flag) => [role, flag] as const)))(
    '%s with the tenant flag %s',
    (role, flag) => {
      const allowedRole = (SMS_OTP_ROLES as readonly string[]).includes(role);
      const expected = !allowedRole ? 'role_not_allowed' : flag ? 'available' : 'tenant_not_enabled';
      expect(smsOtpEligibility(role, flag)).toBe(expected);
    },
  );

  it('opens only to client_admin and partner_admin (spec/05 "Who can use it")', () => {
    expect(ROLES.filter((role) => smsOtpEligibility(role, true) === 'available')).toEqual([
      'client_admin',
      'partner_admin',
    ]);
  });

  it('checks the role before the tenant flag', () => {
    expect(smsOtpEligibility('client_staff', false)).toBe('role_not_allowed');
  });
});
