import type { NamedStatement } from '../database/named-statements';

/** What `RATE_LIMIT_CONSUME` returns: the counter, its count and how long its window has left. */
export const RESET_IN_MS = `greatest(0, ceil(extract(epoch FROM (window_ends_at - now())) * 1000))::bigint AS reset_in_ms`;

/**
 * One request counted in one counter, in one named statement (on `/v1` it runs on every request, so it is planned
 * once per connection: docs/bench.md). A window starts with the first request counted after the previous one ended (a
 * fixed window per key, not aligned to the clock); the count stops at limit + 1, so a refused request changes nothing
 * and "admitted" is simply `count <= limit`. Concurrent statements on one key queue on its row
 * lock and each sees the count the previous one left: no burst gets through (the read-then-write race).
 */
export const RATE_LIMIT_CONSUME: NamedStatement = {
  name: 'rate_limit_consume',
  text: `
  INSERT INTO rate_limit_counter AS c (key, count, window_ends_at)
  VALUES ($1, 1, now() + $2::double precision * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE least(c.count + 1, $3::integer + 1) END,
    window_ends_at = CASE WHEN c.window_ends_at <= now() THEN excluded.window_ends_at ELSE c.window_ends_at END
  RETURNING key, count, ${RESET_IN_MS}`,
};
