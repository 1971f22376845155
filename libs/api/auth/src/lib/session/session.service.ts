import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import {
  APP_CONFIG,
  type AppConfig,
  type ClientSelectionStore,
  type EndedSession,
  type SessionAuthenticator,
  type SessionEnding,
  type SessionPrincipal,
  type SessionRevoker,
  type SessionSelector,
  type SessionTokens,
  coarseIp,
} from '@aidial/api/core';
import type { MfaSnapshot } from '@aidial/shared/access';
import { IdentityProviderUnavailableError, OidcClient } from '../oidc/oidc-client';
import { DataSource, type EntityManager } from 'typeorm';
import { AuthCookies } from './cookies';
import { SessionRepository } from './session.repository';
import { TokenCipher } from './token-cipher';

export interface ProviderTokens {
  readonly idToken: string;
  readonly accessToken: string | null;
  readonly refreshToken: string | null;
  /** Epoch seconds; absent in sessions made before it was kept (the access token's own `exp` is read then). */
  readonly accessTokenExpiresAt?: number | null;
}

/** An access token this close to its expiry is renewed before use, so it does not expire on its way to the platform. */
export const ACCESS_TOKEN_RENEWAL_MARGIN_SECONDS = 30;

/** When the access token expires, in epoch seconds: as the token response said, else the JWT's `exp`, else unknown. */
export function accessTokenExpiry(tokens: ProviderTokens): number | null {
  if (typeof tokens.accessTokenExpiresAt === 'number') return tokens.accessTokenExpiresAt;
  const payload = tokens.accessToken?.split('.')[1];
  if (!payload) return null;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

export interface NewSession {
  readonly userId: string;
  readonly tenantId: string;
  readonly idpSubject: string;
  readonly idpSessionId: string | null;
  readonly amr: readonly string[];
  readonly authTime: Date;
  /** The MFA snapshot taken at this sign-in (docs/mfa.md), kept on the row and read with it. */
  readonly mfa: MfaSnapshot;
  readonly tokens: ProviderTokens;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

/** A session's last-seen time (and so its idle expiry) is written at most this often, not on every request. */
export const LAST_SEEN_GRANULARITY_SECONDS = 60;

export function hashToken(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

// The coarse network moved to api-core (the audit log records it too); re-exported for this module's callers.
export { coarseIp };

/** Server-side sessions: created at sign-in with a fresh random id, looked up by the hash of the cookie value. */
@Injectable()
export class SessionService implements SessionAuthenticator, ClientSelectionStore, SessionTokens, SessionRevoker {
  private readonly cipher: TokenCipher;
  readonly cookies: AuthCookies;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly repository: SessionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OidcClient) private readonly oidc: OidcClient,
  ) {
    this.cipher = new TokenCipher(config.sessionSecret);
    this.cookies = new AuthCookies(config);
  }

  /** Creates a session and returns the cookie value (shown once, stored only as a hash); inside `manager` when given. */
  async create(session: NewSession, manager?: EntityManager): Promise<string> {
    const cookieValue = randomBytes(32).toString('base64url');
    await this.repository.insert(
      {
        tokenHash: hashToken(cookieValue),
        userId: session.userId,
        tenantId: session.tenantId,
        idpSubject: session.idpSubject,
        idpSessionId: session.idpSessionId,
        tokensEncrypted: this.cipher.encrypt(session.tokens),
        amr: [...session.amr],
        authTime: session.authTime,
        userAgent: session.userAgent?.slice(0, 512) ?? null,
        ipCoarse: coarseIp(session.ip),
        mfaSnapshot: session.mfa,
      },
      { idleMinutes: this.config.sessionIdleMinutes, absoluteHours: this.config.sessionAbsoluteHours },
      manager,
    );
    return cookieValue;
  }

  /**
   * The principal of a live session, or null: no cookie, unknown (or tampered) value, revoked, idle-expired or past its
   * absolute lifetime. One indexed read; the idle window slides with at most one write a minute.
   */
  async authenticate(request: Request): Promise<SessionPrincipal | null> {
    const cookieValue = (request.cookies as Record<string, string> | undefined)?.[this.cookies.session];
    if (!cookieValue || cookieValue.length > 200) return null;
    const row = await this.repository.findLive(hashToken(cookieValue), LAST_SEEN_GRANULARITY_SECONDS);
    if (!row) return null;
    let idleExpiresAt = row.idle_expires_at;
    if (row.touch_due) {
      const touched = await this.repository.touch(row.id, this.config.sessionIdleMinutes, false);
      idleExpiresAt = touched?.idleExpiresAt ?? idleExpiresAt;
    }
    return {
      kind: 'session',
      sessionId: row.id,
      userId: row.user_id,
      tenantId: row.tenant_id,
      selectedClientId: row.selected_client_id,
      idpSubject: row.idp_subject,
      idpSessionId: row.idp_session_id,
      amr: row.amr,
      authTime: row.auth_time,
      mfa: row.mfa_snapshot,
      idleExpiresAt,
      absoluteExpiresAt: row.absolute_expires_at,
    };
  }

  /**
   * Slides the idle window now (the keep-alive of the portal's idle warning), whatever the last-seen granularity: the
   * idle expiry becomes now + SESSION_IDLE_MINUTES, capped by the absolute expiry. Null when the session is no longer live.
   */
  async keepAlive(sessionId: string): Promise<{ idleExpiresAt: Date; absoluteExpiresAt: Date } | null> {
    return this.repository.touch(sessionId, this.config.sessionIdleMinutes, true);
  }

  /**
   * Ends the live session a browser still carried when it signed in again (reason `replaced`, by no one), inside the
   * transaction that creates its successor: one browser, one session, and a fresh id at every sign-in. Returns the
   * ended session's id, or null when the cookie was not a live session.
   */
  async replace(cookieValue: string | undefined, manager?: EntityManager): Promise<string | null> {
    if (!cookieValue || cookieValue.length > 200) return null;
    return this.repository.endReplaced(hashToken(cookieValue), manager);
  }

  /**
   * The session's provider access token for the platform API (the SESSION_TOKENS port). Renewed with the refresh token
   * when it expires within the margin, under a row lock so concurrent requests of one session refresh once; the new
   * tokens are sealed back into the row. Null without a token, or when the provider refuses the refresh; a provider
   * outage throws (the proxy answers 502).
   */
  async accessToken(principal: SessionPrincipal): Promise<string | null> {
    const current = await this.readTokens(this.dataSource.manager, principal.sessionId);
    if (!current?.accessToken) return null;
    if (!this.needsRenewal(current)) return current.accessToken;
    if (!current.refreshToken) return null;
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.readTokens(manager, principal.sessionId, true);
      if (!locked?.accessToken) return null;
      if (!this.needsRenewal(locked)) return locked.accessToken; // another request renewed it meanwhile
      if (!locked.refreshToken) return null;
      let renewed: Awaited<ReturnType<OidcClient['refresh']>>;
      try {
        renewed = await this.oidc.refresh(locked.refreshToken);
      } catch (error) {
        if (error instanceof IdentityProviderUnavailableError) throw error;
        return null;
      }
      const tokens: ProviderTokens = {
        idToken: renewed.idToken ?? locked.idToken,
        accessToken: renewed.accessToken,
        refreshToken: renewed.refreshToken ?? locked.refreshToken,
        accessTokenExpiresAt: renewed.accessTokenExpiresAt,
      };
      await this.repository.storeSealedTokens(manager, principal.sessionId, this.cipher.encrypt(tokens));
      return tokens.accessToken;
    });
  }

  private needsRenewal(tokens: ProviderTokens): boolean {
    const expiry = accessTokenExpiry(tokens);
    return expiry !== null && expiry - ACCESS_TOKEN_RENEWAL_MARGIN_SECONDS <= Date.now() / 1000;
  }

  private async readTokens(manager: EntityManager, sessionId: string, lock = false): Promise<ProviderTokens | null> {
    const sealed = await this.repository.sealedTokens(manager, sessionId, lock);
    return sealed ? this.cipher.decrypt<ProviderTokens>(sealed) : null;
  }

  /** Keeps a partner's client selection in their session (the caller has checked the partner manages the client). */
  async select(sessionId: string, clientId: string | null, manager?: EntityManager): Promise<void> {
    await this.repository.selectClient(sessionId, clientId, manager);
  }

  /**
   * Signs one session out: ends it (wiping its tokens) and returns the provider tokens it held, for the end-session
   * request, or null if it had already ended.
   */
  async signOut(sessionId: string, ending: SessionEnding, manager?: EntityManager): Promise<ProviderTokens | null> {
    const sealed = await this.repository.endOne(sessionId, ending, manager);
    return sealed ? this.cipher.decrypt<ProviderTokens>(sealed) : null;
  }

  /**
   * The SESSION_REVOKER port: ends every live session the selector matches, in one statement. A session that has
   * already passed its idle or absolute expiry is left for the cleanup job, which records it as expired.
   */
  async endSessions(
    selector: SessionSelector,
    ending: SessionEnding,
    manager?: EntityManager,
  ): Promise<EndedSession[]> {
    if (!selector.userId && !selector.tenantId && !selector.sessionId) {
      throw new Error('endSessions needs a user, a tenant or a session');
    }
    return this.repository.endMatching(selector, ending, manager);
  }
}
