import type { NamedStatement } from '@aidial/api/core';

/**
 * The per-request read of every `/v1` request: the key a public id names, judged by the database's clock (revoked,
 * expired, and whether its last use is due for a write). $1 the public id, $2 the last-use granularity in seconds.
 */
export const API_KEY_LOOKUP: NamedStatement = {
  name: 'api_key_lookup',
  text: `SELECT id, tenant_id, client_id, name, public_id, secret_hash, scopes, project_ids, created_by, creator_role,
       expires_at, revoked_at IS NOT NULL AS revoked, expires_at <= now() AS expired,
       (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2)) AS touch_due
  FROM api_key
 WHERE public_id = $1`,
};

/** The Audit Log's names of keys: name, last four characters and tenant of each id in $1 (absent: deleted). */
export const API_KEY_LABELS: NamedStatement = {
  name: 'api_key_labels',
  text: `SELECT id, tenant_id, name, last_four FROM api_key WHERE id = ANY($1::uuid[])`,
};
