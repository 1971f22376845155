import { Global, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenancyModule } from '@aidial/api/tenancy';
import {
  APP_CONFIG,
  type AppConfig,
  CLIENT_SELECTION_STORE,
  REAUTHENTICATION_STARTER,
  SESSION_AUTHENTICATOR,
  SESSION_REVOKER,
  SESSION_TOKENS,
} from '@aidial/api/core';
import { AuthController } from './auth.controller';
import { createCsrf } from './csrf';
import { CsrfMiddleware } from './csrf.middleware';
import { CSRF } from './csrf.token';
import { OidcClient } from './oidc/oidc-client';
import { AuthCookies } from './session/cookies';
import { SessionEntity } from './entities/session.entity';
import { SignInAttemptEntity } from './entities/sign-in-attempt.entity';
import { SessionRepository } from './session/session.repository';
import { SessionService } from './session/session.service';
import { SignInAttemptRepository } from './sign-in-attempt.repository';
import { SessionController } from './session.controller';
import { MySessionsController } from './sessions/my-sessions.controller';
import { MySessionsService } from './sessions/my-sessions.service';
import { SessionCleanup } from './sessions/session-cleanup';
import { SignInService } from './sign-in.service';

/**
 * Sign-in through the identity provider, sessions (lifetimes, the user's own session list and revocation, the cleanup
 * job) and CSRF. Global: the core guard chain reads its session
 * authenticator through the SESSION_AUTHENTICATOR port, tenancy keeps a partner's client selection through
 * CLIENT_SELECTION_STORE.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity, SignInAttemptEntity]), TenancyModule],
  controllers: [AuthController, SessionController, MySessionsController],
  providers: [
    OidcClient,
    SessionRepository,
    SignInAttemptRepository,
    SessionService,
    SignInService,
    MySessionsService,
    SessionCleanup,
    { provide: SESSION_AUTHENTICATOR, useExisting: SessionService },
    { provide: CLIENT_SELECTION_STORE, useExisting: SessionService },
    { provide: SESSION_TOKENS, useExisting: SessionService },
    { provide: SESSION_REVOKER, useExisting: SessionService },
    { provide: REAUTHENTICATION_STARTER, useExisting: SignInService },
    {
      provide: CSRF,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createCsrf(config.sessionSecret, new AuthCookies(config)),
    },
  ],
  exports: [SESSION_AUTHENTICATOR, CLIENT_SELECTION_STORE, SESSION_TOKENS, SESSION_REVOKER, REAUTHENTICATION_STARTER],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CsrfMiddleware).forRoutes({ path: 'api/*path', method: RequestMethod.ALL });
  }
}
