import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  APP_CONFIG,
  type AccessContext,
  ApiError,
  ApiRefusals,
  type AppConfig,
  CurrentAccessContext,
  Member,
} from '@aidial/api/core';
import { SessionStore } from '@aidial/api/sessions';
import { AuthorizationUrlDto, StartStepUpDto } from './dto/sign-in.dto';
import { IdentityProviderUnavailableError } from './oidc/oidc-client';
import { SignInService } from './sign-in.service';

/**
 * Step-up (docs/sessions.md): a sensitive action answered 403 `reauthentication_required`; the portal calls this, sends
 * the browser to the provider with `prompt=login` and `max_age`, and the callback replaces the session (a new id, a
 * fresh `auth_time`) and returns to `return_to`, where the user finishes the action.
 */
@ApiTags('auth')
@Controller('api/auth')
export class StepUpController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('step-up')
  @Member({ mfaExempt: true })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Starts signing in again (prompt=login, max_age) before a sensitive action; the session is then replaced.',
    description:
      'Sets the short-lived sign-in cookie as `GET /api/auth/login` does. The browser goes to `authorization_url`, ' +
      'signs in again at the identity provider and comes back to `return_to` with a new session whose sign-in is ' +
      'recent enough for the actions that answered `reauthentication_required`.',
  })
  @ApiOkResponse({ type: AuthorizationUrlDto })
  @ApiRefusals({
    validation_failed: 'no `return_to`, or one longer than 2048 characters.',
    identity_provider_unavailable: 'the identity provider cannot be reached.',
  })
  async startStepUp(
    @Body() body: StartStepUpDto,
    @CurrentAccessContext() context: AccessContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthorizationUrlDto> {
    res.setHeader('Cache-Control', 'no-store');
    let started: { authorizationUrl: string; browserToken: string };
    try {
      started = await this.signIn.start(context.user.email, body.return_to, {
        prompt: 'login',
        maxAgeSeconds: this.config.stepUpMaxAgeMinutes * 60,
      });
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) throw new ApiError('identity_provider_unavailable');
      throw error;
    }
    res.cookie(this.sessions.cookies.signIn, started.browserToken, this.sessions.cookies.signInOptions());
    return { authorization_url: started.authorizationUrl };
  }
}
