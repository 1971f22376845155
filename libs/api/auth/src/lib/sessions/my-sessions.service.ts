import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  ApiError,
  AUDIT_RECORDER,
  type AppConfig,
  type AuditRecorder,
  type SessionPrincipal,
} from '@aidial/api/core';
import { DataSource } from 'typeorm';
import { SessionService } from '../session/session.service';
import {
  type EndedSessionListDto,
  type EndedSessionRow,
  EndedSessionDto,
  type LiveSessionRow,
  SessionDto,
  type SessionListDto,
} from './session.dto';

/** The ended-sessions history answers at most this many, latest end first (docs/sessions.md). */
export const ENDED_SESSIONS_LIMIT = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "Your sessions": a user's own sessions in the organisation they are signed in to — the live ones, the ended ones,
 * and ending them. Every statement is bounded by the caller's user id and their session's tenant, so another person's
 * session (or their own in another organisation) is indistinguishable from one that does not exist.
 */
@Injectable()
export class MySessionsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
    private readonly sessions: SessionService,
  ) {}

  async listLive(principal: SessionPrincipal): Promise<SessionListDto> {
    const rows = (await this.dataSource.query(
      `SELECT id, user_agent, ip_coarse, created_at, last_seen_at, idle_expires_at, absolute_expires_at
         FROM session
        WHERE user_id = $1 AND tenant_id = $2
          AND ended_at IS NULL AND idle_expires_at > now() AND absolute_expires_at > now()
        ORDER BY id = $3 DESC, last_seen_at DESC, created_at DESC, id`,
      [principal.userId, principal.tenantId, principal.sessionId],
    )) as LiveSessionRow[];
    return { items: rows.map((row) => SessionDto.from(row, principal.sessionId)) };
  }

  /**
   * Ended sessions within SESSION_HISTORY_DAYS. A session past its idle or absolute expiry that the cleanup job has not
   * swept yet is shown as the job will record it (that expiry, at that time), so the history does not wait for the job.
   */
  async listEnded(principal: SessionPrincipal): Promise<EndedSessionListDto> {
    const rows = (await this.dataSource.query(
      `SELECT s.id, s.user_agent, s.ip_coarse, s.created_at, s.last_seen_at, s.ended_at, s.end_reason, s.end_note,
              u.display_name AS ended_by_name
         FROM (SELECT id, user_agent, ip_coarse, created_at, last_seen_at, end_note, ended_by_user_id,
                      COALESCE(ended_at, LEAST(idle_expires_at, absolute_expires_at)) AS ended_at,
                      COALESCE(end_reason, CASE WHEN absolute_expires_at <= idle_expires_at THEN 'absolute_timeout'
                                                ELSE 'idle_timeout' END) AS end_reason
                 FROM session
                WHERE user_id = $1 AND tenant_id = $2
                  AND (ended_at IS NOT NULL OR LEAST(idle_expires_at, absolute_expires_at) <= now())) s
         LEFT JOIN portal_user u ON u.id = s.ended_by_user_id AND s.end_reason = 'revoked_by_tenant_admin'
        WHERE s.ended_at > now() - make_interval(days => $3)
        ORDER BY s.ended_at DESC, s.id
        LIMIT $4`,
      [principal.userId, principal.tenantId, this.config.sessionHistoryDays, ENDED_SESSIONS_LIMIT],
    )) as EndedSessionRow[];
    return { items: rows.map((row) => EndedSessionDto.from(row)), retention_days: this.config.sessionHistoryDays };
  }

  /**
   * Ends one of the caller's live sessions in this organisation (possibly the current one) and records
   * `auth.session.revoked` in the same transaction. Anything else — another person's, unknown, malformed, already
   * ended or expired — is 404 `not_found`.
   */
  async revoke(principal: SessionPrincipal, sessionId: string): Promise<void> {
    if (!UUID.test(sessionId)) throw new ApiError('not_found');
    await this.dataSource.transaction(async (manager) => {
      const ended = await this.sessions.endSessions(
        { sessionId, userId: principal.userId, tenantId: principal.tenantId },
        { reason: 'revoked_by_user', byUserId: principal.userId },
        manager,
      );
      if (ended.length === 0) throw new ApiError('not_found');
      await this.audit.record(
        {
          action: 'auth.session.revoked',
          outcome: 'success',
          tenantId: principal.tenantId,
          targetId: sessionId,
          details: { reason: 'revoked_by_user' },
        },
        { manager },
      );
    });
  }

  /** "Sign out everywhere else": ends every other live session of the caller in this organisation; one audit event. */
  async revokeOthers(principal: SessionPrincipal): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const ended = await this.sessions.endSessions(
        { userId: principal.userId, tenantId: principal.tenantId, exceptSessionId: principal.sessionId },
        { reason: 'signed_out_elsewhere', byUserId: principal.userId },
        manager,
      );
      await this.audit.record(
        {
          action: 'auth.session.revoked_others',
          outcome: 'success',
          tenantId: principal.tenantId,
          targetId: principal.userId,
          details: { count: ended.length },
        },
        { manager },
      );
      return ended.length;
    });
  }
}
