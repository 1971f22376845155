import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  ApiError,
  AUDIT_RECORDER,
  type AppConfig,
  type AuditRecorder,
  type SessionPrincipal,
  scopedId,
} from '@aidial/api/core';
import { PortalUserDirectory } from '@aidial/api/tenancy';
import { DataSource } from 'typeorm';
import { SessionStore } from '@aidial/api/sessions';
import { type EndedSessionListDto, EndedSessionDto, SessionDto, type SessionListDto } from './session.dto';

/** The ended-sessions history answers at most this many, latest end first (docs/sessions.md). */
export const ENDED_SESSIONS_LIMIT = 50;

/**
 * "Your sessions": a user's own sessions in the organisation they are signed in to — the live ones, the ended ones,
 * and ending them. Every statement is bounded by the caller's user id and their session's tenant, so another person's
 * session (or their own in another organisation) is indistinguishable from one that does not exist.
 */
@Injectable()
export class MySessionsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly users: PortalUserDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
    private readonly sessions: SessionStore,
  ) {}

  async listLive(principal: SessionPrincipal): Promise<SessionListDto> {
    const sessions = await this.sessions.live(principal.userId, principal.tenantId, principal.sessionId);
    return { items: sessions.map((session) => SessionDto.from(session, principal.sessionId)) };
  }

  /**
   * Ended sessions within SESSION_HISTORY_DAYS. A session past its idle or absolute expiry that the cleanup job has not
   * swept yet is shown as the job will record it (that expiry, at that time), so the history does not wait for the job.
   */
  async listEnded(principal: SessionPrincipal): Promise<EndedSessionListDto> {
    const sessions = await this.sessions.ended(
      principal.userId,
      principal.tenantId,
      this.config.sessionHistoryDays,
      ENDED_SESSIONS_LIMIT,
    );
    // Only an administrator of this organisation is named (the DTO drops anyone else's name).
    const namedIds = sessions.filter((s) => s.endReason === 'revoked_by_tenant_admin').map((s) => s.endedByUserId);
    const names = await this.users.names(namedIds.filter((id): id is string => id !== null));
    const rows = sessions.map((session) => ({
      ...session,
      endedByName: session.endedByUserId ? (names.get(session.endedByUserId)?.displayName ?? null) : null,
    }));
    return { items: rows.map((row) => EndedSessionDto.from(row)), retention_days: this.config.sessionHistoryDays };
  }

  /**
   * Ends one of the caller's live sessions in this organisation (possibly the current one) and records
   * `auth.session.revoked` in the same transaction. Anything else — another person's, unknown, malformed, already
   * ended or expired — is 404 `not_found`.
   */
  async revoke(principal: SessionPrincipal, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const ended = await this.sessions.endSessions(
        { sessionId: scopedId(sessionId), userId: principal.userId, tenantId: principal.tenantId },
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
