import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NamedStatements } from '@aidial/api/core';
import type { MfaSnapshot, SessionEndReason } from '@aidial/shared/access';
import { type EntityManager, Repository } from 'typeorm';
import { SessionEntity } from './session.entity';
import type { EndedSession, SessionEnding, SessionSelector } from './session-store';
import { LIVE_SESSION as LIVE, SEALED_TOKENS, SESSION_LOOKUP } from './session.statements';

/** What the per-request lookup reads of a live session, plus whether its last-seen time is due for a write. */
export interface LiveSessionLookup {
  readonly id: string;
  readonly user_id: string;
  readonly tenant_id: string;
  readonly selected_client_id: string | null;
  readonly idp_subject: string;
  readonly idp_session_id: string | null;
  readonly amr: string[];
  readonly auth_time: Date;
  readonly mfa_snapshot: MfaSnapshot | null;
  readonly idle_expires_at: Date;
  readonly absolute_expires_at: Date;
  readonly touch_due: boolean;
}

/** A session as the "Your sessions" lists show it. */
export type SessionListEntry = Pick<SessionEntity, 'id' | 'userAgent' | 'ipCoarse' | 'createdAt' | 'lastSeenAt'>;
export type LiveSessionRecord = SessionListEntry & Pick<SessionEntity, 'idleExpiresAt' | 'absoluteExpiresAt'>;
export interface EndedSessionRecord extends SessionListEntry {
  readonly endedAt: Date;
  readonly endReason: SessionEndReason;
  readonly endNote: string | null;
  readonly endedByUserId: string | null;
}

/** The lifetimes a new session starts with, counted by the database's clock like every expiry check. */
export interface SessionLifetimes {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

export type NewSessionRow = Pick<
  SessionEntity,
  | 'tokenHash'
  | 'userId'
  | 'tenantId'
  | 'idpSubject'
  | 'idpSessionId'
  | 'tokensEncrypted'
  | 'amr'
  | 'authTime'
  | 'userAgent'
  | 'ipCoarse'
  | 'mfaSnapshot'
>;

/**
 * The only place that reads and writes the `session` table (owned by the auth module). Writes that must be atomic
 * (end a live session and say which one ended) are `UPDATE … RETURNING` statements; the per-request lookup is one
 * indexed statement.
 */
@Injectable()
export class SessionRepository {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly statements: NamedStatements,
  ) {}

  private on(manager?: EntityManager): Repository<SessionEntity> {
    return manager ? manager.withRepository(this.sessions) : this.sessions;
  }

  async insert(row: NewSessionRow, lifetimes: SessionLifetimes, manager?: EntityManager): Promise<void> {
    await this.on(manager)
      .createQueryBuilder()
      .insert()
      .values({
        ...row,
        lastSeenAt: () => 'now()',
        idleExpiresAt: () => 'now() + make_interval(mins => :idleMinutes)',
        absoluteExpiresAt: () => 'now() + make_interval(hours => :absoluteHours)',
      })
      .setParameters(lifetimes)
      .execute();
  }

  /**
   * Named (the per-request read of every signed-in request): one indexed statement that also says whether a touch is
   * due.
   */
  async findLive(tokenHash: Buffer, touchAfterSeconds: number): Promise<LiveSessionLookup | null> {
    const rows = await this.statements.query<LiveSessionLookup>(SESSION_LOOKUP, [tokenHash, touchAfterSeconds]);
    return rows[0] ?? null;
  }

  /**
   * Raw (`UPDATE … RETURNING`): slides the idle window of a session to now + `idleMinutes`, capped by its absolute
   * expiry; `onlyLive` refuses a session that is no longer live. Null when nothing was updated.
   */
  async touch(
    sessionId: string,
    idleMinutes: number,
    onlyLive: boolean,
  ): Promise<Pick<SessionEntity, 'idleExpiresAt' | 'absoluteExpiresAt'> | null> {
    const [rows] = await this.sessions.query<[Array<{ idle_expires_at: Date; absolute_expires_at: Date }>, number]>(
      `UPDATE session SET last_seen_at = now(), idle_expires_at = LEAST(now() + make_interval(mins => $2), absolute_expires_at)
        WHERE id = $1${onlyLive ? ` AND ${LIVE}` : ''}
       RETURNING idle_expires_at, absolute_expires_at`,
      [sessionId, idleMinutes],
    );
    const row = rows[0];
    return row ? { idleExpiresAt: row.idle_expires_at, absoluteExpiresAt: row.absolute_expires_at } : null;
  }

  /** Raw (`UPDATE … RETURNING`): ends the live session a cookie names as `replaced`; its id, or null. */
  async endReplaced(tokenHash: Buffer, manager?: EntityManager): Promise<string | null> {
    const [rows] = await this.on(manager).query<[Array<{ id: string }>, number]>(
      `UPDATE session SET ended_at = now(), end_reason = 'replaced', ended_by_user_id = NULL, end_note = NULL,
                          tokens_encrypted = NULL
        WHERE token_hash = $1 AND ${LIVE}
       RETURNING id`,
      [tokenHash],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * The sealed provider tokens of a session that has not ended. Named outside a transaction (a per-request read of every
   * `/api/platform` call); raw inside one, where `lock` holds the row until `manager`'s transaction ends.
   */
  async sealedTokens(manager: EntityManager | undefined, sessionId: string, lock: boolean): Promise<string | null> {
    type Row = { tokens_encrypted: string | null };
    const rows =
      manager === undefined && !lock
        ? await this.statements.query<Row>(SEALED_TOKENS, [sessionId])
        : await this.on(manager).query<Row[]>(`${SEALED_TOKENS.text}${lock ? ' FOR UPDATE' : ''}`, [sessionId]);
    return rows[0]?.tokens_encrypted ?? null;
  }

  async storeSealedTokens(manager: EntityManager, sessionId: string, sealed: string): Promise<void> {
    await manager.withRepository(this.sessions).update({ id: sessionId }, { tokensEncrypted: sealed });
  }

  /** Replaces a live session's MFA snapshot (a factor added during the session: docs/mfa.md). */
  async updateMfaSnapshot(sessionId: string, snapshot: MfaSnapshot, manager?: EntityManager): Promise<void> {
    await this.on(manager)
      .createQueryBuilder()
      .update()
      .set({ mfaSnapshot: snapshot })
      .where('id = :sessionId AND ended_at IS NULL', { sessionId })
      .execute();
  }

  async selectClient(sessionId: string, clientId: string | null, manager?: EntityManager): Promise<void> {
    await this.on(manager)
      .createQueryBuilder()
      .update()
      .set({ selectedClientId: clientId })
      .where('id = :sessionId AND ended_at IS NULL', { sessionId })
      .execute();
  }

  /**
   * Raw (`UPDATE … RETURNING` of the row as it was): ends one session that has not ended yet and returns the sealed
   * tokens it held, or undefined when it had already ended.
   */
  async endOne(sessionId: string, ending: SessionEnding, manager?: EntityManager): Promise<string | null | undefined> {
    const [rows] = await this.on(manager).query<[Array<{ tokens_encrypted: string | null }>, number]>(
      `WITH live AS (SELECT id, tokens_encrypted FROM session WHERE id = $1 AND ended_at IS NULL FOR UPDATE)
       UPDATE session s SET ended_at = now(), end_reason = $2, ended_by_user_id = $3, end_note = $4, tokens_encrypted = NULL
         FROM live WHERE s.id = live.id
       RETURNING live.tokens_encrypted`,
      [sessionId, ending.reason, ending.byUserId, ending.note ?? null],
    );
    return rows[0] === undefined ? undefined : rows[0].tokens_encrypted;
  }

  /** Raw (`UPDATE … RETURNING`): ends every live session the selector matches, in one statement. */
  async endMatching(
    selector: SessionSelector,
    ending: SessionEnding,
    manager?: EntityManager,
  ): Promise<EndedSession[]> {
    const [rows] = await this.on(manager).query<[Array<{ id: string; tenant_id: string }>, number]>(
      `UPDATE session SET ended_at = now(), end_reason = $5, ended_by_user_id = $6, end_note = $7, tokens_encrypted = NULL
        WHERE ${LIVE}
          AND ($1::uuid IS NULL OR user_id = $1::uuid)
          AND ($2::uuid IS NULL OR tenant_id = $2::uuid)
          AND ($3::uuid IS NULL OR id = $3::uuid)
          AND ($4::uuid IS NULL OR id <> $4::uuid)
          AND ($8::text IS NULL OR idp_subject = $8::text)
          AND ($9::text IS NULL OR idp_session_id = $9::text)
       RETURNING id, tenant_id`,
      [
        selector.userId ?? null,
        selector.tenantId ?? null,
        selector.sessionId ?? null,
        selector.exceptSessionId ?? null,
        ending.reason,
        ending.byUserId,
        ending.note ?? null,
        selector.idpSubject ?? null,
        selector.idpSessionId ?? null,
      ],
    );
    return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id }));
  }

  async idByTokenHash(tokenHash: Buffer, manager?: EntityManager): Promise<string | null> {
    const row = await this.on(manager).findOne({ select: { id: true }, where: { tokenHash } });
    return row?.id ?? null;
  }

  /** Whether the user has any session on record, and one with exactly this user agent (one indexed read by user). */
  async userAgentsSeen(
    userId: string,
    userAgent: string,
    manager?: EntityManager,
  ): Promise<{ any: boolean; same: boolean }> {
    const [row] = await this.on(manager).query<Array<{ any: boolean; same: boolean }>>(
      `SELECT count(*) > 0 AS "any", coalesce(bool_or(user_agent = $2), false) AS "same" FROM session WHERE user_id = $1`,
      [userId, userAgent],
    );
    return { any: row?.any ?? false, same: row?.same ?? false };
  }

  /** A user's live sessions in one tenant (any order: the caller sorts). */
  async listLive(userId: string, tenantId: string): Promise<LiveSessionRecord[]> {
    return this.sessions
      .createQueryBuilder('s')
      .select([
        's.id',
        's.userAgent',
        's.ipCoarse',
        's.createdAt',
        's.lastSeenAt',
        's.idleExpiresAt',
        's.absoluteExpiresAt',
      ])
      .where('s.userId = :userId AND s.tenantId = :tenantId', { userId, tenantId })
      .andWhere('s.endedAt IS NULL AND s.idleExpiresAt > now() AND s.absoluteExpiresAt > now()')
      .getMany();
  }

  /**
   * Raw (the end of a session the cleanup job has not swept yet is computed, as the job will record it): a user's
   * ended sessions in one tenant within `days`, latest end first, at most `limit`.
   */
  async listEnded(userId: string, tenantId: string, days: number, limit: number): Promise<EndedSessionRecord[]> {
    const rows = await this.sessions.query<
      Array<{
        id: string;
        user_agent: string | null;
        ip_coarse: string | null;
        created_at: Date;
        last_seen_at: Date;
        ended_at: Date;
        end_reason: SessionEndReason;
        end_note: string | null;
        ended_by_user_id: string | null;
      }>
    >(
      `SELECT * FROM (
         SELECT id, user_agent, ip_coarse, created_at, last_seen_at, end_note, ended_by_user_id,
                COALESCE(ended_at, LEAST(idle_expires_at, absolute_expires_at)) AS ended_at,
                COALESCE(end_reason, CASE WHEN absolute_expires_at <= idle_expires_at THEN 'absolute_timeout'
                                          ELSE 'idle_timeout' END) AS end_reason
           FROM session
          WHERE user_id = $1 AND tenant_id = $2
            AND (ended_at IS NOT NULL OR LEAST(idle_expires_at, absolute_expires_at) <= now())) s
        WHERE s.ended_at > now() - make_interval(days => $3)
        ORDER BY s.ended_at DESC, s.id
        LIMIT $4`,
      [userId, tenantId, days, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      userAgent: row.user_agent,
      ipCoarse: row.ip_coarse,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      endedAt: row.ended_at,
      endReason: row.end_reason,
      endNote: row.end_note,
      endedByUserId: row.ended_by_user_id,
    }));
  }

  /**
   * Raw (an advisory lock has no TypeORM form): takes the cleanup job's transaction-scoped lock, so one instance sweeps
   * at a time; false when another instance holds it. The lock ends with `manager`'s transaction.
   */
  async lockCleanup(manager: EntityManager): Promise<boolean> {
    const [lock] = await manager.query<Array<{ acquired: boolean }>>(
      `SELECT pg_try_advisory_xact_lock(hashtextextended('session:cleanup', 0)) AS acquired`,
    );
    return lock?.acquired === true;
  }

  /** Raw (`UPDATE` computing each row's end from its own expiries): records every lapsed live session as expired. */
  async endLapsed(manager: EntityManager): Promise<number> {
    const [, count] = await manager.query<[unknown[], number]>(
      `UPDATE session
          SET ended_at = LEAST(idle_expires_at, absolute_expires_at),
              end_reason = CASE WHEN absolute_expires_at <= idle_expires_at THEN 'absolute_timeout' ELSE 'idle_timeout' END,
              tokens_encrypted = NULL
        WHERE ended_at IS NULL AND LEAST(idle_expires_at, absolute_expires_at) <= now()`,
    );
    return count;
  }

  /** Deletes ended sessions older than the history's retention. */
  async deleteEndedBefore(manager: EntityManager, days: number): Promise<number> {
    const result = await manager
      .withRepository(this.sessions)
      .createQueryBuilder()
      .delete()
      .where('ended_at IS NOT NULL AND ended_at < now() - make_interval(days => :days)', { days })
      .execute();
    return result.affected ?? 0;
  }
}
