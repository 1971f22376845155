import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AUDIT_RECORDER, type AppConfig, type AuditRecorder } from '@aidial/api/core';
import { SessionStore } from '@aidial/api/sessions';
import { DataSource } from 'typeorm';
import { IdentityProviderUnavailableError, OidcClient } from '../oidc/oidc-client';
import { LogoutTokenRejectedError, LogoutTokenVerifier } from './logout-token';

/**
 * OpenID Connect Back-Channel Logout 1.0 (docs/sessions.md, "Provider logout"): the identity provider says a person's
 * session there ended; every portal session signed in with it ends too (`sid`; without one, every session of `sub`).
 * Sessions are rows, so ending them here ends them on every API instance from their next request.
 */
@Injectable()
export class BackchannelLogoutService {
  private readonly logger = new Logger('BackchannelLogout');
  private readonly verifier: LogoutTokenVerifier;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly oidc: OidcClient,
    private readonly sessions: SessionStore,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.verifier = new LogoutTokenVerifier(config.zitadelClientId);
  }

  /**
   * Ends the sessions a valid token names and returns how many; throws LogoutTokenRejectedError for a token that is
   * not one (logged with the reason, never the token), IdentityProviderUnavailableError when the keys cannot be had.
   */
  async logOut(token: string | undefined): Promise<number> {
    if (!token || token.length > 8_192) return this.refuse('no logout_token, or one too long');
    const provider = await this.oidc.metadata();
    let request;
    try {
      request = await this.verifier.verify(token, provider);
    } catch (error) {
      if (error instanceof LogoutTokenRejectedError) return this.refuse(error.message);
      throw new IdentityProviderUnavailableError(`the provider's keys: ${(error as Error).message}`);
    }
    const ended = await this.dataSource.transaction(async (manager) => {
      const sessions = await this.sessions.endSessions(
        request.sid
          ? { idpSessionId: request.sid, ...(request.sub ? { idpSubject: request.sub } : {}) }
          : { idpSubject: request.sub ?? '' },
        // The person signed out at the provider: their own sign-out, as the history says ("You signed out").
        { reason: 'provider_signed_out', byUserId: null },
        manager,
      );
      for (const session of sessions) {
        await this.audit.record(
          {
            action: 'auth.session.provider_logout',
            outcome: 'success',
            tenantId: session.tenantId,
            actor: {},
            targetId: session.id,
            details: { by: request.sid ? 'sid' : 'sub' },
          },
          { manager },
        );
      }
      return sessions.length;
    });
    this.logger.log({ event: 'auth.backchannel_logout', by: request.sid ? 'sid' : 'sub', ended });
    return ended;
  }

  private refuse(reason: string): never {
    this.logger.warn({ event: 'auth.backchannel_logout.rejected', reason });
    throw new LogoutTokenRejectedError(reason);
  }
}
