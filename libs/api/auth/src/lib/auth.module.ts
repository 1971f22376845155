import { NotificationsModule } from '@aidial/api/notifications';
import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@aidial/api/core';
import { MfaModule } from '@aidial/api/mfa';
import { AuthCookies, SessionsModule } from '@aidial/api/sessions';
import { TenancyModule } from '@aidial/api/tenancy';
import { AuthController } from './auth.controller';
import { BackchannelLogoutController } from './backchannel-logout/backchannel-logout.controller';
import { BackchannelLogoutService } from './backchannel-logout/backchannel-logout.service';
import { createCsrf } from './csrf';
import { CsrfMiddleware } from './csrf.middleware';
import { CSRF } from './csrf.token';
import { SignInAttemptEntity } from './entities/sign-in-attempt.entity';
import { MfaRefreshController } from './mfa-refresh.controller';
import { OidcClient } from './oidc/oidc-client';
import { SessionController } from './session.controller';
import { SessionTokens } from './session-tokens';
import { MySessionsController } from './sessions/my-sessions.controller';
import { MySessionsService } from './sessions/my-sessions.service';
import { SessionCleanup } from './sessions/session-cleanup';
import { SignInAttemptRepository } from './sign-in-attempt.repository';
import { SignInService } from './sign-in.service';
import { StepUpController } from './step-up.controller';

/**
 * Sign-in through the identity provider (and signing in again: "Refresh security status"), sign-out, the session
 * summary, the user's own sessions, the cleanup job, CSRF, and renewing a session's provider access token for the
 * proxy. Builds on sessions (the store), tenancy (who the person is and what they may see) and mfa (the snapshot each
 * sign-in takes); none of them imports this module.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([SignInAttemptEntity]),
    SessionsModule,
    TenancyModule,
    MfaModule,
    NotificationsModule,
  ],
  controllers: [
    AuthController,
    SessionController,
    MySessionsController,
    MfaRefreshController,
    StepUpController,
    BackchannelLogoutController,
  ],
  providers: [
    OidcClient,
    BackchannelLogoutService,
    SignInAttemptRepository,
    SignInService,
    SessionTokens,
    MySessionsService,
    SessionCleanup,
    {
      provide: CSRF,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createCsrf(config.sessionSecret, new AuthCookies(config)),
    },
  ],
  exports: [SessionTokens],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The back-channel logout is called by the identity provider, server to server: its logout token is the credential.
    consumer
      .apply(CsrfMiddleware)
      .exclude({ path: 'api/auth/backchannel-logout', method: RequestMethod.POST })
      .forRoutes({ path: 'api/*path', method: RequestMethod.ALL });
  }
}
