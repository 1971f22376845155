import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiError, ApiRefusals, Public } from '@aidial/api/core';
import { IdentityProviderUnavailableError } from '../oidc/oidc-client';
import { BackchannelLogoutService } from './backchannel-logout.service';
import { LogoutTokenRejectedError } from './logout-token';

/**
 * Where the identity provider tells the portal that a session there ended (OpenID Connect Back-Channel Logout 1.0).
 * Called server to server: public, and outside the CSRF check (auth.module.ts); the logout token is the credential.
 */
@ApiTags('auth')
@Controller('api/auth')
export class BackchannelLogoutController {
  constructor(private readonly logout: BackchannelLogoutService) {}

  @Post('backchannel-logout')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'The identity provider ends the portal sessions of a session it ended (OIDC Back-Channel Logout 1.0).',
    description:
      'Form body `logout_token=<JWT>` (`application/x-www-form-urlencoded`). Answers 200 with an empty body and ' +
      '`Cache-Control: no-store` once the sessions the token names have ended (also when none were live).',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOkResponse({ description: 'The sessions the token names have ended.' })
  @ApiRefusals({
    bad_request: 'the logout token is missing or not valid (signature, typ, iss, aud, iat, events, nonce, sid/sub).',
    identity_provider_unavailable: "the identity provider's keys cannot be fetched; the provider retries.",
  })
  async backchannelLogout(
    @Body() body: Record<string, unknown> | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    // §2.5: a form post; the same field in JSON is not a logout request.
    const form =
      req.is('application/x-www-form-urlencoded') !== false && req.is('application/x-www-form-urlencoded') !== null;
    const token = form && typeof body?.['logout_token'] === 'string' ? body['logout_token'] : undefined;
    try {
      await this.logout.logOut(token);
    } catch (error) {
      if (error instanceof LogoutTokenRejectedError) {
        throw new ApiError('bad_request', { message: 'The logout token was refused.' });
      }
      if (error instanceof IdentityProviderUnavailableError) throw new ApiError('identity_provider_unavailable');
      throw error;
    }
  }
}
