import { Body, Controller, Header, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import {
  type AccessContext,
  CurrentAccessContext,
  CurrentPrincipal,
  ErrorEnvelopeDto,
  Member,
  MfaExempt,
  type SessionPrincipal,
} from '@aidial/api/core';
import { SmsEnrolRequestDto, SmsEnrolResponseDto } from './dto/sms-enrol.dto';
import { SmsOtpGateGuard } from './sms-otp-gate.guard';
import { SmsOtpService } from './sms-otp.service';

/**
 * The portal's BFF route for SMS one-time-code enrolment (spec/05). Session and CSRF (global guard), the role and
 * tenant gates (SmsOtpGateGuard), the number, the rate limits, then Zitadel. `@MfaExempt()`: enrolling a factor is how
 * a session that must complete MFA becomes able to.
 */
@ApiTags('mfa')
@Controller('api/auth')
export class SmsOtpController {
  constructor(private readonly smsOtp: SmsOtpService) {}

  @Post('mfa-sms-enrol')
  @Member()
  @MfaExempt()
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
  @ApiBadRequestResponse({
    type: ErrorEnvelopeDto,
    description:
      '`mfa_sms_country_not_supported` (not a +61 number), or `validation_failed` on `phone` (missing, not a number, not a mobile).',
  })
  @ApiUnauthorizedResponse({
    type: ErrorEnvelopeDto,
    description: '`unauthenticated`: no, expired or revoked session.',
  })
  @ApiForbiddenResponse({
    type: ErrorEnvelopeDto,
    description:
      '`mfa_sms_role_not_allowed`, `mfa_sms_tenant_not_enabled`, `csrf_failed`, `access_denied` or `tenant_suspended`.',
  })
  @ApiConflictResponse({ type: ErrorEnvelopeDto, description: '`mfa_sms_already_enrolled`.' })
  @ApiTooManyRequestsResponse({
    type: ErrorEnvelopeDto,
    description: '`mfa_sms_rate_limited`, with `Retry-After` in seconds.',
  })
  @ApiServiceUnavailableResponse({
    type: ErrorEnvelopeDto,
    description:
      '`mfa_sms_provider_unavailable` (ZITADEL has no active SMS provider, does not answer, or refuses the service ' +
      'account: nothing is changed at ZITADEL), `service_unavailable` with ' +
      '`Retry-After` (the rate-limit counters cannot be read: nothing is sent), or `session_validation_unavailable`.',
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
