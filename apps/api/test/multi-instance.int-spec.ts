import { performance } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { cloneTestDatabase, freePort, testApiEnv } from '@aidial/api/testing';
/* eslint-disable @nx/enforce-module-boundaries -- the identity provider's own process helper, reused */
import { type DevIdp, TEST_CLIENT, startDevIdp } from '../../dev-idp/test/support/dev-idp-process';
/* eslint-enable @nx/enforce-module-boundaries */
import { seedDemoData } from '../src/database/demo-seed';
import { type RunResult, spawnBuiltApi } from './support/built-api';
import { type Cookies, callApi, sessionIdOf, signInFrom } from './support/my-sessions';
import { DEMO_SEED, type SignInStack, cookieHeader } from './support/sign-in-flow';

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

/** Waits until the instance answers its liveness probe (its logs are quiet: LOG_LEVEL=warn keeps the load cheap). */
async function untilLive(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API at ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health/live`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the API at ${url} did not start in time`);
}

/**
 * Two built API processes on one database (as behind a load balancer): a session ended through one instance is
 * refused by the other from the next request on, because every request reads the session row (no cache).
 */
describe('many API instances', () => {
  const email = 'marcus.chen@acme-health.example';
  let database: Awaited<ReturnType<typeof cloneTestDatabase>>;
  let idp: DevIdp;
  let db: DataSource;
  const instances: Array<{ child: ChildProcess; result: Promise<RunResult>; url: string }> = [];
  let a: SignInStack;
  let bUrl: string;

  beforeAll(async () => {
    database = await cloneTestDatabase();
    const [portA, portB] = [await freePort(), await freePort()];
    const urlA = `http://127.0.0.1:${portA}`;
    bUrl = `http://127.0.0.1:${portB}`;
    idp = await startDevIdp({ DEV_IDP_REDIRECT_URIS: `${urlA}/api/auth/callback` });
    db = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    await seedDemoData(db, DEMO_SEED as never);
    for (const [port, url] of [
      [portA, urlA],
      [portB, bUrl],
    ] as const) {
      const started = spawnBuiltApi(
        testApiEnv(database.url, {
          PORT: String(port),
          PUBLIC_URL: url,
          ZITADEL_ISSUER: idp.issuer,
          ZITADEL_CLIENT_ID: TEST_CLIENT.clientId,
          ZITADEL_CLIENT_SECRET: TEST_CLIENT.clientSecret,
          ZITADEL_SERVICE_TOKEN: TEST_CLIENT.serviceToken,
          LOG_LEVEL: 'warn',
        }),
      );
      instances.push({ ...started, url });
      await untilLive(url, started.child);
    }
    // The sign-in helpers need only an instance's address and the provider.
    a = { api: { baseUrl: urlA }, idp } as unknown as SignInStack;
  }, 90_000);

  afterAll(async () => {
    for (const instance of instances) instance.child.kill('SIGTERM');
    await Promise.all(instances.map((instance) => instance.result));
    await db?.destroy();
    await idp?.stop();
    await database?.drop();
  });

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
