import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { type CounterRequest, type CounterResult, type RateLimitStore, RateLimitUnavailableError } from './rate-limit';

/** Prefix of every counter key in Redis; the rest is the counter's HMAC (rate-limit.ts), never a plain key. */
export const REDIS_KEY_PREFIX = 'aidial:rate-limit:';

/**
 * One atomic step over every counter named (Redis runs a script without interleaving any other command): when any
 * counter has reached its limit nothing is counted; otherwise each is incremented and, when it has no expiry yet (a
 * new window), expires after its window. Keys expire by themselves: nothing to clean up.
 * KEYS[i]: a counter; ARGV[2i-1]: its limit; ARGV[2i]: its window in ms. Returns {admitted, count1, ttl1, count2, …}.
 */
const CONSUME_SCRIPT = `
local result = {0}
local exhausted = false
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  local ttl = redis.call('PTTL', KEYS[i])
  if count > 0 and ttl < 0 then
    redis.call('PEXPIRE', KEYS[i], ARGV[2 * i])
    ttl = tonumber(ARGV[2 * i])
  end
  if count >= tonumber(ARGV[2 * i - 1]) then exhausted = true end
  result[2 * i] = count
  result[2 * i + 1] = ttl
end
if exhausted then return result end
result[1] = 1
for i = 1, #KEYS do
  local count = redis.call('INCR', KEYS[i])
  local ttl = redis.call('PTTL', KEYS[i])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[i], ARGV[2 * i])
    ttl = tonumber(ARGV[2 * i])
  end
  result[2 * i] = count
  result[2 * i + 1] = ttl
end
return result`;

type RedisWithScript = Redis & {
  aidialRateLimitConsume(numberOfKeys: number, ...keysAndArgs: Array<string | number>): Promise<number[]>;
};

/** How long a connection attempt and a command may take before the request is refused (fail fast, not hang). */
export const REDIS_CONNECT_TIMEOUT_MS = 1_000;
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;

/**
 * Counters in Redis (`REDIS_URL`), shared by every API instance. The connection is opened on first use, commands are
 * never queued while it is down (they fail at once and the request is refused with 503), and it reconnects in the
 * background. Closed on shutdown.
 */
export class RedisRateLimitStore implements RateLimitStore {
  readonly kind = 'redis';
  private readonly logger = new Logger('RateLimit');
  private readonly client: RedisWithScript;
  private connecting: Promise<void> | null = null;
  private lastErrorLoggedAt = 0;

  constructor(redisUrl: string) {
    this.client = new Redis(redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    }) as RedisWithScript;
    this.client.defineCommand('aidialRateLimitConsume', { lua: CONSUME_SCRIPT });
    // An outage emits an error per reconnection attempt: log one line a minute at most (never the URL's password).
    this.client.on('error', (error: Error & { code?: string }) => {
      if (Date.now() - this.lastErrorLoggedAt < 60_000) return;
      this.lastErrorLoggedAt = Date.now();
      this.logger.warn({ event: 'rate_limit.redis_unavailable', code: error.code ?? error.name });
    });
  }

  async consume(requests: readonly CounterRequest[]): Promise<CounterResult> {
    let reply: number[];
    try {
      await this.ready();
      reply = await this.client.aidialRateLimitConsume(
        requests.length,
        ...requests.map((request) => REDIS_KEY_PREFIX + request.counterKey),
        ...requests.flatMap((request) => [request.limit, request.windowMs]),
      );
    } catch (error) {
      throw new RateLimitUnavailableError({ cause: error });
    }
    return {
      admitted: reply[0] === 1,
      counters: requests.map((request, index) => ({
        count: Math.min(Number(reply[2 * index + 1]), request.limit),
        resetInMs: Math.max(0, Number(reply[2 * index + 2])),
      })),
    };
  }

  async close(): Promise<void> {
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }

  /**
   * Connects on first use (concurrent first requests share the attempt, bounded by the connect timeout). While the
   * connection is down between reconnection attempts, refuses at once: commands are never queued.
   */
  private async ready(): Promise<void> {
    if (this.client.status === 'ready') return;
    if (this.client.status === 'wait') {
      this.connecting ??= this.client.connect().finally(() => (this.connecting = null));
    }
    if (this.connecting) return this.connecting;
    throw new Error(`redis connection ${this.client.status}`);
  }
}
