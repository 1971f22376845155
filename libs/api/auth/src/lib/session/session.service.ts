import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import {
  APP_CONFIG,
  type AppConfig,
  type ClientSelectionStore,
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

interface SessionRow {
  id: string;
  user_id: string;
  tenant_id: string;
  selected_client_id: string | null;
  idp_subject: string;
  idp_session_id: string | null;
  amr: string[];
  auth_time: Date;
  mfa_snapshot: MfaSnapshot | null;
  idle_expires_at: Date;
  absolute_expires_at: Date;
  touch_due: boolean;
}

/** Server-side sessions: created at sign-in with a fresh random id, looked up by the hash of the cookie value. */
@Injectable()
export class SessionService implements SessionAuthenticator, ClientSelectionStore, SessionTokens, SessionRevoker {
  private readonly cipher: TokenCipher;
  readonly cookies: AuthCookies;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OidcClient) private readonly oidc: OidcClient,
  ) {
    this.cipher = new TokenCipher(config.sessionSecret);
    this.cookies = new AuthCookies(config);
  }

  /** Creates a session and returns the cookie value (shown once, stored only as a hash); inside `manager` when given. */
  async create(session: NewSession, manager?: EntityManager): Promise<string> {
    const cookieValue = randomBytes(32).toString('base64url');
    await (manager ?? this.dataSource).query(
      `INSERT INTO session (token_hash, user_id, tenant_id, idp_subject, idp_session_id, tokens_encrypted, amr, auth_time,
                            last_seen_at, idle_expires_at, absolute_expires_at, user_agent, ip_coarse, mfa_snapshot)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), now() + make_interval(mins => $9), now() + make_interval(hours => $10), $11, $12, $13)`,
      [
        hashToken(cookieValue),
        session.userId,
        session.tenantId,
        session.idpSubject,
        session.idpSessionId,
        this.cipher.encrypt(session.tokens),
        session.amr,
        session.authTime,
        this.config.sessionIdleMinutes,
        this.config.sessionAbsoluteHours,
        session.userAgent?.slice(0, 512) ?? null,
        coarseIp(session.ip),
        JSON.stringify(session.mfa),
      ],
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
    const rows = (await this.dataSource.query(
      `SELECT id, user_id, tenant_id, selected_client_id, idp_subject, idp_session_id, amr, auth_time, mfa_snapshot,
              idle_expires_at, absolute_expires_at,
              last_seen_at < now() - make_interval(secs => $2) AS touch_due
         FROM session
        WHERE token_hash = $1 AND ended_at IS NULL AND idle_expires_at > now() AND absolute_expires_at > now()`,
      [hashToken(cookieValue), LAST_SEEN_GRANULARITY_SECONDS],
    )) as SessionRow[];
    const row = rows[0];
    if (!row) return null;
    let idleExpiresAt = row.idle_expires_at;
    if (row.touch_due) {
      const touched = (await this.dataSource.query(
        `UPDATE session SET last_seen_at = now(), idle_expires_at = LEAST(now() + make_interval(mins => $2), absolute_expires_at)
          WHERE id = $1 RETURNING idle_expires_at`,
        [row.id, this.config.sessionIdleMinutes],
      )) as [Array<{ idle_expires_at: Date }>, number];
      idleExpiresAt = touched[0][0]?.idle_expires_at ?? idleExpiresAt;
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
    const rows = (await this.dataSource.query(
      `UPDATE session SET last_seen_at = now(), idle_expires_at = LEAST(now() + make_interval(mins => $2), absolute_expires_at)
        WHERE id = $1 AND ended_at IS NULL AND idle_expires_at > now() AND absolute_expires_at > now()
       RETURNING idle_expires_at, absolute_expires_at`,
      [sessionId, this.config.sessionIdleMinutes],
    )) as [Array<{ idle_expires_at: Date; absolute_expires_at: Date }>, number];
    const row = rows[0][0];
    return row ? { idleExpiresAt: row.idle_expires_at, absoluteExpiresAt: row.absolute_expires_at } : null;
  }

  /**
   * Ends the live session a browser still carried when it signed in again (reason `replaced`, by no one), inside the
   * transaction that creates its successor: one browser, one session, and a fresh id at every sign-in. Returns the
   * ended session's id, or null when the cookie was not a live session.
   */
  async replace(cookieValue: string | undefined, manager?: EntityManager): Promise<string | null> {
    if (!cookieValue || cookieValue.length > 200) return null;
    const rows = (await (manager ?? this.dataSource).query(
      `UPDATE session SET ended_at = now(), end_reason = 'replaced', ended_by_user_id = NULL, end_note = NULL,
                          tokens_encrypted = NULL
        WHERE token_hash = $1 AND ended_at IS NULL AND idle_expires_at > now() AND absolute_expires_at > now()
       RETURNING id`,
      [hashToken(cookieValue)],
    )) as [Array<{ id: string }>, number];
    return rows[0][0]?.id ?? null;
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
      await manager.query(`UPDATE session SET tokens_encrypted = $2 WHERE id = $1`, [
        principal.sessionId,
        this.cipher.encrypt(tokens),
      ]);
      return tokens.accessToken;
    });
  }

  private needsRenewal(tokens: ProviderTokens): boolean {
    const expiry = accessTokenExpiry(tokens);
    return expiry !== null && expiry - ACCESS_TOKEN_RENEWAL_MARGIN_SECONDS <= Date.now() / 1000;
  }

  private async readTokens(manager: EntityManager, sessionId: string, lock = false): Promise<ProviderTokens | null> {
    const rows = (await manager.query(
      `SELECT tokens_encrypted FROM session WHERE id = $1 AND ended_at IS NULL${lock ? ' FOR UPDATE' : ''}`,
      [sessionId],
    )) as Array<{ tokens_encrypted: string }>;
    const sealed = rows[0]?.tokens_encrypted;
    return sealed ? this.cipher.decrypt<ProviderTokens>(sealed) : null;
  }

  /** Keeps a partner's client selection in their session (the caller has checked the partner manages the client). */
  async select(sessionId: string, clientId: string | null, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource).query(
      `UPDATE session SET selected_client_id = $2 WHERE id = $1 AND ended_at IS NULL`,
      [sessionId, clientId],
    );
  }

  /**
   * Signs one session out: ends it (wiping its tokens) and returns the provider tokens it held, for the end-session
   * request, or null if it had already ended.
   */
  async signOut(sessionId: string, ending: SessionEnding, manager?: EntityManager): Promise<ProviderTokens | null> {
    const rows = (await (manager ?? this.dataSource).query(
      `WITH live AS (SELECT id, tokens_encrypted FROM session WHERE id = $1 AND ended_at IS NULL FOR UPDATE)
       UPDATE session s SET ended_at = now(), end_reason = $2, ended_by_user_id = $3, end_note = $4, tokens_encrypted = NULL
         FROM live WHERE s.id = live.id
       RETURNING live.tokens_encrypted`,
      [sessionId, ending.reason, ending.byUserId, ending.note ?? null],
    )) as [Array<{ tokens_encrypted: string | null }>, number];
    const sealed = rows[0][0]?.tokens_encrypted;
    return sealed ? this.cipher.decrypt<ProviderTokens>(sealed) : null;
  }

  /**
   * The SESSION_REVOKER port: ends every live session the selector matches, in one statement. A session that has
   * already passed its idle or absolute expiry is left for the cleanup job, which records it as expired.
   */
  async endSessions(selector: SessionSelector, ending: SessionEnding, manager?: EntityManager): Promise<string[]> {
    if (!selector.userId && !selector.tenantId && !selector.sessionId) {
      throw new Error('endSessions needs a user, a tenant or a session');
    }
    const rows = (await (manager ?? this.dataSource).query(
      `UPDATE session SET ended_at = now(), end_reason = $5, ended_by_user_id = $6, end_note = $7, tokens_encrypted = NULL
        WHERE ended_at IS NULL AND idle_expires_at > now() AND absolute_expires_at > now()
          AND ($1::uuid IS NULL OR user_id = $1::uuid)
          AND ($2::uuid IS NULL OR tenant_id = $2::uuid)
          AND ($3::uuid IS NULL OR id = $3::uuid)
          AND ($4::uuid IS NULL OR id <> $4::uuid)
       RETURNING id`,
      [
        selector.userId ?? null,
        selector.tenantId ?? null,
        selector.sessionId ?? null,
        selector.exceptSessionId ?? null,
        ending.reason,
        ending.byUserId,
        ending.note ?? null,
      ],
    )) as [Array<{ id: string }>, number];
    return rows[0].map((row) => row.id);
  }
}
