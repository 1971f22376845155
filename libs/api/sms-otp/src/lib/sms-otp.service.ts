import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import {
  AUDIT_RECORDER,
  type AccessContext,
  ApiError,
  type AuditRecorder,
  RateLimitUnavailableError,
  RateLimiter,
  type SessionPrincipal,
  maskPhone,
  rateLimitUnavailableApiError,
} from '@aidial/api/core';
import { ZitadelClient } from '@aidial/api/zitadel';
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
  delivery_failed: () => new ApiError('mfa_sms_delivery_failed'),
  provider_unavailable: () => new ApiError('mfa_sms_provider_unavailable'),
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
    await this.limit(parsed.e164, context.userId, trustedClientIp(request));

    try {
      const methods = await this.zitadel.authenticationMethods(principal.idpSubject);
      if (methods.includes('OTP_SMS')) return await this.refuse('already_enrolled', context, phoneTail);
      await this.zitadel.setVerifiedPhone(principal.idpSubject, parsed.e164);
      await this.zitadel.addOtpSms(principal.idpSubject);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      const failure = classifyZitadelFailure(error);
      this.logger.warn({ event: 'sms_otp.enrol_failed', failure, err: error });
      return this.refuse(failure, context, phoneTail);
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
    return { phone_tail: phoneTail };
  }

  /** Every bucket of spec/05 as one atomic step: counted in all, or (one exhausted) in none. Fails closed. */
  private async limit(e164: string, userId: string, clientIp: string | null): Promise<void> {
    let allowed: boolean;
    let retryAfterSeconds: number;
    try {
      ({ allowed, retryAfterSeconds } = await this.limiter.consumeAll(smsEnrolBuckets(e164, userId, clientIp)));
    } catch (error) {
      if (!(error instanceof RateLimitUnavailableError)) throw error;
      this.logger.warn({ event: 'rate_limit.unavailable', route: 'sms_otp.enrol', err: error.cause });
      throw rateLimitUnavailableApiError();
    }
    if (allowed) return;
    this.logger.log({ event: 'sms_otp.rate_limited', retry_after_seconds: retryAfterSeconds });
    throw new ApiError('mfa_sms_rate_limited', {
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    });
  }

  /** Audits the refusal or failure with the masked tail, then answers it. */
  private async refuse(failure: SmsEnrolFailure, context: AccessContext, phoneTail: string): Promise<never> {
    await this.audit.record({
      action: 'mfa.sms_otp.enrolment',
      outcome: failure === 'already_enrolled' || failure === 'number_refused' ? 'denied' : 'failure',
      targetId: context.userId,
      details: { reason: failure, phone_tail: phoneTail },
    });
    throw FAILURE_ANSWERS[failure]();
  }
}
