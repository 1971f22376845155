import { Controller, Delete, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiRefusals, CurrentPrincipal, Member, type SessionPrincipal } from '@aidial/api/core';
import { endSessionInResponse } from './ended-response';
import { MySessionsService } from './my-sessions.service';
import { EndedSessionListDto, RevokedSessionsDto, SessionListDto } from './session.dto';
import { SessionStore } from '@aidial/api/sessions';

/**
 * "Your sessions" (Settings → Security): the signed-in user's own sessions in the organisation they signed in to.
 * `@Member()`: a suspended tenant or a removed membership is refused here as everywhere else; MFA-exempt, as Settings
 * stays reachable while mandatory MFA is not yet compliant (docs/mfa.md).
 */
@ApiTags('auth')
@Controller('api/sessions')
export class MySessionsController {
  constructor(
    private readonly mySessions: MySessionsService,
    private readonly sessions: SessionStore,
  ) {}

  @Get()
  @Member({ mfaExempt: true })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Your live sessions in this organisation: browser, system, device, coarse network, activity, lifetimes.',
  })
  @ApiOkResponse({ type: SessionListDto })
  listMySessions(@CurrentPrincipal() principal: SessionPrincipal): Promise<SessionListDto> {
    return this.mySessions.listLive(principal);
  }

  @Get('ended')
  @Member({ mfaExempt: true })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Your ended sessions in this organisation, latest end first: at most 50, within SESSION_HISTORY_DAYS.',
  })
  @ApiOkResponse({ type: EndedSessionListDto })
  listMyEndedSessions(@CurrentPrincipal() principal: SessionPrincipal): Promise<EndedSessionListDto> {
    return this.mySessions.listEnded(principal);
  }

  @Post('revoke-others')
  @Member({ mfaExempt: true, stepUp: true })
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Signs you out everywhere else: ends every other live session of yours in this organisation.',
  })
  @ApiOkResponse({ type: RevokedSessionsDto })
  async revokeMyOtherSessions(@CurrentPrincipal() principal: SessionPrincipal): Promise<RevokedSessionsDto> {
    return { revoked: await this.mySessions.revokeOthers(principal) };
  }

  @Delete(':id')
  @Member({ mfaExempt: true, stepUp: true })
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Ends one of your live sessions at once; its next request gets 401. Ending the current one signs this browser ' +
      'out (its cookies are cleared).',
  })
  @ApiNoContentResponse({ description: 'Ended.' })
  @ApiRefusals({ not_found: "no live session of yours with that id (unknown, someone else's, or already ended)." })
  async revokeMySession(
    @CurrentPrincipal() principal: SessionPrincipal,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.mySessions.revoke(principal, id);
    if (id.toLowerCase() === principal.sessionId) endSessionInResponse(res, this.sessions.cookies);
  }
}
