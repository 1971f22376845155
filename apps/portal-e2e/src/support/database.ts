import type { Page } from '@playwright/test';
import { Client } from 'pg';

/**
 * SQL against the stack's own database (published by the global setup), for what a browser test cannot wait for: a
 * session's idle or absolute end minutes or hours away. Only the session's clock is moved; the API then reports the
 * new remaining time in its lifetime headers, as it would have if the time had passed.
 */
async function query<T>(text: string, values: unknown[]): Promise<T[]> {
  const url = process.env['PORTAL_E2E_DATABASE_URL'];
  if (!url) throw new Error('PORTAL_E2E_DATABASE_URL is not set: the global setup did not run');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The id of the session this page's browser is signed in with (the API marks it `current` in the user's list). */
export async function currentSessionId(page: Page): Promise<string> {
  const response = await page.request.get('/api/sessions');
  if (!response.ok()) throw new Error(`GET /api/sessions answered ${response.status()}`);
  const { items } = (await response.json()) as { items: Array<{ id: string; current: boolean }> };
  const current = items.find((session) => session.current);
  if (!current) throw new Error('no session is marked current');
  return current.id;
}

/**
 * Makes a session end if idle in `seconds` from now. Last seen is set to now too, so the API does not slide the idle
 * end on the next request (it writes last-seen at most once a minute).
 */
export async function endIdleSessionIn(sessionId: string, seconds: number): Promise<void> {
  await query(
    `UPDATE session SET idle_expires_at = now() + make_interval(secs => $2), last_seen_at = now() WHERE id = $1`,
    [sessionId, seconds],
  );
}

/** Makes a session reach its absolute end in `seconds` from now (its idle end is capped there, as the API does). */
export async function endSessionAbsolutelyIn(sessionId: string, seconds: number): Promise<void> {
  await query(
    `UPDATE session
        SET absolute_expires_at = now() + make_interval(secs => $2),
            idle_expires_at = LEAST(idle_expires_at, now() + make_interval(secs => $2)),
            last_seen_at = now()
      WHERE id = $1`,
    [sessionId, seconds],
  );
}

/** Seconds until the session's idle end, as the database has it now. */
export async function idleSecondsLeft(sessionId: string): Promise<number> {
  const [row] = await query<{ seconds: string }>(
    `SELECT EXTRACT(EPOCH FROM idle_expires_at - now()) AS seconds FROM session WHERE id = $1`,
    [sessionId],
  );
  return Number(row?.seconds);
}

/**
 * Moves one session's sign-in back by `minutes`, as if its user had signed in that long ago: the session stays within
 * its lifetimes, but a sensitive action now needs a step-up (docs/sessions.md). Only this session: other tests' sessions
 * of the same user keep their own sign-in time.
 */
export async function ageSignIn(sessionId: string, minutes: number): Promise<void> {
  await query(`UPDATE session SET auth_time = auth_time - make_interval(mins => $2) WHERE id = $1`, [
    sessionId,
    minutes,
  ]);
}

/** Tenants counted by status, as the database holds them now (other tests create and suspend tenants). */
export async function tenantCountsByStatus(): Promise<Record<string, number>> {
  const rows = await query<{ status: string; count: number }>(
    `SELECT status, count(*)::int AS count FROM tenant GROUP BY status`,
    [],
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}
