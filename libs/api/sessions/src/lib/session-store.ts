import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import {
  APP_CONFIG,
  type AppConfig,
  type SessionAuthenticator,
  type SessionPrincipal,
  coarseIp,
} from '@aidial/api/core';
import type { MfaSnapshot, SessionEndReason } from '@aidial/shared/access';
import type { EntityManager } from 'typeorm';
import { AuthCookies } from './cookies';
import { type EndedSessionRecord, type LiveSessionRecord, SessionRepository } from './session.repository';
import { TokenCipher } from './token-cipher';

/**
 * Which live sessions to end. Every given field must match (at least one of userId, tenantId, sessionId is required);
 * `exceptSessionId` keeps that one alive ("sign out everywhere else").
 */
export interface SessionSelector {
  readonly userId?: string;
  readonly tenantId?: string;
  readonly sessionId?: string;
  readonly exceptSessionId?: string;
  /** The identity provider's subject (`sub`): a back-channel logout without `sid` ends all of that person's sessions. */
  readonly idpSubject?: string;
  /** The identity provider's session (`sid` of the ID token) the portal session was signed in with. */
  readonly idpSessionId?: string;
}

export interface SessionEnding {
  readonly reason: SessionEndReason;
  /** The person who ended them (null for the system: expiry, a replaced session). */
  readonly byUserId: string | null;
  /** An administrator's note, shown to the user in their ended-sessions history. */
  readonly note?: string | null;
}

/** One session `endSessions` ended, and the tenant it was signed in to (whose audit log records the ending). */
export interface EndedSession {
  readonly id: string;
  readonly tenantId: string;
}

export interface ProviderTokens {
  readonly idToken: string;
  readonly accessToken: string | null;
  readonly refreshToken: string | null;
  /** Epoch seconds; absent in sessions made before it was kept (the access token's own `exp` is read then). */
  readonly accessTokenExpiresAt?: number | null;
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

/**
 * Server-side sessions (the `session` table, owned by this module): created at sign-in with a fresh random id, looked
 * up by the hash of the cookie value on every request (the guard's SESSION_AUTHENTICATOR port), and ended for good by
 * the person, an administrator, a change of role or a suspension. Tenancy keeps a partner's client selection here.
 */
@Injectable()
export class SessionStore implements SessionAuthenticator {
  private readonly cipher: TokenCipher;
  readonly cookies: AuthCookies;

  constructor(
    private readonly repository: SessionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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

  /** The provider tokens a live session holds, or null; with `lock`, the row is held until `manager`'s transaction ends. */
  async providerTokens(
    manager: EntityManager | undefined,
    sessionId: string,
    lock = false,
  ): Promise<ProviderTokens | null> {
    const sealed = await this.repository.sealedTokens(manager, sessionId, lock);
    return sealed ? this.cipher.decrypt<ProviderTokens>(sealed) : null;
  }

  /** Seals renewed provider tokens back into the session (inside the transaction that locked it). */
  async storeProviderTokens(manager: EntityManager, sessionId: string, tokens: ProviderTokens): Promise<void> {
    await this.repository.storeSealedTokens(manager, sessionId, this.cipher.encrypt(tokens));
  }

  /**
   * What the session knows of the user's factors, after one was added during it (SMS enrolment): the enrolment and the
   * factor list change; this sign-in's challenge does not (the new factor was not used to sign in).
   */
  async updateMfaSnapshot(sessionId: string, snapshot: MfaSnapshot, manager?: EntityManager): Promise<void> {
    await this.repository.updateMfaSnapshot(sessionId, snapshot, manager);
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
   * Ends every live session the selector matches, in one statement (with `manager`, inside that transaction, so the
   * change that caused it and its audit event commit together with the ending). A session that has
   * already passed its idle or absolute expiry is left for the cleanup job, which records it as expired.
   */
  async endSessions(
    selector: SessionSelector,
    ending: SessionEnding,
    manager?: EntityManager,
  ): Promise<EndedSession[]> {
    if (
      !selector.userId &&
      !selector.tenantId &&
      !selector.sessionId &&
      !selector.idpSubject &&
      !selector.idpSessionId
    ) {
      throw new Error('endSessions needs a user, a tenant, a session or a provider subject or session');
    }
    return this.repository.endMatching(selector, ending, manager);
  }

  /** The id of the session a cookie value stands for (live or not), or null; inside `manager` when given. */
  async idOf(cookieValue: string, manager?: EntityManager): Promise<string | null> {
    return this.repository.idByTokenHash(hashToken(cookieValue), manager);
  }

  /**
   * Whether a sign-in from this browser is from a device new to the person: they have signed in before (a session of
   * theirs is still on record, within SESSION_HISTORY_DAYS) and none of those sessions had this user agent. A first
   * sign-in ever is not "new" (there is nothing to compare with), and a browser that sends no user agent is not either.
   */
  async isNewDevice(userId: string, userAgent: string | null, manager?: EntityManager): Promise<boolean> {
    if (!userAgent) return false;
    const seen = await this.repository.userAgentsSeen(userId, userAgent.slice(0, 512), manager);
    return seen.any && !seen.same;
  }

  /** A person's live sessions in one tenant: the current one first, then by latest activity. */
  async live(userId: string, tenantId: string, currentSessionId: string): Promise<LiveSessionRecord[]> {
    const sessions = await this.repository.listLive(userId, tenantId);
    const current = (session: LiveSessionRecord): number => (session.id === currentSessionId ? 0 : 1);
    return sessions.sort(
      (a, b) =>
        current(a) - current(b) ||
        b.lastSeenAt.getTime() - a.lastSeenAt.getTime() ||
        b.createdAt.getTime() - a.createdAt.getTime() ||
        a.id.localeCompare(b.id),
    );
  }

  /** A person's ended sessions in one tenant within `days`, latest end first, at most `limit`. */
  async ended(userId: string, tenantId: string, days: number, limit: number): Promise<EndedSessionRecord[]> {
    return this.repository.listEnded(userId, tenantId, days, limit);
  }

  /**
   * The cleanup job's sweep, inside `manager`'s transaction: records lapsed live sessions as expired and deletes ended
   * ones older than `historyDays`. Null when another instance holds the job's lock (it does the same work).
   */
  async sweep(manager: EntityManager, historyDays: number): Promise<{ expired: number; deleted: number } | null> {
    if (!(await this.repository.lockCleanup(manager))) return null;
    const expired = await this.repository.endLapsed(manager);
    const deleted = await this.repository.deleteEndedBefore(manager, historyDays);
    return { expired, deleted };
  }
}
