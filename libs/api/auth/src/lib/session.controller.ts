import { Controller, Get, Header, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  type AccessContext,
  ApiError,
  CurrentAccessContext,
  CurrentPrincipal,
  Member,
  type SessionPrincipal,
  setSessionLifetimeHeaders,
  CurrentMfa,
} from '@aidial/api/core';
import type { MfaEvaluation } from '@aidial/shared/access';
import { CSRF } from './csrf.token';
import type { Csrf } from './csrf';
import { SessionLifetimeDto, SessionSummaryDto } from './dto/session-summary.dto';
import { SessionStore } from '@aidial/api/sessions';

@ApiTags('auth')
@Controller('api/session')
export class SessionController {
  constructor(
    @Inject(CSRF) private readonly csrf: Csrf,
    private readonly sessions: SessionStore,
  ) {}

  @Get()
  @Member({ mfaExempt: true })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The signed-in user, their role, tenant, client and project scope, resolved now from the database.',
  })
  @ApiOkResponse({ type: SessionSummaryDto })
  getSession(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() accessContext: AccessContext,
    @CurrentMfa() mfa: MfaEvaluation,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): SessionSummaryDto {
    this.csrf.issue(req, res);
    // The headers the guard set, again with the body's clock reading, so the two never differ by a second boundary.
    const now = Date.now();
    setSessionLifetimeHeaders(res, principal, now);
    return SessionSummaryDto.from(accessContext, principal, mfa, now);
  }

  /**
   * The portal's "Stay signed in" (its idle warning): slides the idle window now. `@Member()` like the session summary:
   * a session whose tenant is suspended or whose membership is gone cannot be used, so it is not kept alive either.
   */
  @Post('keep-alive')
  @Member({ mfaExempt: true })
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Keeps this session alive: its idle lifetime starts again now (never beyond the absolute lifetime).',
  })
  @ApiOkResponse({ type: SessionLifetimeDto })
  async keepSessionAlive(
    @CurrentPrincipal() principal: SessionPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionLifetimeDto> {
    const lifetimes = await this.sessions.keepAlive(principal.sessionId);
    // Ended between the guard's read and this write (revoked from elsewhere): as if the request had come a moment later.
    if (!lifetimes) throw new ApiError('unauthenticated');
    const now = Date.now();
    setSessionLifetimeHeaders(res, lifetimes, now);
    return SessionLifetimeDto.from(lifetimes, now);
  }
}
