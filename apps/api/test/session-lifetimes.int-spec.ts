import { SessionCleanup } from '@aidial/api/auth';
import { DataSource } from 'typeorm';
import { type Cookies, callApi, sessionIdOf, signInFrom } from './support/my-sessions';
import { type SignInStack, startSignInStack } from './support/sign-in-flow';
import { changeSessions, expireSession, endedAgo, aSignInAttempt, databaseNow, fromNow } from '@aidial/api/testing';

const IDLE = 'x-session-idle-expires-in';
const ABSOLUTE = 'x-session-absolute-expires-in';

describe('session lifetimes: headers, keep-alive and the cleanup job', () => {
  let stack: SignInStack;

  beforeAll(async () => {
    stack = await startSignInStack();
  });
  afterAll(() => stack.close());

  const db = () => stack.api.app.get(DataSource);
  const lifetimesOf = async (id: string) =>
    (
      (await db().query(
        `SELECT last_seen_at, idle_expires_at, absolute_expires_at,
                EXTRACT(EPOCH FROM idle_expires_at - now())::float AS idle_left,
                EXTRACT(EPOCH FROM absolute_expires_at - now())::float AS absolute_left
           FROM session WHERE id = $1`,
        [id],
      )) as Array<{
        last_seen_at: Date;
        idle_expires_at: Date;
        absolute_expires_at: Date;
        idle_left: number;
        absolute_left: number;
      }>
    )[0]!;
  const signedIn = async (email: string): Promise<{ cookies: Cookies; id: string }> => {
    const { cookies } = await signInFrom(stack, email);
    return { cookies, id: await sessionIdOf(db(), cookies) };
  };

  it('tells every session-authenticated answer how many seconds are left, as the session summary does', async () => {
    const { cookies, id } = await signedIn('amelia.hart@acme-health.example');
    await changeSessions(db(), id, {
      idleExpiresAt: fromNow('600 seconds'),
      absoluteExpiresAt: fromNow('3600 seconds'),
    });
    const answer = await callApi(stack, cookies, 'GET', '/api/session');
    expect(answer.status).toBe(200);
    const idle = Number(answer.headers.get(IDLE));
    const absolute = Number(answer.headers.get(ABSOLUTE));
    expect(idle).toBeGreaterThanOrEqual(597);
    expect(idle).toBeLessThanOrEqual(600);
    expect(absolute).toBeGreaterThanOrEqual(3597);
    expect(absolute).toBeLessThanOrEqual(3600);
    expect(Number.isInteger(idle) && Number.isInteger(absolute)).toBe(true);
    expect(answer.body).toMatchObject({ idle_expires_in: idle, absolute_expires_in: absolute });

    // Any other route a session authenticates, and its refusals too.
    const list = await callApi(stack, cookies, 'GET', '/api/sessions');
    expect(Number(list.headers.get(IDLE))).toBeGreaterThan(0);
    const refused = await callApi(stack, cookies, 'DELETE', '/api/sessions/00000000-0000-4000-8000-000000000000');
    expect(refused.status).toBe(404);
    expect(Number(refused.headers.get(ABSOLUTE))).toBeGreaterThan(0);
  });

  it('sends no lifetime headers without a live session', async () => {
    const anonymous = await callApi(stack, null, 'GET', '/api/session');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get(IDLE)).toBeNull();
    const { cookies, id } = await signedIn('marcus.chen@acme-health.example');
    await expireSession(db(), id, 'idle');
    const expired = await callApi(stack, cookies, 'GET', '/api/session');
    expect(expired.status).toBe(401);
    expect(expired.headers.get(IDLE)).toBeNull();
    expect(expired.headers.get(ABSOLUTE)).toBeNull();
  });

  it('keeps the session alive: the idle window starts again now, at once, and needs the CSRF token', async () => {
    const { cookies, id } = await signedIn('sofia.rossi@acme-health.example');
    // Seen just now (the guard's once-a-minute touch is not due), five minutes of idle time left.
    await changeSessions(db(), id, { lastSeenAt: databaseNow, idleExpiresAt: fromNow('5 minutes') });
    const before = await lifetimesOf(id);

    const withoutToken = await callApi(stack, cookies, 'POST', '/api/session/keep-alive', { csrf: false });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body).toMatchObject({ code: 'csrf_failed' });
    expect((await lifetimesOf(id)).idle_expires_at).toEqual(before.idle_expires_at);

    const answer = await callApi(stack, cookies, 'POST', '/api/session/keep-alive');
    expect(answer.status).toBe(200);
    const after = await lifetimesOf(id);
    expect(after.idle_expires_at.getTime()).toBeGreaterThan(before.idle_expires_at.getTime());
    expect(after.idle_left).toBeGreaterThan(30 * 60 - 5);
    expect(after.idle_left).toBeLessThanOrEqual(30 * 60);
    expect(after.absolute_expires_at).toEqual(before.absolute_expires_at);
    const body = answer.body as { idle_expires_in: number; absolute_expires_in: number };
    expect(Math.abs(body.idle_expires_in - after.idle_left)).toBeLessThanOrEqual(2);
    expect(Math.abs(body.absolute_expires_in - after.absolute_left)).toBeLessThanOrEqual(2);
    // The headers describe the session after the keep-alive, not as the guard read it.
    expect(Number(answer.headers.get(IDLE))).toBe(body.idle_expires_in);
    expect(Number(answer.headers.get(ABSOLUTE))).toBe(body.absolute_expires_in);
  });

  it('never keeps a session alive beyond its absolute lifetime', async () => {
    const { cookies, id } = await signedIn('chloe.nguyen@acme-health.example');
    await changeSessions(db(), id, { absoluteExpiresAt: fromNow('10 minutes'), idleExpiresAt: fromNow('2 minutes') });
    const answer = await callApi(stack, cookies, 'POST', '/api/session/keep-alive');
    expect(answer.status).toBe(200);
    const after = await lifetimesOf(id);
    expect(after.idle_expires_at).toEqual(after.absolute_expires_at);
    expect((answer.body as { idle_expires_in: number }).idle_expires_in).toBeLessThanOrEqual(600);
  });

  it('answers 401 to a keep-alive of an ended session', async () => {
    const { cookies } = await signedIn('liam.obrien@northwind.example');
    expect((await callApi(stack, cookies, 'POST', '/api/auth/logout')).status).toBe(200);
    expect((await callApi(stack, cookies, 'POST', '/api/session/keep-alive')).status).toBe(401);
  });

  describe('the cleanup job', () => {
    const cleanup = () => stack.api.app.get(SessionCleanup);
    const rowOf = async (id: string) =>
      (
        (await db().query(
          `SELECT ended_at, end_reason, tokens_encrypted, idle_expires_at, absolute_expires_at FROM session WHERE id = $1`,
          [id],
        )) as Array<{
          ended_at: Date | null;
          end_reason: string | null;
          tokens_encrypted: string | null;
          idle_expires_at: Date;
          absolute_expires_at: Date;
        }>
      )[0];

    it('records expiries as ended, deletes history past retention and old sign-in attempts, once', async () => {
      // Settle what earlier tests left, so the counts below are exactly this test's rows.
      await cleanup().run();
      const email = 'ella.martin@harbour-physio.example';
      const idle = await signedIn(email);
      const absolute = await signedIn(email);
      const alive = await signedIn(email);
      const recent = await signedIn(email);
      const old = await signedIn(email);
      await expireSession(db(), idle.id, 'idle', '3 minutes');
      await expireSession(db(), absolute.id, 'absolute', '4 minutes');
      await callApi(stack, recent.cookies, 'POST', '/api/auth/logout');
      await callApi(stack, old.cookies, 'POST', '/api/auth/logout');
      await endedAgo(db(), old.id, '91 days');
      const staleAttempt = await aSignInAttempt(db(), '2 hours');
      const freshAttempt = await aSignInAttempt(db(), '20 minutes');
      const idleBefore = await rowOf(idle.id);
      const absoluteBefore = await rowOf(absolute.id);

      expect(await cleanup().run()).toEqual({ expired: 2, deleted: 1, attemptsDeleted: 1 });

      expect(await rowOf(idle.id)).toMatchObject({
        end_reason: 'idle_timeout',
        ended_at: idleBefore!.idle_expires_at,
        tokens_encrypted: null,
      });
      expect(await rowOf(absolute.id)).toMatchObject({
        end_reason: 'absolute_timeout',
        ended_at: absoluteBefore!.absolute_expires_at,
        tokens_encrypted: null,
      });
      expect(await rowOf(alive.id)).toMatchObject({ ended_at: null });
      expect((await callApi(stack, alive.cookies, 'GET', '/api/session')).status).toBe(200);
      expect(await rowOf(recent.id)).toMatchObject({ end_reason: 'signed_out' });
      expect(await rowOf(old.id)).toBeUndefined();
      const attempts = (await db().query(
        `SELECT encode(state_hash, 'hex') AS key FROM sign_in_attempt WHERE encode(state_hash, 'hex') = ANY($1)`,
        [[staleAttempt, freshAttempt]],
      )) as Array<{ key: string }>;
      expect(attempts.map((row) => row.key)).toEqual([freshAttempt]);

      // The history reads the same before and after the sweep.
      const history = await callApi(stack, alive.cookies, 'GET', '/api/sessions/ended');
      const items = (history.body as { items: Array<{ id: string; end_reason: string; ended_at: string }> }).items;
      expect(items.find((item) => item.id === idle.id)).toMatchObject({
        end_reason: 'idle_timeout',
        ended_at: idleBefore!.idle_expires_at.toISOString(),
      });

      expect(await cleanup().run()).toEqual({ expired: 0, deleted: 0, attemptsDeleted: 0 });
    });

    it('keeps to the retention it is given', async () => {
      const { cookies, id } = await signedIn('jack.wilson@southerncross.example');
      await callApi(stack, cookies, 'POST', '/api/auth/logout');
      await endedAgo(db(), id, '10 days');
      expect(await cleanup().run(30)).toMatchObject({ deleted: 0 });
      expect(await rowOf(id)).toBeDefined();
      expect(await cleanup().run(7)).toMatchObject({ deleted: 1 });
      expect(await rowOf(id)).toBeUndefined();
    });

    it('records each expiry once when several instances run it at the same moment', async () => {
      const { id } = await signedIn('oliver.bennett@northwind.example');
      await expireSession(db(), id, 'idle', '1 minute');
      const runs = await Promise.all([cleanup().run(), cleanup().run(), cleanup().run()]);
      const done = runs.filter((counts) => counts !== null);
      expect(done.length).toBeGreaterThanOrEqual(1);
      expect(done.reduce((sum, counts) => sum + counts!.expired, 0)).toBe(1);
      expect(await rowOf(id)).toMatchObject({ end_reason: 'idle_timeout' });
    });

    it('skips a run while another instance holds the cleanup lock', async () => {
      const { id } = await signedIn('liam.obrien@northwind.example');
      await expireSession(db(), id, 'idle', '1 minute');
      const otherInstance = db().createQueryRunner();
      await otherInstance.connect();
      try {
        await otherInstance.startTransaction();
        await otherInstance.query(`SELECT pg_advisory_xact_lock(hashtextextended('session:cleanup', 0))`);
        expect(await cleanup().run()).toBeNull();
        expect(await rowOf(id)).toMatchObject({ ended_at: null });
        await otherInstance.commitTransaction();
      } finally {
        await otherInstance.release();
      }
      expect(await cleanup().run()).toMatchObject({ expired: 1 });
    });
  });
});
