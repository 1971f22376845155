import type { SessionEndReason } from '@aidial/shared/access';
import type { EntityManager } from 'typeorm';

/**
 * Which live sessions to end. Every given field must match (at least one of userId, tenantId, sessionId is required);
 * `exceptSessionId` keeps that one alive ("sign out everywhere else").
 */
export interface SessionSelector {
  readonly userId?: string;
  readonly tenantId?: string;
  readonly sessionId?: string;
  readonly exceptSessionId?: string;
}

export interface SessionEnding {
  readonly reason: SessionEndReason;
  /** The person who ended them (null for the system: expiry, a replaced session). */
  readonly byUserId: string | null;
  /** An administrator's note, shown to the user in their ended-sessions history. */
  readonly note?: string | null;
}

/**
 * Implemented by the auth module: ends live sessions for good (the next request with their cookie gets 401 on every
 * API instance, since every request reads the session row). With `manager`, inside that transaction, so the change
 * that caused it (a suspension, a role change) and its audit event commit together with the ending.
 * Returns the sessions it ended, each with its tenant (none already ended are counted twice).
 */
export interface SessionRevoker {
  endSessions(selector: SessionSelector, ending: SessionEnding, manager?: EntityManager): Promise<EndedSession[]>;
}

/** One session `endSessions` ended, and the tenant it was signed in to (whose audit log records the ending). */
export interface EndedSession {
  readonly id: string;
  readonly tenantId: string;
}

export const SESSION_REVOKER = Symbol('SESSION_REVOKER');
