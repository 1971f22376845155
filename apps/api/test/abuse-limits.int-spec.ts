import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { DataSource } from 'typeorm';
import { AuditService, chainLockKey } from '@aidial/api/audit';
import { type AppConfig, PostgresRateLimitStore, RateLimitKeys, RateLimiter } from '@aidial/api/core';
import { type ApiPair, startApiPair } from './support/api-pair';
import { type Cookies, signInFrom } from './support/my-sessions';
import { type TestRedis, startTestRedis } from './support/redis';
import { DEMO_USER_OF_ROLE, type SignInStack, cookieHeader, startSignInStack } from './support/sign-in-flow';
import { sessionAs } from './support/api-keys';

/** The limits the pair runs with: small and distinct, so each throttle's count is unmistakable. */
const SIGN_IN_LIMIT = 7;
const FAILED_LOOKUP_LIMIT = 9;
const V1_LIMIT = 13;
const BURST = 200;

const envelopeOf = async (response: Response) => (await response.json()) as { code: string; request_id: string };

/**
 * docs/rate-limits.md "Request throttles": sign-in starts and failed session-cookie lookups per client address (an
 * IPv6 /64), `/v1` per key; each exact under 200 concurrent requests spread over two API processes, on each store.
 */
describe.each([
  ['PostgreSQL', false],
  ['Redis', true],
] as const)('request throttles across two API instances (%s)', (_name, useRedis) => {
  let redis: TestRedis | undefined;
  let pair: ApiPair;
  let cookies: Cookies;
  let key: string;

  beforeAll(async () => {
    if (useRedis) redis = await startTestRedis();
    pair = await startApiPair({
      SESSION_SECRET: `abuse-limits-${randomBytes(24).toString('hex')}`,
      TRUSTED_PROXIES: '127.0.0.1',
      SIGN_IN_STARTS_PER_MINUTE: String(SIGN_IN_LIMIT),
      FAILED_SESSION_LOOKUPS_PER_MINUTE: String(FAILED_LOOKUP_LIMIT),
      V1_REQUESTS_PER_MINUTE: String(V1_LIMIT),
      ...(redis ? { REDIS_URL: redis.url } : {}),
    });
    cookies = (await signInFrom(pair.signInVia, DEMO_USER_OF_ROLE.partner_admin)).cookies;
    const created = await fetch(`${pair.urls[0]}/api/integrations/keys`, {
      method: 'POST',
      headers: {
        cookie: cookieHeader(cookies),
        'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'Throttled', expires_in_days: 30, scopes: ['whoami'] }),
    });
    if (created.status !== 201) throw new Error(`key creation answered ${created.status}: ${await created.text()}`);
    key = ((await created.json()) as { key: string }).key;
  }, 120_000);

  afterAll(async () => {
    await pair?.close();
    await redis?.stop();
  });

  const startSignIn = (instance: 0 | 1, client: string, base = pair.urls[instance]) =>
    fetch(`${base}/api/auth/login?email=${encodeURIComponent(DEMO_USER_OF_ROLE.client_admin)}`, {
      headers: { accept: 'application/json', 'x-forwarded-for': client },
    });

  const attempts = async () =>
    Number(((await pair.db.query(`SELECT count(*)::int AS n FROM sign_in_attempt`)) as Array<{ n: number }>)[0]?.n);

  it(`admits exactly ${SIGN_IN_LIMIT} of ${BURST} concurrent sign-in starts from one address, the rest 429 with Retry-After and no attempt row`, async () => {
    const before = await attempts();
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, index) => startSignIn((index % 2) as 0 | 1, '203.0.113.7')),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(SIGN_IN_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(BURST - SIGN_IN_LIMIT);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await envelopeOf(refused)).code).toBe('rate_limited');
    expect((await attempts()) - before).toBe(SIGN_IN_LIMIT);
    // Another address has its own count.
    expect((await startSignIn(0, '203.0.113.99')).status).toBe(200);
  });

  it('counts an IPv6 client per /64: another address in the prefix shares the count, another prefix does not', async () => {
    for (let i = 0; i < SIGN_IN_LIMIT; i++)
      expect((await startSignIn((i % 2) as 0 | 1, `2001:db8:17:4::${(i + 1).toString(16)}`)).status).toBe(200);
    expect((await startSignIn(1, '2001:db8:17:4:ffff:1:2:3')).status).toBe(429);
    expect((await startSignIn(0, '2001:db8:17:5::1')).status).toBe(200);
  });

  it('believes X-Forwarded-For from a proxy on ::1 when TRUSTED_PROXIES names 127.0.0.1', async () => {
    const overIpv6 = pair.urls[1].replace('127.0.0.1', '[::1]');
    for (let i = 0; i < SIGN_IN_LIMIT; i++) expect((await startSignIn(1, '198.51.100.9', overIpv6)).status).toBe(200);
    expect((await startSignIn(1, '198.51.100.9', overIpv6)).status).toBe(429);
    // Counted per forwarded client, not per proxy: another client through the same proxy is still admitted.
    expect((await startSignIn(1, '198.51.100.10', overIpv6)).status).toBe(200);
  });

  it(`answers 401 to exactly ${FAILED_LOOKUP_LIMIT} of ${BURST} concurrent unknown session cookies from one address, then 429`, async () => {
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, index) =>
        fetch(`${pair.urls[index % 2]}/api/session`, {
          headers: { cookie: `aidial_session=wrong-${index}`, 'x-forwarded-for': '203.0.113.8' },
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(FAILED_LOOKUP_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(BURST - FAILED_LOOKUP_LIMIT);
    expect(Number(answers.find((answer) => answer.status === 429)!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Only failures count: a live session from the same address is still served, and no cookie is still a 401.
    const live = await fetch(`${pair.urls[1]}/api/session`, {
      headers: { cookie: cookieHeader(cookies), 'x-forwarded-for': '203.0.113.8' },
    });
    expect(live.status).toBe(200);
    expect((await fetch(`${pair.urls[0]}/api/session`, { headers: { 'x-forwarded-for': '203.0.113.8' } })).status).toBe(
      401,
    );
  });

  it(`admits exactly ${V1_LIMIT} of ${BURST} concurrent /v1 calls with one key, every answer with RateLimit headers`, async () => {
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, index) =>
        fetch(`${pair.urls[index % 2]}/v1/whoami`, { headers: { 'x-api-key': key } }),
      ),
    );
    const admitted = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(admitted).toHaveLength(V1_LIMIT);
    expect(refused).toHaveLength(BURST - V1_LIMIT);
    for (const answer of answers) {
      expect(answer.headers.get('ratelimit-policy')).toBe(`"per-key";q=${V1_LIMIT};w=60`);
      expect(answer.headers.get('ratelimit')).toMatch(/^"per-key";r=\d+;t=\d+$/);
    }
    const remaining = admitted.map((answer) => Number(/r=(\d+)/.exec(answer.headers.get('ratelimit')!)![1]));
    expect(remaining.sort((a, b) => a - b)).toEqual(Array.from({ length: V1_LIMIT }, (_, index) => index));
    expect(refused[0]!.headers.get('ratelimit')).toMatch(/^"per-key";r=0;t=\d+$/);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await envelopeOf(refused[0]!)).code).toBe('rate_limited');
  });

  if (!useRedis) {
    it('leaves no counter row behind a request refused by another bucket of the same step', async () => {
      const limiter = new RateLimiter(new PostgresRateLimitStore(pair.db), {
        sessionSecret: 'x'.repeat(48),
      } as AppConfig);
      const full = { name: 'test.full', key: randomUUID(), limit: 1, windowSeconds: 60 };
      const fresh = { name: 'test.fresh', key: randomUUID(), limit: 5, windowSeconds: 60 };
      expect((await limiter.consume(full)).allowed).toBe(true);
      expect((await limiter.consumeAll([full, fresh])).allowed).toBe(false);
      const stored = (await pair.db.query(`SELECT count FROM rate_limit_counter WHERE key = $1`, [
        new RateLimitKeys('x'.repeat(48)).counterKey(fresh),
      ])) as unknown[];
      expect(stored).toEqual([]);
    });
  }
});

/** Raw HTTP: fetch refuses to send TRACE, and a 20 KB URL must reach Node's parser as it is. */
function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((done, fail) => {
    const outgoing = httpRequest({ hostname, port, method, path }, (incoming) => {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
      incoming.on('end', () => done({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }));
    });
    outgoing.on('error', fail);
    outgoing.end();
  });
}

describe('defence in depth on the portal surface', () => {
  let stack: SignInStack;

  beforeAll(async () => {
    stack = await startSignInStack();
  }, 60_000);
  afterAll(() => stack?.close());

  it('refuses an unsafe /api request from another site even with a valid CSRF token', async () => {
    const session = await sessionAs(stack, 'client_admin');
    const keepAlive = (headers: Record<string, string>) =>
      fetch(`${stack.api.baseUrl}/api/session/keep-alive`, {
        method: 'POST',
        headers: { ...session.write, ...headers },
      });
    const foreigners: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://attacker.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site', origin: stack.api.baseUrl.replace('127.0.0.1', 'localhost') },
    ];
    for (const foreign of foreigners) {
      const refused = await keepAlive(foreign);
      expect([JSON.stringify(foreign), refused.status]).toEqual([JSON.stringify(foreign), 403]);
      const body = await envelopeOf(refused);
      expect(body.code).toBe('cross_site_refused');
      expect(body.request_id).toBe(refused.headers.get('x-request-id'));
    }
    // The portal itself (same origin) is served; the token is still required.
    const own = { origin: new URL(stack.api.baseUrl).origin, 'sec-fetch-site': 'same-origin' };
    expect((await keepAlive(own)).status).toBe(200);
    expect((await keepAlive({ ...own, 'x-xsrf-token': 'forged' })).status).toBe(403);
  });

  it('answers TRACE with 405 in the error envelope', async () => {
    for (const path of ['/api/session', '/v1/whoami', '/']) {
      const answer = await rawRequest(stack.api.baseUrl, 'TRACE', path);
      expect([path, answer.status]).toEqual([path, 405]);
      const body = JSON.parse(answer.body) as { code: string; request_id: string };
      expect(body.code).toBe('method_not_allowed');
      expect(body.request_id).toBe(answer.headers['x-request-id']);
    }
  });

  it('answers a 20 KB URL, which Node refuses before Express, with 431 in the error envelope and a request id', async () => {
    const answer = await rawRequest(stack.api.baseUrl, 'GET', `/api/session?pad=${'a'.repeat(20_000)}`);
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(answer.body) as { code: string; request_id: string };
    expect(body.code).toBe('request_header_too_large');
    expect(body.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers['x-request-id']).toBe(body.request_id);
    // The server is still serving.
    expect((await fetch(`${stack.api.baseUrl}/health/live`)).status).toBe(200);
  });

  it('fails an audit insert closed within 2 s when its chain lock is held', async () => {
    const db = stack.api.app.get(DataSource);
    const [tenant] = (await db.query(`SELECT id FROM tenant ORDER BY name LIMIT 1`)) as Array<{ id: string }>;
    const holder = db.createQueryRunner();
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [chainLockKey(tenant!.id)]);
    try {
      const before = (await db.query(`SELECT count(*)::int AS n FROM audit_event`)) as Array<{ n: number }>;
      const started = Date.now();
      await expect(
        stack.api.app
          .get(AuditService)
          .record({ action: 'access.denied', outcome: 'denied', tenantId: tenant!.id, targetId: 'GET /probe' }),
      ).rejects.toMatchObject({ code: 'service_unavailable', status: 503 });
      expect(Date.now() - started).toBeLessThan(2_000);
      const after = (await db.query(`SELECT count(*)::int AS n FROM audit_event`)) as Array<{ n: number }>;
      expect(after[0]?.n).toBe(before[0]?.n);
    } finally {
      await holder.query(`SELECT pg_advisory_unlock_all()`);
      await holder.release();
    }
  });
});
