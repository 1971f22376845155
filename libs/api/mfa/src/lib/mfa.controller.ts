import { Body, Controller, Get, Header, HttpCode, Post, Res, applyDecorators } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  type AccessContext,
  CurrentAccessContext,
  CurrentPrincipal,
  ErrorEnvelopeDto,
  Member,
  MfaExempt,
  type SessionPrincipal,
} from '@aidial/api/core';
import { MfaLifecycleResultDto, MfaMarkerDto, MfaProviderUrlDto, MfaRefreshDto, MfaSummaryDto } from './dto/mfa.dto';
import { MfaService } from './mfa.service';

/** The refusals every route here shares: a `@Member()` route, exempt from the MFA compliance step. */
const MfaRefusals = () =>
  applyDecorators(
    ApiUnauthorizedResponse({
      type: ErrorEnvelopeDto,
      description: '`unauthenticated`: no, expired or revoked session.',
    }),
    ApiForbiddenResponse({
      type: ErrorEnvelopeDto,
      description: '`access_denied`, `tenant_suspended`, or `csrf_failed` on an unsafe method without the token.',
    }),
    ApiServiceUnavailableResponse({ type: ErrorEnvelopeDto, description: '`session_validation_unavailable`' }),
  );

const ActionRefusals = () =>
  applyDecorators(
    MfaRefusals(),
    ApiTooManyRequestsResponse({
      type: ErrorEnvelopeDto,
      description: '`rate_limited`, with `Retry-After`: more than 10 MFA actions in a minute.',
    }),
  );

/**
 * MFA in the Profile section (spec/03, spec/04; docs/mfa.md): the signed-in user's MFA summary and actions. Every
 * route is `@MfaExempt()`: a session that must still complete MFA reaches them to do so.
 */
@ApiTags('mfa')
@Controller('api/mfa')
@MfaExempt()
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  @Get('summary')
  @Member()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "Your MFA policy, enrolment, this sign-in's challenge, security status, lifecycle and available actions.",
  })
  @ApiOkResponse({ type: MfaSummaryDto })
  @MfaRefusals()
  getMfaSummary(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
  ): Promise<MfaSummaryDto> {
    return this.mfa.summary(principal, context);
  }

  @Post('setup')
  @Member()
  @HttpCode(200)
  @ApiOperation({
    summary: "Records the launch of MFA setup and answers the provider's setup page (built from ZITADEL_ISSUER only).",
  })
  @ApiOkResponse({ type: MfaProviderUrlDto })
  @ApiConflictResponse({ type: ErrorEnvelopeDto, description: '`mfa_action_unavailable`: the enrolment is unknown.' })
  @ActionRefusals()
  openMfaSetup(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
  ): Promise<MfaProviderUrlDto> {
    return this.mfa.openSetup(principal, context);
  }

  @Post('refresh')
  @Member()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Starts signing in again (prompt=login) to refresh the security status; the session is then replaced.',
    description:
      'Sets the short-lived sign-in cookie as `GET /api/auth/login` does; the browser goes to `authorization_url` and ' +
      'comes back to `/settings` (internal roles: `/admin/profile`) with a new session and MFA snapshot.',
  })
  @ApiOkResponse({ type: MfaRefreshDto })
  @ApiServiceUnavailableResponse({
    type: ErrorEnvelopeDto,
    description: '`identity_provider_unavailable` or `session_validation_unavailable`',
  })
  @ActionRefusals()
  refreshMfaStatus(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MfaRefreshDto> {
    res.setHeader('Cache-Control', 'no-store');
    return this.mfa.refresh(principal, context, res);
  }

  @Post('recovery-codes/stored')
  @Member()
  @HttpCode(200)
  @ApiOperation({ summary: '"I stored my recovery codes": acknowledges a new, re-enabled or regenerated set.' })
  @ApiOkResponse({ type: MfaLifecycleResultDto })
  @ApiConflictResponse({
    type: ErrorEnvelopeDto,
    description: '`mfa_lifecycle_stale` (the marker is not the current one) or `mfa_action_unavailable`.',
  })
  @ActionRefusals()
  async acknowledgeRecoveryCodesStored(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
    @Body() body: MfaMarkerDto,
  ): Promise<MfaLifecycleResultDto> {
    return { lifecycle: await this.mfa.acknowledge(principal, context, 'stored', body.marker) };
  }

  @Post('recovery-codes/reviewed')
  @Member()
  @HttpCode(200)
  @ApiOperation({ summary: '"I reviewed my recovery codes": clears the reminder after a recovery-code sign-in.' })
  @ApiOkResponse({ type: MfaLifecycleResultDto })
  @ApiConflictResponse({
    type: ErrorEnvelopeDto,
    description: '`mfa_lifecycle_stale` (the marker is not the current one) or `mfa_action_unavailable`.',
  })
  @ActionRefusals()
  async acknowledgeRecoveryCodesReviewed(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
    @Body() body: MfaMarkerDto,
  ): Promise<MfaLifecycleResultDto> {
    return { lifecycle: await this.mfa.acknowledge(principal, context, 'reviewed', body.marker) };
  }

  @Post('recovery-codes/regenerated')
  @Member()
  @HttpCode(200)
  @ApiOperation({
    summary: '"I generated a new recovery-code set" at the provider: the new set then waits for "I stored" again.',
  })
  @ApiOkResponse({ type: MfaLifecycleResultDto })
  @ApiConflictResponse({
    type: ErrorEnvelopeDto,
    description: '`mfa_lifecycle_stale` (the marker is not the current one) or `mfa_action_unavailable`.',
  })
  @ActionRefusals()
  async declareRecoveryCodesRegenerated(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
    @Body() body: MfaMarkerDto,
  ): Promise<MfaLifecycleResultDto> {
    return { lifecycle: await this.mfa.acknowledge(principal, context, 'regenerated', body.marker) };
  }

  @Post('disable')
  @Member()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Records the launch and answers the provider's MFA management page, where an optional-MFA user disables it.",
  })
  @ApiOkResponse({ type: MfaProviderUrlDto })
  @ApiConflictResponse({
    type: ErrorEnvelopeDto,
    description: '`mfa_action_unavailable`: MFA is required for you (role, tenant or user policy), or not enrolled.',
  })
  @ActionRefusals()
  openMfaDisable(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
  ): Promise<MfaProviderUrlDto> {
    return this.mfa.openDisable(principal, context);
  }
}
