import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiError, ApiRefusals, CurrentPrincipal, Public, type SessionPrincipal, SignedIn } from '@aidial/api/core';
import { CSRF } from './csrf.token';
import type { Csrf } from './csrf';
import { AuthorizationUrlDto, EndSessionDto, StartSignInQueryDto } from './dto/sign-in.dto';
import { IdentityProviderUnavailableError, OidcClient } from './oidc/oidc-client';
import { SessionStore } from '@aidial/api/sessions';
import { endSessionInResponse } from './sessions/ended-response';
import { SignInService } from './sign-in.service';

function wantsJson(req: Request): boolean {
  return (req.headers.accept ?? '').includes('application/json');
}

function queryString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionStore,
    private readonly oidc: OidcClient,
    @Inject(CSRF) private readonly csrf: Csrf,
  ) {}

  @Get('login')
  @Public()
  @ApiOperation({
    summary: 'Start signing in at the identity provider.',
    description:
      'With `Accept: application/json` answers the provider URL to navigate to; otherwise redirects there. Either way a ' +
      'short-lived HttpOnly cookie binds the attempt to this browser.',
  })
  @ApiOkResponse({ type: AuthorizationUrlDto })
  @ApiFoundResponse({ description: 'Redirect to the identity provider.' })
  @ApiRefusals({
    validation_failed: 'an unknown parameter, a malformed `email`, or a `return_to` that is not a portal path.',
    identity_provider_unavailable: 'the identity provider cannot be reached (with `Accept: application/json`).',
  })
  async startSignIn(
    @Query() query: StartSignInQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthorizationUrlDto | undefined> {
    let started;
    try {
      started = await this.signIn.start(query.email, query.return_to);
    } catch (error) {
      if (!(error instanceof IdentityProviderUnavailableError)) throw error;
      if (wantsJson(req)) throw new ApiError('identity_provider_unavailable');
      res.redirect(302, '/sign-in?error=provider_unavailable');
      return undefined;
    }
    res.cookie(this.sessions.cookies.signIn, started.browserToken, this.sessions.cookies.signInOptions());
    if (wantsJson(req)) return { authorization_url: started.authorizationUrl };
    res.redirect(302, started.authorizationUrl);
    return undefined;
  }

  /** Where the identity provider sends the browser back. Always a redirect: to the page asked for, or to say what failed. */
  @Get('callback')
  @Public()
  @ApiExcludeEndpoint()
  async finishSignIn(@Req() req: Request, @Res() res: Response): Promise<void> {
    const cookies = (req.cookies ?? {}) as Record<string, string>;
    const outcome = await this.signIn.finish({
      state: queryString(req.query['state']),
      code: queryString(req.query['code']),
      error: queryString(req.query['error']),
      errorDescription: queryString(req.query['error_description']),
      parameters: new URL(req.originalUrl, 'http://callback.invalid').searchParams,
      browserToken: cookies[this.sessions.cookies.signIn],
      previousSessionCookie: cookies[this.sessions.cookies.session],
      userAgent: req.headers['user-agent'] ?? null,
      ip: req.ip ?? null,
    });
    res.clearCookie(this.sessions.cookies.signIn, this.sessions.cookies.signInOptions());
    res.setHeader('Cache-Control', 'no-store');
    if (outcome.kind === 'signed_in') {
      res.cookie(this.sessions.cookies.session, outcome.sessionCookie, this.sessions.cookies.sessionOptions());
      this.csrf.issue(req, res, outcome.sessionCookie);
      res.redirect(302, outcome.redirectTo);
      return;
    }
    // Whatever cookie came in is not a session any more (no fixation across a failed sign-in).
    res.clearCookie(this.sessions.cookies.session, this.sessions.cookies.sessionOptions());
    if (outcome.kind === 'sign_in_error') res.redirect(302, `/sign-in?error=${outcome.error}`);
    else res.redirect(302, `/access-denied?reason=${outcome.reason}`);
  }

  @Post('logout')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: "Sign out: ends this session and answers where to end the identity provider's session." })
  @ApiOkResponse({ type: EndSessionDto })
  async logout(
    @CurrentPrincipal() principal: SessionPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EndSessionDto> {
    const tokens = await this.signIn.signOut(principal);
    endSessionInResponse(res, this.sessions.cookies);
    let endSessionUrl = '/sign-in?signed_out=1';
    try {
      endSessionUrl = await this.oidc.endSessionUrl(tokens?.idToken ?? null);
    } catch {
      // The portal session is over either way; the provider's can end later.
    }
    return { end_session_url: endSessionUrl };
  }
}
