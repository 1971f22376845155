import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type AppConfig,
  PostgresRateLimitStore,
  type RateLimitBucket,
  RateLimitKeys,
  type RateLimitStore,
  RateLimitUnavailableError,
  RateLimiter,
  RedisRateLimitStore,
} from '@aidial/api/core';
import { cloneTestDatabase, freePort } from '@aidial/api/testing';
import { TICKET_CREATION_LIMIT, ticketCreationBucket } from '@aidial/api/support';
import { type ApiPair, startApiPair } from './support/api-pair';
import { type Cookies, signInFrom } from './support/my-sessions';
import { type TestRedis, cuttableRedis, startTestRedis } from './support/redis';
import { type SignInStack, cookieHeader, signIn, startSignInStack } from './support/sign-in-flow';

/** A fresh secret per run: this run's counter keys (HMACs under it) are its own, even on a shared Redis. */
const SECRET = `rate-limit-test-${randomBytes(24).toString('hex')}`;
const limiterOn = (store: RateLimitStore) => new RateLimiter(store, { sessionSecret: SECRET } as AppConfig);
const bucket = (name: string, limit: number, windowSeconds = 600): RateLimitBucket => ({
  name,
  key: randomUUID(),
  limit,
  windowSeconds,
});
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Backend {
  /** Two stores over separate connections, as two API instances have. */
  stores: [RateLimitStore, RateLimitStore];
  /** The stored counter names and values of these buckets. */
  stored(buckets: RateLimitBucket[]): Promise<Array<{ key: string; count: number }>>;
  /** A store for the same backend that cannot answer, and how to let go of it. */
  unreachable(): Promise<{ store: RateLimitStore; release(): Promise<void> }>;
  close(): Promise<void>;
}

const usedBuckets: RateLimitBucket[] = [];
const track = (...buckets: RateLimitBucket[]) => {
  usedBuckets.push(...buckets);
  return buckets;
};

const BACKENDS: Record<'postgres' | 'redis', () => Promise<Backend>> = {
  postgres: async () => {
    const database = await cloneTestDatabase();
    const pools = [
      await new DataSource({ type: 'postgres', url: database.url, extra: { max: 10 } }).initialize(),
      await new DataSource({ type: 'postgres', url: database.url, extra: { max: 10 } }).initialize(),
    ] as const;
    return {
      stores: [new PostgresRateLimitStore(pools[0]), new PostgresRateLimitStore(pools[1])],
      stored: async (buckets) => {
        const keys = new RateLimitKeys(SECRET);
        return (await pools[0].query(`SELECT key, count FROM rate_limit_counter WHERE key = ANY($1)`, [
          buckets.map((b) => keys.counterKey(b)),
        ])) as Array<{ key: string; count: number }>;
      },
      unreachable: async () => {
        // A pool whose database disappears: its connections are terminated, new ones find no database.
        const doomed = await cloneTestDatabase();
        const pool = await new DataSource({ type: 'postgres', url: doomed.url }).initialize();
        await doomed.drop();
        return { store: new PostgresRateLimitStore(pool), release: () => pool.destroy() };
      },
      close: async () => {
        for (const pool of pools) await pool.destroy();
        await database.drop();
      },
    };
  },
  redis: async () => {
    const redis = await startTestRedis();
    const stores = [new RedisRateLimitStore(redis.url), new RedisRateLimitStore(redis.url)] as [
      RateLimitStore,
      RateLimitStore,
    ];
    return {
      stores,
      stored: async (buckets) =>
        (await redis.counters(SECRET, buckets))
          .filter((counter) => counter.value !== null)
          .map((counter) => ({ key: counter.key, count: Number(counter.value) })),
      unreachable: async () => {
        const store = new RedisRateLimitStore(`redis://127.0.0.1:${await freePort()}`);
        return { store, release: () => store.close() };
      },
      close: async () => {
        await redis.deleteCounters(SECRET, usedBuckets);
        for (const store of stores) await store.close();
        await redis.stop();
      },
    };
  },
};

describe.each(['postgres', 'redis'] as const)('the shared rate limiter on %s', (kind) => {
  let backend: Backend;
  let one: RateLimiter;
  let other: RateLimiter;

  beforeAll(async () => {
    backend = await BACKENDS[kind]();
    one = limiterOn(backend.stores[0]);
    other = limiterOn(backend.stores[1]);
  });
  afterAll(() => backend.close());

  it('admits exactly the limit of 200 concurrent requests', async () => {
    const [limited] = track(bucket('test.burst', 7));
    const decisions = await Promise.all(Array.from({ length: 200 }, () => one.consume(limited!)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(7);
    const refused = decisions.filter((decision) => !decision.allowed);
    expect(refused).toHaveLength(193);
    for (const decision of refused) {
      expect(decision.remaining).toBe(0);
      expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(decision.retryAfterSeconds).toBeLessThanOrEqual(600);
    }
    expect(await backend.stored([limited!])).toEqual([{ key: expect.any(String), count: expect.any(Number) }]);
  });

  it('admits exactly the limit in total when two instances count 200 concurrent requests', async () => {
    const [limited] = track(bucket('test.shared', 11));
    const decisions = await Promise.all(
      Array.from({ length: 200 }, (_, index) => (index % 2 === 0 ? one : other).consume(limited!)),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(11);
  });

  it('counts down what remains, then refuses with a Retry-After no longer than the window', async () => {
    const [limited] = track(bucket('test.remaining', 3, 120));
    expect(await one.consume(limited!)).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    expect(await other.consume(limited!)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    expect(await one.consume(limited!)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    const refused = await other.consume(limited!);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(110);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it('starts a new window once the old one has ended', async () => {
    const [limited] = track(bucket('test.window', 2, 1));
    expect((await one.consume(limited!)).allowed).toBe(true);
    expect((await one.consume(limited!)).allowed).toBe(true);
    expect((await one.consume(limited!)).allowed).toBe(false);
    await sleep(1_200);
    expect(await one.consume(limited!)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
  });

  it('counts a request refused by one bucket in none of the others', async () => {
    const [perUser, global] = track(bucket('test.per-user', 2), bucket('test.global', 5));
    expect((await one.consumeAll([perUser!, global!])).allowed).toBe(true);
    expect((await one.consumeAll([perUser!, global!])).allowed).toBe(true);
    for (let i = 0; i < 4; i++) expect((await other.consumeAll([perUser!, global!])).allowed).toBe(false);
    // The global bucket still has the 3 its two admitted requests left it.
    const alone = await Promise.all(Array.from({ length: 6 }, () => one.consume(global!)));
    expect(alone.filter((decision) => decision.allowed)).toHaveLength(3);
  });

  it('keeps the shared bucket exact when 200 concurrent requests are refused by different buckets', async () => {
    const [small, large, global] = track(
      bucket('test.small', 3),
      bucket('test.large', 1000),
      bucket('test.global', 50),
    );
    const decisions = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        (index % 2 === 0 ? one : other).consumeAll(index % 4 < 2 ? [small!, global!] : [large!, global!]),
      ),
    );
    const admitted = (group: number[]) => decisions.filter((d, i) => group.includes(i % 4) && d.allowed).length;
    expect(admitted([0, 1, 2, 3])).toBe(50);
    expect(admitted([0, 1])).toBeLessThanOrEqual(3);
    // Each bucket was counted exactly for the requests admitted: nothing for the refused ones.
    const counts = async (b: RateLimitBucket) => (await backend.stored([b]))[0]?.count;
    expect(await counts(global!)).toBe(50);
    expect(await counts(small!)).toBe(admitted([0, 1]));
    expect(await counts(large!)).toBe(admitted([2, 3]));
  });

  it('stores only an HMAC of the bucket and key, never the key itself', async () => {
    const phone = '+61412345678';
    const [byPhone] = track({ name: 'test.phone', key: phone, limit: 3, windowSeconds: 60 });
    await one.consume(byPhone!);
    const [row] = await backend.stored([byPhone!]);
    const hmac = new RateLimitKeys(SECRET).counterKey(byPhone!);
    expect(hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.key.endsWith(hmac)).toBe(true);
    expect(row?.key).not.toContain('412345678');
    // Another secret gives another name: the counter cannot be found by hashing candidate numbers.
    expect(new RateLimitKeys(`${SECRET}-other`).counterKey(byPhone!)).not.toBe(hmac);
  });

  it('fails closed, fast, when the store cannot answer', async () => {
    const { store, release } = await backend.unreachable();
    const limiter = limiterOn(store);
    const started = Date.now();
    await expect(limiter.consume(bucket('test.down', 5))).rejects.toBeInstanceOf(RateLimitUnavailableError);
    await expect(limiter.consumeAll([bucket('test.down', 5), bucket('test.down2', 5)])).rejects.toBeInstanceOf(
      RateLimitUnavailableError,
    );
    await expect(limiter.enforce(bucket('test.down', 5))).rejects.toMatchObject({
      code: 'service_unavailable',
      status: 503,
      headers: { 'Retry-After': '5' },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    await release();
  });

  if (kind === 'postgres') {
    it('deletes counters whose window has ended, and keeps the others', async () => {
      const [ended, current] = track(bucket('test.cleanup-ended', 5, 1), bucket('test.cleanup-current', 5, 600));
      await one.consume(ended!);
      await one.consume(current!);
      await sleep(1_100);
      expect(await one.deleteExpired()).toBeGreaterThanOrEqual(1);
      expect(await backend.stored([ended!, current!])).toEqual([{ key: expect.any(String), count: 1 }]);
    });
  }
});

/** The support ticket route is limited per person (5 in 10 minutes): exact across two API processes, on each store. */
describe.each([
  ['PostgreSQL', false],
  ['Redis', true],
] as const)('ticket creation limit across two API instances (%s)', (_name, useRedis) => {
  const email = 'sofia.rossi@acme-health.example';
  const sessionSecret = `rate-limit-pair-${randomBytes(24).toString('hex')}`;
  let redis: TestRedis | undefined;
  let pair: ApiPair;
  let cookies: Cookies;
  let userId: string;

  beforeAll(async () => {
    if (useRedis) redis = await startTestRedis();
    pair = await startApiPair({ SESSION_SECRET: sessionSecret, ...(redis ? { REDIS_URL: redis.url } : {}) });
    cookies = (await signInFrom(pair.signInVia, email)).cookies;
    const [user] = (await pair.db.query(`SELECT id FROM portal_user WHERE email = $1`, [email])) as Array<{
      id: string;
    }>;
    userId = user!.id;
  }, 90_000);

  afterAll(async () => {
    await pair?.close();
    if (redis) {
      await redis.deleteCounters(sessionSecret, [ticketCreationBucket(userId)]);
      await redis.stop();
    }
  });

  it('admits exactly 5 of 200 concurrent tickets from one session, the rest 429 with Retry-After', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        const response = await fetch(`${pair.urls[index % 2]}/api/support/tickets`, {
          method: 'POST',
          headers: {
            cookie: cookieHeader(cookies),
            'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '',
            'content-type': 'application/json',
          },
          body: JSON.stringify({ category: 'other', subject: `Burst ${index}`, body: 'Concurrency check.' }),
        });
        const body = (await response.json()) as { code?: string };
        return { status: response.status, code: body.code, retryAfter: response.headers.get('retry-after') };
      }),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(TICKET_CREATION_LIMIT.limit);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(refused).toHaveLength(195);
    for (const answer of refused) {
      expect(answer.status).toBe(429);
      expect(answer.code).toBe('rate_limited');
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(TICKET_CREATION_LIMIT.windowSeconds);
    }
    const [stored] = (await pair.db.query(`SELECT count(*)::int AS n FROM support_ticket WHERE user_id = $1`, [
      userId,
    ])) as Array<{ n: number }>;
    expect(stored?.n).toBe(TICKET_CREATION_LIMIT.limit);
    if (redis) {
      const [counter] = await redis.counters(sessionSecret, [ticketCreationBucket(userId)]);
      expect(counter?.value).toBe(String(TICKET_CREATION_LIMIT.limit));
      expect(counter?.ttlMs).toBeGreaterThan(0);
      expect(counter?.ttlMs).toBeLessThanOrEqual(TICKET_CREATION_LIMIT.windowSeconds * 1000);
    } else {
      const key = new RateLimitKeys(sessionSecret).counterKey(ticketCreationBucket(userId));
      // Refused requests leave the count at limit + 1 (rate-limits.md): nothing beyond that is ever counted.
      expect(await pair.db.query(`SELECT count FROM rate_limit_counter WHERE key = $1`, [key])).toEqual([
        { count: TICKET_CREATION_LIMIT.limit + 1 },
      ]);
    }
  }, 60_000);
});

describe('ticket creation when Redis cannot answer', () => {
  let stack: SignInStack;
  let redis: TestRedis;
  let relay: Awaited<ReturnType<typeof cuttableRedis>>;

  beforeAll(async () => {
    redis = await startTestRedis();
    relay = await cuttableRedis(redis.url);
    stack = await startSignInStack({ REDIS_URL: relay.url });
  });
  afterAll(async () => {
    await stack.close();
    await redis.stop();
  });

  it('answers 503 service_unavailable with Retry-After and writes nothing', async () => {
    // Signing in counts a sign-in start (docs/rate-limits.md), so Redis goes away only after it.
    const { cookies } = await signIn(stack, 'amelia.hart@acme-health.example');
    await relay.cut();
    const response = await fetch(`${stack.api.baseUrl}/api/support/tickets`, {
      method: 'POST',
      headers: {
        cookie: cookieHeader(cookies),
        'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ category: 'account', subject: 'Name change', body: 'Please fix my display name.' }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(((await response.json()) as { code: string }).code).toBe('service_unavailable');
    const db = stack.api.app.get(DataSource);
    expect(await db.query(`SELECT id FROM support_ticket`)).toEqual([]);
    expect(await db.query(`SELECT id FROM audit_event WHERE action LIKE 'support.%'`)).toEqual([]);
  });
});
