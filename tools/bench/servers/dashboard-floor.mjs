// The database work of the API's GET /api/dashboard (scenario R3) for a customer's member, and nothing else: the
// floors R1 (raw node:http) and R2 (bare NestJS) both run this, so R2 / R1 is the framework alone and R3 / R1 all the
// API's layers. The statements are the API's own, imported from its *.statements.ts files (type-only imports, so
// Node's type stripping loads them as they are), and sent as named statements on a pool sized like the API's.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { CUSTOMER_ROLES } from '../../../libs/shared/access/src/lib/roles.ts';
import { SESSION_LOOKUP } from '../../../libs/api/sessions/src/lib/session.statements.ts';
import { MEMBERSHIP_ACCESS } from '../../../libs/api/tenancy/src/lib/access-context.statements.ts';
import { DASHBOARD_SUMMARY } from '../../../libs/api/tenancy/src/lib/workspace/dashboard/dashboard.statements.ts';

/** The session cookie's name on plain http (libs/api/sessions/src/lib/cookies.ts; https adds the `__Host-` prefix). */
const SESSION_COOKIE = 'aidial_session';
/** LAST_SEEN_GRANULARITY_SECONDS of libs/api/sessions/src/lib/session-store.ts. */
const LAST_SEEN_GRANULARITY_SECONDS = 60;

/** node-postgres's pool with the options of the API's (apps/api/src/database/data-source.ts), as the API's role. */
export function createPool(databaseUrl) {
  return new pg.Pool({
    connectionString: databaseUrl,
    application_name: 'aidial-bench-floor',
    max: 10,
    connectionTimeoutMillis: 3_000,
    statement_timeout: 10_000,
  });
}

/**
 * The dashboard of the session whose cookie is in `cookieHeader`: `{ status: 200, body }` with the body the API
 * answers, or `{ status, body }` with an error. Only what the API's database work needs is checked: a live session,
 * an active user with a customer role in an active tenant. The API's MFA step and section guard read no more rows;
 * the floor covers a customer's members (the shown organisation is then their own tenant), which is what R3 reads.
 */
export async function readDashboard(pool, cookieHeader) {
  const token = cookieValue(cookieHeader, SESSION_COOKIE);
  if (!token) return refusal(401, 'unauthenticated');
  const tokenHash = createHash('sha256').update(token).digest();
  const {
    rows: [session],
  } = await pool.query({ ...SESSION_LOOKUP, values: [tokenHash, LAST_SEEN_GRANULARITY_SECONDS] });
  if (!session) return refusal(401, 'unauthenticated');
  // When `touch_due` is true the API also writes the session's last-seen time (one UPDATE a minute per session). In a
  // bench it is not due: the harness writes the session with last_seen_at = now(), a short run ends within the minute,
  // and when R3 is in the run its API touches the shared session whenever due. The floors leave that write out.
  const {
    rows: [access],
  } = await pool.query({
    ...MEMBERSHIP_ACCESS,
    values: [session.user_id, session.tenant_id, session.selected_client_id],
  });
  if (!access || access.user_status !== 'active' || access.tenant_status !== 'active')
    return refusal(403, 'access_denied');
  // The dashboard section admits every customer role; partners' and internal roles are not what R3 measures.
  if (!CUSTOMER_ROLES.includes(access.role)) return refusal(403, 'access_denied');
  const projectIds = access.project_scope === 'all' ? null : (access.project_ids ?? []);
  // The shown customer, the caller's project scope, and no partner tenant (a customer's).
  const {
    rows: [summary],
  } = await pool.query({ ...DASHBOARD_SUMMARY, values: [access.tenant_id, projectIds, null] });
  return {
    status: 200,
    body: {
      organisation: { id: access.tenant_id, name: access.tenant_name, kind: access.tenant_kind },
      managed_client_count: summary.managed_client_count,
      client: null,
      projects: summary.projects,
      member_count: summary.member_count,
    },
  };
}

function refusal(status, code) {
  return { status, body: { error: code } };
}

/** One cookie's value from a Cookie header (URI-decoded, as the API's cookie parser does), or undefined. */
function cookieValue(header, name) {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) {
      const value = pair.slice(at + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}
