import { SecurityNotices } from '@aidial/api/notifications';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import {
  AUDIT_RECORDER,
  type AccessContext,
  ApiError,
  type AuditRecorder,
  RateLimiter,
  type SessionPrincipal,
  maskPhone,
} from '@aidial/api/core';
import { MfaSnapshotService } from '@aidial/api/mfa';
import { type AuthenticationMethod, ZitadelClient } from '@aidial/api/zitadel';
import { parseAustralianMobile } from './australian-mobile';
import type { SmsEnrolResponseDto } from './dto/sms-enrol.dto';
import { smsEnrolBuckets, trustedClientIp } from './sms-enrol-limits';
import { type SmsEnrolFailure, classifyZitadelFailure } from './zitadel-failures';

const FIELD_MESSAGES = {
  not_a_number: 'Enter an Australian mobile number, such as 0412 345 678.',
  not_a_mobile: 'This is not an Australian mobile number: SMS codes can only be sent to a mobile (04…).',
} as const;

const FAILURE_ANSWERS: Readonly<Record<SmsEnrolFailure, () => ApiError>> = {
  already_enrolled: () => new ApiError('mfa_sms_already_enrolled'),
  number_refused: () =>
    new ApiError('validation_failed', {
      fields: [{ field: 'phone', message: 'The identity provider did not accept this number.' }],
    }),
  // spec/05: "SMS OTP provider is not configured" only when ZITADEL really has no active SMS provider.
  provider_not_configured: () => new ApiError('mfa_sms_provider_unavailable'),
  // ZITADEL itself did not answer (or answered something unexpected): the sign-in service is down, not unconfigured.
  provider_unavailable: () => new ApiError('identity_provider_unavailable'),
  // ZITADEL refused the service account: a deployment fault (readiness reports it too).
  provider_refused: () => new ApiError('identity_provider_misconfigured'),
};

/**
 * SMS one-time-code enrolment (spec/05; docs/sms-otp.md). The gates ran in SmsOtpGateGuard; here: the number, the
 * rate limits, then Zitadel. The typed number lives only in this call's local variables: it is never stored, logged,
 * audited or answered, only its masked tail is.
 */
@Injectable()
export class SmsOtpService {
  private readonly logger = new Logger('SmsOtp');

  constructor(
    private readonly zitadel: ZitadelClient,
    private readonly limiter: RateLimiter,
    private readonly snapshots: MfaSnapshotService,
    private readonly notices: SecurityNotices,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
  ) {}

  async enrol(
    principal: SessionPrincipal,
    context: AccessContext,
    request: Request,
    typed: string,
  ): Promise<SmsEnrolResponseDto> {
    const parsed = parseAustralianMobile(typed);
    if (!parsed.ok) {
      if (parsed.reason === 'not_australian') throw new ApiError('mfa_sms_country_not_supported');
      throw new ApiError('validation_failed', { fields: [{ field: 'phone', message: FIELD_MESSAGES[parsed.reason] }] });
    }
    const phoneTail = maskPhone(parsed.e164);
    // Every bucket as one atomic step (counted in all, or in none); 503 when the counters cannot be read.
    await this.limiter.enforce(smsEnrolBuckets(parsed.e164, context.userId, trustedClientIp(request)), {
      code: 'mfa_sms_rate_limited',
    });

    const enrolled = await this.enrolAtProvider(principal.idpSubject, parsed.e164);
    if (!enrolled.ok) {
      const { failure } = enrolled;
      await this.audit.record({
        action: 'mfa.sms_otp.enrolment',
        outcome: failure === 'already_enrolled' || failure === 'number_refused' ? 'denied' : 'failure',
        targetId: context.userId,
        details: { reason: failure, phone_tail: phoneTail },
      });
      throw FAILURE_ANSWERS[failure]();
    }

    // The factor now exists in Zitadel and cannot be taken back: an audit write that fails is logged, not answered.
    await this.audit
      .record({
        action: 'mfa.sms_otp.enrolment',
        outcome: 'success',
        targetId: context.userId,
        details: { phone_tail: phoneTail },
      })
      .catch((error: unknown) => this.logger.error({ event: 'sms_otp.audit_failed', err: error }));
    this.logger.log({ event: 'sms_otp.enrolled' });
    // The Profile shows the new factor now and after a reload (docs/mfa.md). Like the audit write, a failure here is
    // logged, not answered: the factor exists, and the next sign-in's snapshot will show it anyway.
    await this.snapshots
      .factorAdded(principal, context.userId, [...enrolled.methods, 'OTP_SMS'])
      .catch((error: unknown) => this.logger.error({ event: 'sms_otp.snapshot_update_failed', err: error }));
    // The person is told a factor was added (the number by its last two digits only): the notice that would show an
    // attacker's enrolment to the account's owner.
    await this.notices
      .send({ kind: 'factor_added', factor: 'sms', phone: parsed.e164 }, [
        { email: context.user.email, name: context.user.displayName },
      ])
      .catch((error: unknown) => this.logger.error({ event: 'sms_otp.notice_failed', err: error }));
    return { phone_tail: phoneTail };
  }

  /**
   * The ZITADEL calls; null once the factor is added, else what stopped it. Nothing is changed at ZITADEL before it
   * has said the user has no SMS factor yet and the instance has an active SMS provider: adding the factor never
   * touches the provider, so without that check a user would learn at the next sign-in that no code can come.
   */
  private async enrolAtProvider(
    idpSubject: string,
    e164: string,
  ): Promise<
    | { readonly ok: true; readonly methods: readonly AuthenticationMethod[] }
    | { readonly ok: false; readonly failure: SmsEnrolFailure }
  > {
    try {
      const methods = await this.zitadel.authenticationMethods(idpSubject);
      if (methods.includes('OTP_SMS')) return { ok: false, failure: 'already_enrolled' };
      if (!(await this.zitadel.hasActiveSmsProvider())) {
        this.logger.error({ event: 'sms_otp.no_active_provider' });
        return { ok: false, failure: 'provider_not_configured' };
      }
      await this.setVerifiedPhone(idpSubject, e164);
      await this.zitadel.addOtpSms(idpSubject);
      return { ok: true, methods };
    } catch (error) {
      const failure = classifyZitadelFailure(error);
      this.logger.warn({ event: 'sms_otp.enrol_failed', failure, err: error });
      return { ok: false, failure };
    }
  }

  /**
   * The number, verified. ZITADEL answers "not changed" (`COMMAND-Uch5e`) for the number the user already has before
   * it would mark it verified; an unverified one is then removed and set again, verified, so `otp_sms` accepts it.
   */
  private async setVerifiedPhone(idpSubject: string, e164: string): Promise<void> {
    if ((await this.zitadel.setVerifiedPhone(idpSubject, e164)) === 'set') return;
    if ((await this.zitadel.phone(idpSubject))?.isVerified) return;
    await this.zitadel.removePhone(idpSubject);
    await this.zitadel.setVerifiedPhone(idpSubject, e164);
  }
}
