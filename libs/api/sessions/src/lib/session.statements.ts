import type { NamedStatement } from '@aidial/api/core';

/** A live session: not ended, and neither its idle nor its absolute lifetime has run out (by the database's clock). */
export const LIVE_SESSION = `ended_at IS NULL AND idle_expires_at > now() AND absolute_expires_at > now()`;

/**
 * The per-request read of every signed-in request: the live session a cookie's hash names, and whether its last-seen
 * time is due for a write. $1 the token's SHA-256, $2 the last-seen granularity in seconds.
 */
export const SESSION_LOOKUP: NamedStatement = {
  name: 'session_lookup',
  text: `SELECT id, user_id, tenant_id, selected_client_id, idp_subject, idp_session_id, amr, auth_time, mfa_snapshot,
       idle_expires_at, absolute_expires_at,
       last_seen_at < now() - make_interval(secs => $2) AS touch_due
  FROM session
 WHERE token_hash = $1 AND ${LIVE_SESSION}`,
};

/** The per-request read of every `/api/platform` call: the sealed provider tokens of a session that has not ended. */
export const SEALED_TOKENS: NamedStatement = {
  name: 'session_sealed_tokens',
  text: `SELECT tokens_encrypted FROM session WHERE id = $1 AND ended_at IS NULL`,
};
