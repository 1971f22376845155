import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  type AccessContext,
  CurrentAccessContext,
  CurrentPrincipal,
  ErrorEnvelopeDto,
  Member,
  type SessionPrincipal,
} from '@aidial/api/core';
import { CSRF } from './csrf.token';
import type { Csrf } from './csrf';
import { SessionSummaryDto } from './dto/session-summary.dto';

@ApiTags('auth')
@Controller('api/session')
export class SessionController {
  constructor(@Inject(CSRF) private readonly csrf: Csrf) {}

  @Get()
  @Member()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The signed-in user, their role, tenant, client and project scope, resolved now from the database.',
  })
  @ApiOkResponse({ type: SessionSummaryDto })
  @ApiUnauthorizedResponse({
    type: ErrorEnvelopeDto,
    description: '`unauthenticated`: no, expired or revoked session.',
  })
  @ApiForbiddenResponse({
    type: ErrorEnvelopeDto,
    description: '`access_denied` (role not recognised, no membership) or `tenant_suspended`.',
  })
  @ApiServiceUnavailableResponse({ type: ErrorEnvelopeDto, description: '`session_validation_unavailable`' })
  getSession(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAccessContext() accessContext: AccessContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): SessionSummaryDto {
    this.csrf.issue(req, res);
    return SessionSummaryDto.from(accessContext, principal);
  }
}
