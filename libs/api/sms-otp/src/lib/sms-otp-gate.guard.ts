import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { AUDIT_RECORDER, ApiError, type AuditRecorder, type RequestWithPrincipal, featuresOf } from '@aidial/api/core';
import { smsOtpEligibility } from '@aidial/shared/access';

/**
 * The role gate, then the tenant gate (spec/05; docs/sms-otp.md). A route guard, so it runs after the global guard has
 * checked the session and the CSRF token, and before the body is validated: someone who may not enrol learns that
 * first, whatever they sent. The tenant flag comes with the access context (no extra read); a context without it
 * counts as off. Each refusal is audited (no number has been read yet, so none can be recorded).
 */
@Injectable()
export class SmsOtpGateGuard implements CanActivate {
  constructor(@Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = context.switchToHttp().getRequest<RequestWithPrincipal>().accessContext;
    if (!access) throw new Error('SmsOtpGateGuard runs after the access policy guard resolved a member');
    const eligibility = smsOtpEligibility(access.role, featuresOf(access).smsOtp);
    if (eligibility === 'available') return true;
    await this.audit.record({
      action: 'mfa.sms_otp.enrolment',
      outcome: 'denied',
      targetId: access.userId,
      details: { reason: eligibility },
    });
    throw new ApiError(eligibility === 'role_not_allowed' ? 'mfa_sms_role_not_allowed' : 'mfa_sms_tenant_not_enabled');
  }
}
