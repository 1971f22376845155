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
  ACCESS_CONTEXT_READER,
  type AccessContextReader,
  type AccessResolution,
  ApiError,
  CurrentPrincipal,
  ErrorEnvelopeDto,
  type SessionPrincipal,
  SignedIn,
} from '@aidial/api/core';
import { CSRF } from './csrf.token';
import type { Csrf } from './csrf';
import { SessionSummaryDto } from './dto/session-summary.dto';

@ApiTags('auth')
@Controller('api/session')
export class SessionController {
  constructor(
    @Inject(ACCESS_CONTEXT_READER) private readonly access: AccessContextReader,
    @Inject(CSRF) private readonly csrf: Csrf,
  ) {}

  @Get()
  @SignedIn()
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
  async getSession(
    @CurrentPrincipal() principal: SessionPrincipal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionSummaryDto> {
    let resolution: AccessResolution;
    try {
      resolution = await this.access.resolve(principal.userId, principal.tenantId);
    } catch {
      throw new ApiError('session_validation_unavailable');
    }
    if (!resolution.ok)
      throw new ApiError(resolution.refusal === 'tenant_suspended' ? 'tenant_suspended' : 'access_denied');
    this.csrf.issue(req, res);
    return SessionSummaryDto.from(resolution.context, principal);
  }
}
