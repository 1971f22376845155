import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { type ApiPair, startApiPair } from './support/api-pair';
import { type Cookies, callApi, sessionIdOf, signInFrom } from './support/my-sessions';
import { type SignInStack, cookieHeader } from './support/sign-in-flow';

/** One GET /api/session sent to an instance: when it was sent and answered (performance.now()), and the status. */
interface Shot {
  readonly sentAt: number;
  readonly answeredAt: number;
  readonly status: number | 'network_error';
}

/**
 * Keeps `inFlight` requests with the given cookies running against `baseUrl` until stopped: each worker sends the next
 * request as soon as its previous one is answered.
 */
function sustainLoad(baseUrl: string, cookies: Cookies, inFlight: number) {
  const shots: Shot[] = [];
  let running = true;
  const headers = { cookie: cookieHeader(cookies) };
  const worker = async () => {
    while (running) {
      const sentAt = performance.now();
      let status: Shot['status'];
      try {
        const response = await fetch(`${baseUrl}/api/session`, { headers });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = 'network_error';
      }
      shots.push({ sentAt, answeredAt: performance.now(), status });
    }
  };
  const workers = Array.from({ length: inFlight }, () => worker());
  return {
    shots,
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return shots;
    },
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Two built API processes on one database (as behind a load balancer): a session ended through one instance is
 * refused by the other from the next request on, because every request reads the session row (no cache).
 */
describe('many API instances', () => {
  const email = 'marcus.chen@acme-health.example';
  let pair: ApiPair;
  let db: DataSource;
  let a: SignInStack;
  let bUrl: string;

  beforeAll(async () => {
    // LOG_LEVEL=warn (the pair's default) keeps B's logging from costing a third of its throughput under load.
    pair = await startApiPair();
    db = pair.db;
    a = pair.signInVia;
    bUrl = pair.urls[1];
  }, 90_000);

  afterAll(() => pair?.close());

  const onB = (cookies: Cookies) => fetch(`${bUrl}/api/session`, { headers: { cookie: cookieHeader(cookies) } });

  it('refuses a session on instance B from the first request sent after instance A revoked it', async () => {
    const s1 = await signInFrom(a, email);
    const s2 = await signInFrom(a, email);
    const s2Id = await sessionIdOf(db, s2.cookies);
    // One database: a session made through A is a session on B.
    expect((await onB(s2.cookies)).status).toBe(200);

    const load = sustainLoad(bUrl, s2.cookies, 200);
    await sleep(2_000);
    const revokeSentAt = performance.now();
    const revoked = await callApi(a, s1.cookies, 'DELETE', `/api/sessions/${s2Id}`);
    const revokedAt = performance.now(); // T: A has answered, so the ending has committed
    expect(revoked.status).toBe(204);
    await sleep(1_500);
    const shots = await load.stop();

    expect(shots.filter((shot) => shot.status !== 200 && shot.status !== 401)).toEqual([]);
    const answeredBeforeRevoke = shots.filter((shot) => shot.answeredAt < revokeSentAt);
    const sentAfterT = shots.filter((shot) => shot.sentAt > revokedAt);
    // The test is real: B served the session under load before, and kept being asked after.
    expect(answeredBeforeRevoke.length).toBeGreaterThanOrEqual(100);
    expect(answeredBeforeRevoke.every((shot) => shot.status === 200)).toBe(true);
    expect(sentAfterT.length).toBeGreaterThanOrEqual(100);
    expect(sentAfterT.filter((shot) => shot.status !== 401)).toEqual([]);
    // And it stays refused.
    expect((await onB(s2.cookies)).status).toBe(401);
    expect((await onB(s1.cookies)).status).toBe(200);
  }, 60_000);

  it('obeys on B a bulk ending made on A (sign out everywhere else)', async () => {
    const keeper = await signInFrom(a, email);
    const others = [await signInFrom(a, email), await signInFrom(a, email)];
    for (const other of others) expect((await onB(other.cookies)).status).toBe(200);

    const loads = others.map((other) => sustainLoad(bUrl, other.cookies, 50));
    await sleep(1_000);
    const revoked = await callApi(a, keeper.cookies, 'POST', '/api/sessions/revoke-others');
    const revokedAt = performance.now();
    expect(revoked.status).toBe(200);
    expect((revoked.body as { revoked: number }).revoked).toBeGreaterThanOrEqual(2);
    await sleep(1_000);
    for (const load of loads) {
      const shots = await load.stop();
      expect(shots.filter((shot) => shot.sentAt < revokedAt && shot.status === 200).length).toBeGreaterThan(0);
      const after = shots.filter((shot) => shot.sentAt > revokedAt);
      expect(after.length).toBeGreaterThan(0);
      expect(after.filter((shot) => shot.status !== 401)).toEqual([]);
    }
    expect((await onB(keeper.cookies)).status).toBe(200);
  }, 60_000);
});
