import { SessionStore } from '@aidial/api/sessions';
import { DataSource } from 'typeorm';
import {
  type Answer,
  CSRF_COOKIE,
  type Cookies,
  SESSION_COOKIE,
  USER_AGENTS,
  callApi,
  sessionIdOf,
  signInFrom,
} from './support/my-sessions';
import { type SignInStack, startSignInStack } from './support/sign-in-flow';
import { changeSessions, expireSession, endedAgo, ago } from '@aidial/api/testing';

interface SessionItem {
  id: string;
  browser: string | null;
  os: string | null;
  device: string;
  ip_coarse: string | null;
  created_at: string;
  last_active_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
  current: boolean;
}

interface EndedItem {
  id: string;
  browser: string | null;
  os: string | null;
  device: string;
  ip_coarse: string | null;
  created_at: string;
  last_active_at: string;
  ended_at: string;
  end_reason: string;
  ended_by_name: string | null;
  note: string | null;
}

/** Every user gets their own test below: "sign out everywhere else" in one must not disturb another. */
describe('your sessions (GET/DELETE /api/sessions, revoke-others, ended)', () => {
  let stack: SignInStack;

  beforeAll(async () => {
    stack = await startSignInStack();
  });
  afterAll(() => stack.close());

  const db = () => stack.api.app.get(DataSource);
  const get = (cookies: Cookies | null, path: string) => callApi(stack, cookies, 'GET', path);
  const live = (cookies: Cookies) => get(cookies, '/api/session');
  const idOf = async (sql: string, value: string) =>
    ((await db().query(sql, [value])) as Array<{ id: string }>)[0]?.id ?? '';
  const userId = (email: string) => idOf(`SELECT id FROM portal_user WHERE email = $1`, email);
  const tenantId = (name: string) => idOf(`SELECT id FROM tenant WHERE name = $1`, name);
  const otherTenantId = async (than: string) =>
    idOf(`SELECT id FROM tenant WHERE id <> $1::uuid ORDER BY name LIMIT 1`, than);
  const sessionRow = async (id: string) =>
    (
      (await db().query(
        `SELECT ended_at, end_reason, ended_by_user_id, end_note, tokens_encrypted, tenant_id FROM session WHERE id = $1`,
        [id],
      )) as Array<{
        ended_at: Date | null;
        end_reason: string | null;
        ended_by_user_id: string | null;
        end_note: string | null;
        tokens_encrypted: string | null;
        tenant_id: string;
      }>
    )[0];
  const auditOf = async (requestId: string) =>
    (await db().query(
      `SELECT action, outcome, tenant_id, actor_user_id, target_type, target_id, request_id, details
         FROM audit_event WHERE request_id = $1 ORDER BY seq`,
      [requestId],
    )) as Array<Record<string, unknown>>;
  /** Moves a session to another organisation: the same person signed in there. */
  const moveToAnotherTenant = async (sessionId: string) => {
    const row = await sessionRow(sessionId);
    await changeSessions(db(), sessionId, { tenantId: await otherTenantId(row!.tenant_id) });
  };

  it('lists your live sessions in this organisation: current first, browser described, no raw user agent or address', async () => {
    const email = 'marcus.chen@acme-health.example';
    const mac = await signInFrom(stack, email, { userAgent: USER_AGENTS.chromeOnMac });
    const phone = await signInFrom(stack, email, { userAgent: USER_AGENTS.firefoxOnIphone });
    const elsewhere = await signInFrom(stack, email, { userAgent: USER_AGENTS.edgeOnWindows });
    const older = await signInFrom(stack, email, { userAgent: USER_AGENTS.edgeOnWindows });
    const colleague = await signInFrom(stack, 'amelia.hart@acme-health.example');
    const [macId, phoneId, elsewhereId, olderId, colleagueId] = await Promise.all(
      [mac, phone, elsewhere, older, colleague].map((browser) => sessionIdOf(db(), browser.cookies)),
    );
    await moveToAnotherTenant(elsewhereId);
    // Signed in last but idle longest: the list orders by activity, not by sign-in.
    await changeSessions(db(), phoneId, { lastSeenAt: ago('5 minutes') });
    await changeSessions(db(), olderId, { lastSeenAt: ago('20 minutes') });
    await changeSessions(db(), macId, { lastSeenAt: ago('30 minutes') });

    const answer = await get(mac.cookies, '/api/sessions');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const items = (answer.body as { items: SessionItem[] }).items;
    expect(items.map((item) => item.id)).toEqual([macId, phoneId, olderId]);
    expect(items.map((item) => item.id)).not.toContain(colleagueId);
    expect(items.map((item) => item.id)).not.toContain(elsewhereId);

    const [current, other, oldest] = items;
    expect(current).toMatchObject({ browser: 'Chrome 131', os: 'macOS', device: 'desktop', current: true });
    expect(other).toMatchObject({ browser: 'Firefox 132', os: 'iOS 17', device: 'mobile', current: false });
    expect(oldest).toMatchObject({ browser: 'Edge 131', os: 'Windows 10/11', device: 'desktop', current: false });
    const rows = (await db().query(
      `SELECT id, created_at, last_seen_at, idle_expires_at, absolute_expires_at, ip_coarse FROM session WHERE id = ANY($1)`,
      [[macId, phoneId, olderId]],
    )) as Array<{
      id: string;
      created_at: Date;
      last_seen_at: Date;
      idle_expires_at: Date;
      absolute_expires_at: Date;
      ip_coarse: string;
    }>;
    for (const row of rows) {
      expect(items.find((item) => item.id === row.id)).toEqual(
        expect.objectContaining({
          ip_coarse: row.ip_coarse,
          created_at: row.created_at.toISOString(),
          last_active_at: row.last_seen_at.toISOString(),
          idle_expires_at: row.idle_expires_at.toISOString(),
          absolute_expires_at: row.absolute_expires_at.toISOString(),
        }),
      );
    }
    expect(current?.ip_coarse).toBe('127.0.0.0');
    expect(answer.text).not.toContain('Mozilla');
    expect(answer.text).not.toContain('127.0.0.1');
    expect(answer.text).not.toContain('user_agent');
    expect(answer.text).not.toContain(mac.cookies[SESSION_COOKIE]);
  });

  it('revokes one of your sessions: 204, its next request is 401, the row says who and why, one audit event', async () => {
    const email = 'sofia.rossi@acme-health.example';
    const here = await signInFrom(stack, email);
    const there = await signInFrom(stack, email);
    const thereId = await sessionIdOf(db(), there.cookies);
    expect((await live(there.cookies)).status).toBe(200);

    const withoutToken = await callApi(stack, here.cookies, 'DELETE', `/api/sessions/${thereId}`, { csrf: false });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body).toMatchObject({ code: 'csrf_failed' });
    expect((await live(there.cookies)).status).toBe(200);

    const answer = await callApi(stack, here.cookies, 'DELETE', `/api/sessions/${thereId}`);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    // The other browser is out at once; this one carries on, its cookies untouched.
    expect(answer.headers.getSetCookie()).toEqual([]);
    expect((await live(there.cookies)).status).toBe(401);
    expect((await live(here.cookies)).status).toBe(200);

    const me = await userId(email);
    const acme = await tenantId('Acme Health');
    const row = await sessionRow(thereId);
    expect(row).toMatchObject({ end_reason: 'revoked_by_user', ended_by_user_id: me, tokens_encrypted: null });
    expect(row?.ended_at).toBeInstanceOf(Date);
    expect(await auditOf(answer.requestId)).toEqual([
      {
        action: 'auth.session.revoked',
        outcome: 'success',
        tenant_id: acme,
        actor_user_id: me,
        target_type: 'session',
        target_id: thereId,
        request_id: answer.requestId,
        details: { reason: 'revoked_by_user' },
      },
    ]);
  });

  it("answers 404 not_found with the same bytes for someone else's, unknown, malformed, ended and expired ids", async () => {
    const email = 'chloe.nguyen@acme-health.example';
    const mine = await signInFrom(stack, email);
    const ended = await signInFrom(stack, email);
    const expired = await signInFrom(stack, email);
    const colleague = await signInFrom(stack, 'amelia.hart@acme-health.example');
    const endedId = await sessionIdOf(db(), ended.cookies);
    const expiredId = await sessionIdOf(db(), expired.cookies);
    const colleagueId = await sessionIdOf(db(), colleague.cookies);
    expect((await callApi(stack, ended.cookies, 'POST', '/api/auth/logout')).status).toBe(200);
    await expireSession(db(), expiredId, 'idle');

    const ids = [
      colleagueId,
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
      `${colleagueId}x`,
      endedId,
      expiredId,
    ];
    const answers: Answer[] = [];
    for (const id of ids)
      answers.push(await callApi(stack, mine.cookies, 'DELETE', `/api/sessions/${encodeURIComponent(id)}`));
    const comparable = (answer: Answer) => ({
      status: answer.status,
      text: answer.text.replace(answer.requestId, '<request id>'),
      contentType: answer.headers.get('content-type'),
      contentLength: answer.headers.get('content-length'),
      cacheControl: answer.headers.get('cache-control'),
      setCookie: answer.headers.getSetCookie(),
    });
    expect(comparable(answers[0]!)).toEqual({
      status: 404,
      text: JSON.stringify({ code: 'not_found', message: 'Not found.', request_id: '<request id>' }),
      contentType: 'application/json; charset=utf-8',
      contentLength: expect.any(String),
      cacheControl: 'no-store',
      setCookie: [],
    });
    for (const answer of answers) expect(comparable(answer)).toEqual(comparable(answers[0]!));
    // Nothing changed: the colleague is still signed in, nothing was recorded as revoked.
    expect((await live(colleague.cookies)).status).toBe(200);
    expect(await sessionRow(expiredId)).toMatchObject({ ended_at: null });
    for (const answer of answers) expect(await auditOf(answer.requestId)).toEqual([]);
  });

  it('revokes the current session: it is over, and the answer clears its cookies', async () => {
    const here = await signInFrom(stack, 'jack.wilson@southerncross.example');
    const hereId = await sessionIdOf(db(), here.cookies);
    const answer = await callApi(stack, here.cookies, 'DELETE', `/api/sessions/${hereId.toUpperCase()}`);
    expect(answer.status).toBe(204);
    const cleared = answer.headers.getSetCookie();
    expect(cleared.some((line) => line.startsWith(`${SESSION_COOKIE}=;`))).toBe(true);
    expect(cleared.some((line) => line.startsWith(`${CSRF_COOKIE}=;`))).toBe(true);
    expect(answer.headers.get('x-session-idle-expires-in')).toBeNull();
    expect(answer.headers.get('x-session-absolute-expires-in')).toBeNull();
    expect((await live(here.cookies)).status).toBe(401);
    expect(await sessionRow(hereId)).toMatchObject({ end_reason: 'revoked_by_user' });
  });

  it('signs you out everywhere else in this organisation: counts them, keeps this one, records one event', async () => {
    const email = 'ella.martin@harbour-physio.example';
    const here = await signInFrom(stack, email);
    const others = [await signInFrom(stack, email), await signInFrom(stack, email)];
    const elsewhere = await signInFrom(stack, email);
    const elsewhereId = await sessionIdOf(db(), elsewhere.cookies);
    await moveToAnotherTenant(elsewhereId);

    const answer = await callApi(stack, here.cookies, 'POST', '/api/sessions/revoke-others');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ revoked: 2 });
    for (const other of others) expect((await live(other.cookies)).status).toBe(401);
    expect((await live(here.cookies)).status).toBe(200);
    // Another organisation's session is not "here": it stays live.
    expect(await sessionRow(elsewhereId)).toMatchObject({ ended_at: null });
    for (const other of others) {
      expect(await sessionRow(await sessionIdOf(db(), other.cookies))).toMatchObject({
        end_reason: 'signed_out_elsewhere',
        ended_by_user_id: await userId(email),
        tokens_encrypted: null,
      });
    }
    const me = await userId(email);
    expect(await auditOf(answer.requestId)).toEqual([
      expect.objectContaining({
        action: 'auth.session.revoked_others',
        outcome: 'success',
        tenant_id: await tenantId('Harbour Physio'),
        actor_user_id: me,
        target_type: 'user',
        target_id: me,
        details: { count: 2 },
      }),
    ]);

    const again = await callApi(stack, here.cookies, 'POST', '/api/sessions/revoke-others');
    expect(again.body).toEqual({ revoked: 0 });
    expect(await auditOf(again.requestId)).toEqual([expect.objectContaining({ details: { count: 0 } })]);

    const withoutToken = await callApi(stack, here.cookies, 'POST', '/api/sessions/revoke-others', { csrf: false });
    expect(withoutToken.status).toBe(403);
  });

  it('replaces the session a browser still carries when it signs in again', async () => {
    const email = 'liam.obrien@northwind.example';
    const first = await signInFrom(stack, email);
    const firstId = await sessionIdOf(db(), first.cookies);
    const second = await signInFrom(stack, email, { carrying: first.cookies });
    const secondId = await sessionIdOf(db(), second.cookies);
    expect(secondId).not.toBe(firstId);
    expect(second.cookies[SESSION_COOKIE]).not.toBe(first.cookies[SESSION_COOKIE]);
    expect((await live(first.cookies)).status).toBe(401);
    expect((await live(second.cookies)).status).toBe(200);
    expect(await sessionRow(firstId)).toMatchObject({
      end_reason: 'replaced',
      ended_by_user_id: null,
      tokens_encrypted: null,
    });
    // Another browser's session of the same person is not touched by a sign-in here.
    const third = await signInFrom(stack, email);
    expect((await live(second.cookies)).status).toBe(200);
    expect((await live(third.cookies)).status).toBe(200);
  });

  it('shows your ended sessions with each reason, newest end first, expiries before the cleanup job sweeps them', async () => {
    const email = 'oliver.bennett@northwind.example';
    const revoker = stack.api.app.get(SessionStore);
    const signInMany = async (count: number) => {
      const browsers = [];
      for (let index = 0; index < count; index++) browsers.push(await signInFrom(stack, email));
      return browsers;
    };
    const [signedOut, revokedHere, byTenantAdmin, byAiDial, idle, absolute, replaced, tooOld] = await signInMany(8);
    const ids = {
      signedOut: await sessionIdOf(db(), signedOut!.cookies),
      revokedHere: await sessionIdOf(db(), revokedHere!.cookies),
      byTenantAdmin: await sessionIdOf(db(), byTenantAdmin!.cookies),
      byAiDial: await sessionIdOf(db(), byAiDial!.cookies),
      idle: await sessionIdOf(db(), idle!.cookies),
      absolute: await sessionIdOf(db(), absolute!.cookies),
      replaced: await sessionIdOf(db(), replaced!.cookies),
      tooOld: await sessionIdOf(db(), tooOld!.cookies),
    };
    const partnerAdmin = await userId('priya.natarajan@northwind.example');
    const aidialAdmin = await userId('grace.okafor@aidial.example');
    const partnerAdminName = await idOf(`SELECT display_name AS id FROM portal_user WHERE id = $1`, partnerAdmin);
    expect(partnerAdminName).toBeTruthy();

    expect((await callApi(stack, signedOut!.cookies, 'POST', '/api/auth/logout')).status).toBe(200);
    const replacement = await signInFrom(stack, email, { carrying: replaced!.cookies });
    expect((await callApi(stack, replacement.cookies, 'DELETE', `/api/sessions/${ids.revokedHere}`)).status).toBe(204);
    await revoker.endSessions(
      { sessionId: ids.byTenantAdmin },
      { reason: 'revoked_by_tenant_admin', byUserId: partnerAdmin, note: 'Laptop left on the train' },
    );
    await revoker.endSessions(
      { sessionId: ids.byAiDial },
      { reason: 'revoked_by_admin', byUserId: aidialAdmin, note: 'Security review' },
    );
    await expireSession(db(), ids.idle, 'idle', '5 minutes');
    await expireSession(db(), ids.absolute, 'absolute', '7 minutes');
    await revoker.endSessions({ sessionId: ids.tooOld }, { reason: 'revoked_by_user', byUserId: null });
    await endedAgo(db(), ids.tooOld, '91 days');
    // The same person's ended session in another organisation is not in this one's history.
    const elsewhere = await signInFrom(stack, email);
    const elsewhereId = await sessionIdOf(db(), elsewhere.cookies);
    await callApi(stack, elsewhere.cookies, 'POST', '/api/auth/logout');
    await moveToAnotherTenant(elsewhereId);
    // Nor is a colleague's.
    const colleague = await signInFrom(stack, 'priya.natarajan@northwind.example');
    const colleagueId = await sessionIdOf(db(), colleague.cookies);
    await callApi(stack, colleague.cookies, 'POST', '/api/auth/logout');

    const answer = await get(replacement.cookies, '/api/sessions/ended');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const body = answer.body as { items: EndedItem[]; retention_days: number };
    expect(body.retention_days).toBe(90);
    const byId = new Map(body.items.map((item) => [item.id, item]));
    expect(byId.has(ids.tooOld)).toBe(false);
    expect(byId.has(elsewhereId)).toBe(false);
    expect(byId.has(colleagueId)).toBe(false);
    expect(body.items.map((item) => item.ended_at)).toEqual(
      [...body.items.map((item) => item.ended_at)].sort((a, b) => b.localeCompare(a)),
    );
    expect(byId.get(ids.signedOut)).toMatchObject({ end_reason: 'signed_out', ended_by_name: null, note: null });
    expect(byId.get(ids.revokedHere)).toMatchObject({ end_reason: 'revoked_by_user', ended_by_name: null });
    expect(byId.get(ids.replaced)).toMatchObject({ end_reason: 'replaced', ended_by_name: null });
    expect(byId.get(ids.byTenantAdmin)).toMatchObject({
      end_reason: 'revoked_by_tenant_admin',
      ended_by_name: partnerAdminName,
      note: 'Laptop left on the train',
    });
    // AiDial staff are not named to customers; their note is shown.
    expect(byId.get(ids.byAiDial)).toMatchObject({
      end_reason: 'revoked_by_admin',
      ended_by_name: null,
      note: 'Security review',
    });
    const expiries = (await db().query(
      `SELECT id, idle_expires_at, absolute_expires_at FROM session WHERE id = ANY($1)`,
      [[ids.idle, ids.absolute]],
    )) as Array<{ id: string; idle_expires_at: Date; absolute_expires_at: Date }>;
    const idleRow = expiries.find((row) => row.id === ids.idle)!;
    const absoluteRow = expiries.find((row) => row.id === ids.absolute)!;
    expect(byId.get(ids.idle)).toMatchObject({
      end_reason: 'idle_timeout',
      ended_at: idleRow.idle_expires_at.toISOString(),
    });
    expect(byId.get(ids.absolute)).toMatchObject({
      end_reason: 'absolute_timeout',
      ended_at: absoluteRow.absolute_expires_at.toISOString(),
    });
    expect(byId.get(ids.signedOut)).toMatchObject({
      browser: null,
      os: null,
      device: 'unknown',
      ip_coarse: '127.0.0.0',
    });
    expect(answer.text).not.toContain('127.0.0.1');
    // The replacement is live, so it is not in the history; it is in the live list.
    expect(byId.has(await sessionIdOf(db(), replacement.cookies))).toBe(false);
  });
});
