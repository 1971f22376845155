import { Body, Controller, Header, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  type AccessContext,
  CurrentAccessContext,
  ApiRefusals,
  CurrentPrincipal,
  Member,
  type SessionPrincipal,
} from '@aidial/api/core';
import { SmsEnrolRequestDto, SmsEnrolResponseDto } from './dto/sms-enrol.dto';
import { SmsOtpGateGuard } from './sms-otp-gate.guard';
import { SmsOtpService } from './sms-otp.service';

/**
 * The portal's BFF route for SMS one-time-code enrolment (spec/05). Session and CSRF (global guard), the role and
 * tenant gates (SmsOtpGateGuard), the number, the rate limits, then Zitadel. MFA-exempt: enrolling a factor is how
 * a session that must complete MFA becomes able to.
 */
@ApiTags('mfa')
@Controller('api/auth')
export class SmsOtpController {
  constructor(private readonly smsOtp: SmsOtpService) {}

  @Post('mfa-sms-enrol')
  @Member({ mfaExempt: true, stepUp: true })
  @UseGuards(SmsOtpGateGuard)
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Enrols an Australian mobile as your SMS one-time-code factor at the identity provider.',
    description:
      'For client_admin and partner_admin in an organisation with `mfa.sms_otp.enabled`. The number is sent to ' +
      'Zitadel and then forgotten; the answer holds only its masked tail. Per phone and per user 3 a minute and 10 a ' +
      'day, per source IP (through a trusted proxy) 30 an hour, 100 a minute in all: a refused request is counted in ' +
      'none of them. The portal never sees or checks an SMS code: Zitadel sends and checks them at sign-in.',
  })
  @ApiOkResponse({ type: SmsEnrolResponseDto })
  @ApiRefusals({
    validation_failed: '`phone` is missing, not a number, or not a mobile.',
    mfa_sms_country_not_supported: 'not a +61 number.',
    mfa_sms_role_not_allowed: 'only client_admin and partner_admin enrol an SMS factor.',
    mfa_sms_tenant_not_enabled: 'the organisation does not have `mfa.sms_otp.enabled`.',
    mfa_sms_already_enrolled: 'an SMS factor is already enrolled.',
    mfa_sms_rate_limited: 'a per-phone, per-user, per-IP or global limit is reached.',
    mfa_sms_provider_unavailable:
      'ZITADEL has no active SMS provider ("SMS OTP provider is not configured"): nothing is changed there.',
    identity_provider_unavailable:
      'ZITADEL does not answer, or answers something unexpected: nothing is claimed about the number.',
    identity_provider_misconfigured:
      'ZITADEL refuses the service account (a deployment fault; readiness reports it too).',
    service_unavailable: 'the rate-limit counters cannot be read: nothing is sent.',
  })
  enrolSmsOtp(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
    @Req() request: Request,
    @Body() body: SmsEnrolRequestDto,
  ): Promise<SmsEnrolResponseDto> {
    return this.smsOtp.enrol(principal, context, request, body.phone);
  }
}
