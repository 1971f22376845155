import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type SignInStack, cookieHeader, signIn } from './sign-in-flow';

/** A signed-in browser: its cookies, including the CSRF token it double-submits on changes. */
export type Browser = Record<string, string>;

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  text: string;
  headers: Headers;
  requestId: string;
}

/** A request id each call sends (`X-Request-Id`), so a test can find the audit row its request wrote. */
export function newRequestId(): string {
  return `audit-test-${randomUUID()}`;
}

export interface AuditRow {
  id: string;
  seq: string;
  occurred_at: Date;
  tenant_id: string | null;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  request_id: string | null;
  ip_coarse: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** Signed-in browsers per person (one sign-in each, reused) and calls with CSRF and a known request id. */
export function auditCalls(stack: () => SignInStack) {
  const browsers = new Map<string, Browser>();
  const db = () => stack().api.app.get(DataSource);

  async function as(email: string): Promise<Browser> {
    const known = browsers.get(email);
    if (known) return known;
    const { cookies } = await signIn(stack(), email);
    browsers.set(email, cookies);
    return cookies;
  }

  async function call(
    browser: Browser | null,
    method: string,
    path: string,
    body?: unknown,
    requestId = newRequestId(),
  ): Promise<Answer> {
    const response = await fetch(`${stack().api.baseUrl}${path}`, {
      method,
      headers: {
        'x-request-id': requestId,
        'user-agent': 'audit-int-spec',
        ...(browser ? { cookie: cookieHeader(browser), 'x-xsrf-token': browser['XSRF-TOKEN'] ?? '' } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    if (text && (response.headers.get('content-type') ?? '').includes('json')) {
      parsed = JSON.parse(text) as Record<string, unknown>;
    }
    return { status: response.status, body: parsed, text, headers: response.headers, requestId };
  }

  async function eventsOf(requestId: string): Promise<AuditRow[]> {
    return (await db().query(
      `SELECT *, seq::text AS seq FROM audit_event WHERE request_id = $1 ORDER BY audit_event.seq`,
      [requestId],
    )) as AuditRow[];
  }

  async function idOf(sql: string, value: string): Promise<string> {
    const [row] = (await db().query(sql, [value])) as Array<{ id: string }>;
    if (!row) throw new Error(`nothing found for ${value}`);
    return row.id;
  }
  const userId = (email: string) => idOf(`SELECT id FROM portal_user WHERE email = $1`, email);
  const tenantId = (name: string) => idOf(`SELECT id FROM tenant WHERE name = $1`, name);

  return { as, call, db, eventsOf, userId, tenantId, forget: (email: string) => browsers.delete(email) };
}
