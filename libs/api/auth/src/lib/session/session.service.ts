import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig, type SessionAuthenticator, type SessionPrincipal } from '@aidial/api/core';
import { DataSource } from 'typeorm';
import { AuthCookies } from './cookies';
import { TokenCipher } from './token-cipher';

export interface ProviderTokens {
  readonly idToken: string;
  readonly accessToken: string | null;
  readonly refreshToken: string | null;
}

export interface NewSession {
  readonly userId: string;
  readonly tenantId: string;
  readonly idpSubject: string;
  readonly idpSessionId: string | null;
  readonly amr: readonly string[];
  readonly authTime: Date;
  readonly tokens: ProviderTokens;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

/** A session's last-seen time (and so its idle expiry) is written at most this often, not on every request. */
export const LAST_SEEN_GRANULARITY_SECONDS = 60;

export function hashToken(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** 203.0.113.77 → 203.0.113.0; 2001:db8:1:2:3:4:5:6 → 2001:db8:1::. Enough to recognise a network, not a person. */
export function coarseIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+)\.\d+$/.exec(ip);
  if (v4) return `${v4[1]}.0`;
  if (ip.includes(':')) return `${ip.split(':').slice(0, 3).join(':')}::`;
  return null;
}

interface SessionRow {
  id: string;
  user_id: string;
  tenant_id: string;
  idp_subject: string;
  amr: string[];
  auth_time: Date;
  idle_expires_at: Date;
  absolute_expires_at: Date;
  touch_due: boolean;
}

/** Server-side sessions: created at sign-in with a fresh random id, looked up by the hash of the cookie value. */
@Injectable()
export class SessionService implements SessionAuthenticator {
  private readonly cipher: TokenCipher;
  readonly cookies: AuthCookies;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cipher = new TokenCipher(config.sessionSecret);
    this.cookies = new AuthCookies(config);
  }

  /** Creates a session and returns the cookie value (shown once, stored only as a hash). */
  async create(session: NewSession): Promise<string> {
    const cookieValue = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO session (token_hash, user_id, tenant_id, idp_subject, idp_session_id, tokens_encrypted, amr, auth_time,
                            last_seen_at, idle_expires_at, absolute_expires_at, user_agent, ip_coarse)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), now() + make_interval(mins => $9), now() + make_interval(hours => $10), $11, $12)`,
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
      `SELECT id, user_id, tenant_id, idp_subject, amr, auth_time, idle_expires_at, absolute_expires_at,
              last_seen_at < now() - make_interval(secs => $2) AS touch_due
         FROM session
        WHERE token_hash = $1 AND revoked_at IS NULL AND idle_expires_at > now() AND absolute_expires_at > now()`,
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
      idpSubject: row.idp_subject,
      amr: row.amr,
      authTime: row.auth_time,
      idleExpiresAt,
      absoluteExpiresAt: row.absolute_expires_at,
    };
  }

  /** Ends a session for good; returns its provider tokens for the end-session request, or null if it was already gone. */
  async revoke(sessionId: string, reason: string): Promise<ProviderTokens | null> {
    const rows = (await this.dataSource.query(
      `UPDATE session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING tokens_encrypted`,
      [sessionId, reason],
    )) as [Array<{ tokens_encrypted: string }>, number];
    const sealed = rows[0][0]?.tokens_encrypted;
    return sealed ? this.cipher.decrypt<ProviderTokens>(sealed) : null;
  }
}
