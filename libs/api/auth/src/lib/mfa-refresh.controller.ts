import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  type AccessContext,
  ApiError,
  ApiRefusals,
  CurrentAccessContext,
  CurrentMfa,
  CurrentPrincipal,
  Member,
  type SessionPrincipal,
} from '@aidial/api/core';
import type { MfaEvaluation } from '@aidial/shared/access';
import { MFA_ACTION_REFUSALS, MfaRefreshDto, MfaService } from '@aidial/api/mfa';
import { SessionStore } from '@aidial/api/sessions';
import { IdentityProviderUnavailableError } from './oidc/oidc-client';
import { SignInService } from './sign-in.service';

/**
 * "Refresh security status" (spec/03; docs/mfa.md): a sign-in with `prompt=login` whose callback replaces this session
 * and its MFA snapshot. Part of the MFA surface (`/api/mfa`, tag `mfa`), served here because it is a sign-in: the MFA
 * module counts and audits it, this module starts it, and neither module needs the other the other way round.
 */
@ApiTags('mfa')
@Controller('api/mfa')
export class MfaRefreshController {
  constructor(
    private readonly mfa: MfaService,
    private readonly signIn: SignInService,
    private readonly sessions: SessionStore,
  ) {}

  @Post('refresh')
  @Member({ mfaExempt: true })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Starts signing in again (prompt=login) to refresh the security status; the session is then replaced.',
    description:
      'Sets the short-lived sign-in cookie as `GET /api/auth/login` does; the browser goes to `authorization_url` and ' +
      'comes back to `/settings` (internal roles: `/admin/profile`) with a new session and MFA snapshot.',
  })
  @ApiOkResponse({ type: MfaRefreshDto })
  @ApiRefusals({ ...MFA_ACTION_REFUSALS, identity_provider_unavailable: 'the identity provider cannot be reached.' })
  async refreshMfaStatus(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() context: AccessContext,
    @CurrentMfa() mfa: MfaEvaluation,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MfaRefreshDto> {
    res.setHeader('Cache-Control', 'no-store');
    await this.mfa.beginRefresh(principal, context);
    let started: { authorizationUrl: string; browserToken: string };
    try {
      started = await this.signIn.start(context.user.email, mfa.remediationPath, { prompt: 'login' });
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) throw new ApiError('identity_provider_unavailable');
      throw error;
    }
    res.cookie(this.sessions.cookies.signIn, started.browserToken, this.sessions.cookies.signInOptions());
    await this.mfa.refreshStarted(principal);
    return { authorization_url: started.authorizationUrl };
  }
}
