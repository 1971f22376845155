import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { type AddressInfo, type Socket, connect, createServer } from 'node:net';
import Redis from 'ioredis';
import { freePort } from '@aidial/api/testing';
import { REDIS_KEY_PREFIX, RateLimitKeys } from '@aidial/api/core';

export interface TestRedis {
  readonly url: string;
  /** Deletes exactly the counters of these buckets (never FLUSHALL: the server may be shared). */
  deleteCounters(sessionSecret: string, buckets: ReadonlyArray<{ name: string; key: string }>): Promise<void>;
  /** Every key under the rate limiter's prefix whose name is one of these counters, with its TTL in ms. */
  counters(
    sessionSecret: string,
    buckets: ReadonlyArray<{ name: string; key: string }>,
  ): Promise<Array<{ key: string; value: string | null; ttlMs: number }>>;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * A Redis for the rate-limit tests: `TEST_REDIS_URL`, else the local one on 6379, else a private `redis-server` on a
 * free port (without persistence) when one is installed. Tests keep to their own keys: every run uses a fresh random
 * SESSION_SECRET, so its counter keys (HMACs under that secret) are its own, and it deletes exactly those afterwards.
 */
export async function startTestRedis(): Promise<TestRedis> {
  let url = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  let server: ChildProcess | null = null;
  if (!(await answers(url))) {
    if (spawnSync('redis-server', ['--version']).status !== 0)
      throw new Error(`no Redis at ${url} and no redis-server to start: install redis-server or set TEST_REDIS_URL`);
    const port = await freePort();
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    url = `redis://127.0.0.1:${port}`;
    const deadline = Date.now() + 10_000;
    while (!(await answers(url))) {
      if (Date.now() > deadline) throw new Error('the private redis-server did not start');
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  const keysOf = (secret: string, buckets: ReadonlyArray<{ name: string; key: string }>) => {
    const keys = new RateLimitKeys(secret);
    return buckets.map((bucket) => REDIS_KEY_PREFIX + keys.counterKey(bucket));
  };
  return {
    url,
    async deleteCounters(secret, buckets) {
      if (buckets.length > 0) await client.del(...keysOf(secret, buckets));
    },
    async counters(secret, buckets) {
      return Promise.all(
        keysOf(secret, buckets).map(async (key) => ({
          key,
          value: await client.get(key),
          ttlMs: await client.pttl(key),
        })),
      );
    },
    async stop() {
      await client.quit();
      if (server) {
        server.kill('SIGTERM');
        await new Promise((done) => server?.once('exit', done));
      }
    },
  };
}

/** A TCP relay to the test Redis that can be cut: Redis answers while the person signs in, then stops answering. */
export async function cuttableRedis(target: string): Promise<{ url: string; cut(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const relay = createServer((inbound) => {
    const outbound = connect(Number(port), hostname);
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((done) => relay.listen(0, '127.0.0.1', done));
  const url = `redis://127.0.0.1:${(relay.address() as AddressInfo).port}`;
  return {
    url,
    cut: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => relay.close(() => done()));
    },
  };
}
