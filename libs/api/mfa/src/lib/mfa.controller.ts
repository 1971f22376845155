import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AccessContext,
  CurrentAccessContext,
  CurrentMfa,
  ApiRefusals,
  CurrentPrincipal,
  Member,
  type Refusals,
  type SessionPrincipal,
} from '@aidial/api/core';
import type { MfaEvaluation } from '@aidial/shared/access';
import { MfaLifecycleResultDto, MfaMarkerDto, MfaProviderUrlDto, MfaSummaryDto } from './dto/mfa.dto';
import { MfaService } from './mfa.service';

/** Every MFA action is rate limited (core's rate limiter, which fails closed). */
export const MFA_ACTION_REFUSALS: Refusals = {
  rate_limited: 'more than 10 MFA actions in a minute.',
  service_unavailable: 'the rate-limit counters cannot be read.',
};
const INVALID_MARKER = 'no `marker`, or not a string of 1 to 100 characters; `fields` says where.';

/**
 * MFA in the Profile section (spec/03, spec/04; docs/mfa.md): the signed-in user's MFA summary and actions. Every
 * route is MFA-exempt: a session that must still complete MFA reaches them to do so.
 */
@ApiTags('mfa')
@Controller('api/mfa')
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  @Get('summary')
  @Member({ mfaExempt: true })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "Your MFA policy, enrolment, this sign-in's challenge, security status, lifecycle and available actions.",
  })
  @ApiOkResponse({ type: MfaSummaryDto })
  getMfaSummary(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
    @CurrentMfa() mfa: MfaEvaluation,
  ): Promise<MfaSummaryDto> {
    return this.mfa.summary(principal, context, mfa);
  }

  @Post('setup')
  @Member({ mfaExempt: true })
  @HttpCode(200)
  @ApiOperation({
    summary: "Records the launch of MFA setup and answers the provider's setup page (built from ZITADEL_ISSUER only).",
  })
  @ApiOkResponse({ type: MfaProviderUrlDto })
  @ApiRefusals({ ...MFA_ACTION_REFUSALS, mfa_action_unavailable: 'the enrolment is unknown.' })
  openMfaSetup(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
    @CurrentMfa() mfa: MfaEvaluation,
  ): Promise<MfaProviderUrlDto> {
    return this.mfa.openSetup(principal, context, mfa);
  }

  @Post('recovery-codes/stored')
  @Member({ mfaExempt: true })
  @HttpCode(200)
  @ApiOperation({ summary: '"I stored my recovery codes": acknowledges a new, re-enabled or regenerated set.' })
  @ApiOkResponse({ type: MfaLifecycleResultDto })
  @ApiRefusals({
    ...MFA_ACTION_REFUSALS,
    validation_failed: INVALID_MARKER,
    mfa_lifecycle_stale: 'the marker is not the current one.',
    mfa_action_unavailable: 'the enrolment is unknown.',
  })
  async acknowledgeRecoveryCodesStored(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
    @CurrentMfa() mfa: MfaEvaluation,
    @Body() body: MfaMarkerDto,
  ): Promise<MfaLifecycleResultDto> {
    return { lifecycle: await this.mfa.acknowledge(principal, context, mfa, 'stored', body.marker) };
  }

  @Post('recovery-codes/reviewed')
  @Member({ mfaExempt: true })
  @HttpCode(200)
  @ApiOperation({ summary: '"I reviewed my recovery codes": clears the reminder after a recovery-code sign-in.' })
  @ApiOkResponse({ type: MfaLifecycleResultDto })
  @ApiRefusals({
    ...MFA_ACTION_REFUSALS,
    validation_failed: INVALID_MARKER,
    mfa_lifecycle_stale: 'the marker is not the current one.',
    mfa_action_unavailable: 'the enrolment is unknown.',
  })
  async acknowledgeRecoveryCodesReviewed(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
    @CurrentMfa() mfa: MfaEvaluation,
    @Body() body: MfaMarkerDto,
  ): Promise<MfaLifecycleResultDto> {
    return { lifecycle: await this.mfa.acknowledge(principal, context, mfa, 'reviewed', body.marker) };
  }

  @Post('recovery-codes/regenerated')
  @Member({ mfaExempt: true })
  @HttpCode(200)
  @ApiOperation({
    summary: '"I generated a new recovery-code set" at the provider: the new set then waits for "I stored" again.',
  })
  @ApiOkResponse({ type: MfaLifecycleResultDto })
  @ApiRefusals({
    ...MFA_ACTION_REFUSALS,
    validation_failed: INVALID_MARKER,
    mfa_lifecycle_stale: 'the marker is not the current one.',
    mfa_action_unavailable: 'the enrolment is unknown.',
  })
  async declareRecoveryCodesRegenerated(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
    @CurrentMfa() mfa: MfaEvaluation,
    @Body() body: MfaMarkerDto,
  ): Promise<MfaLifecycleResultDto> {
    return { lifecycle: await this.mfa.acknowledge(principal, context, mfa, 'regenerated', body.marker) };
  }

  @Post('disable')
  @Member({ mfaExempt: true, stepUp: true })
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Records the launch and answers the provider's MFA management page, where an optional-MFA user disables it.",
  })
  @ApiOkResponse({ type: MfaProviderUrlDto })
  @ApiRefusals({
    ...MFA_ACTION_REFUSALS,
    mfa_action_unavailable: 'MFA is required for you (role, tenant or user policy), or not enrolled.',
  })
  openMfaDisable(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
    @CurrentMfa() mfa: MfaEvaluation,
  ): Promise<MfaProviderUrlDto> {
    return this.mfa.openDisable(principal, context, mfa);
  }
}
