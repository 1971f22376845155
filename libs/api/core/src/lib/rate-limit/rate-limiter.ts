/*
 * Usage (docs/rate-limits.md):
 *
 *   import { RateLimiter } from '@aidial/api/core';   // RateLimitModule is global: just inject it
 *
 *   constructor(private readonly limiter: RateLimiter) {}
 *
 *   // Throws ApiError 429 `rate_limited` with Retry-After when refused, 503 `service_unavailable` when the store is down.
 *   await this.limiter.enforce({ name: 'mfa.action', key: context.userId, limit: 10, windowSeconds: 60 });
 *
 *   // Several buckets as one atomic step: counted in all of them or (any exhausted) in none.
 *   // A route's own 429 code (or its own sentence with `message`):
 *   await this.limiter.enforce([perPhone, perUser, global], { code: 'mfa_sms_rate_limited' });
 *
 *   // Or decide yourself: consume()/consumeAll() answer { allowed, remaining, retryAfterSeconds } and throw
 *   // RateLimitUnavailableError when the store cannot answer (map it with toRateLimitApiError).
 *
 * Call it in the handler (or service) before the work, after validation, so a malformed request costs nothing.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import {
  type CounterRequest,
  type MeteredDecision,
  RATE_LIMIT_STORE,
  type RateLimitBucket,
  type RateLimitDecision,
  RateLimitKeys,
  type RateLimitStore,
  RateLimitUnavailableError,
  assertValidBucket,
  decide,
  rateLimitUnavailableApiError,
  type RateLimitedAnswer,
  rateLimitedError,
} from './rate-limit';

/** How often expired PostgreSQL counters are deleted (a cheap indexed DELETE; each instance runs it). */
export const RATE_LIMIT_CLEANUP_INTERVAL_MS = 5 * 60_000;

/**
 * Counts requests in shared buckets (Redis when `REDIS_URL` is set, else PostgreSQL), so every API instance sees the
 * same counts. Each call is one atomic step in the store; nothing is kept in this process.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly keys: RateLimitKeys;
  private cleanupTimer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.keys = new RateLimitKeys(config.sessionSecret);
  }

  /** Which store holds the counters. */
  get storeKind(): RateLimitStore['kind'] {
    return this.store.kind;
  }

  /** Counts one request in the bucket unless it is exhausted. Throws `RateLimitUnavailableError` when the store cannot answer. */
  consume(bucket: RateLimitBucket): Promise<RateLimitDecision> {
    return this.consumeAll([bucket]);
  }

  /** `consume`, with the time left in the bucket's window (for the `RateLimit` headers): still one atomic step. */
  async meter(bucket: RateLimitBucket): Promise<MeteredDecision> {
    assertValidBucket(bucket);
    const request = {
      counterKey: this.keys.counterKey(bucket),
      limit: bucket.limit,
      windowMs: bucket.windowSeconds * 1000,
    };
    const result = await this.store.consume([request]);
    const resetInMs = result.counters[0]?.resetInMs ?? request.windowMs;
    return { ...decide([request], result), resetSeconds: Math.max(1, Math.ceil(resetInMs / 1000)) };
  }

  /**
   * Checks every bucket as one atomic step: the request is counted in all of them, or, when any one is exhausted, in
   * none (a request refused by one bucket does not use up another's quota). `retryAfterSeconds` is the longest wait of
   * the exhausted buckets; `remaining` the fewest left in any bucket.
   */
  async consumeAll(buckets: readonly RateLimitBucket[]): Promise<RateLimitDecision> {
    if (buckets.length === 0) throw new Error('consumeAll needs at least one bucket');
    const requests: CounterRequest[] = buckets.map((bucket) => {
      assertValidBucket(bucket);
      return { counterKey: this.keys.counterKey(bucket), limit: bucket.limit, windowMs: bucket.windowSeconds * 1000 };
    });
    if (new Set(requests.map((request) => request.counterKey)).size !== requests.length)
      throw new Error('consumeAll was given the same bucket twice');
    return decide(requests, await this.store.consume(requests));
  }

  /**
   * `consume`/`consumeAll` for a route: refused → ApiError 429 `rate_limited` (or the route's own 429 code) with
   * `Retry-After`, logged with the bucket names (never a key); store down → ApiError 503 `service_unavailable` with
   * `Retry-After` (fail closed).
   */
  async enforce(
    buckets: RateLimitBucket | readonly RateLimitBucket[],
    answer: RateLimitedAnswer = {},
  ): Promise<RateLimitDecision> {
    const list: readonly RateLimitBucket[] = Array.isArray(buckets) ? buckets : [buckets as RateLimitBucket];
    let decision: RateLimitDecision;
    try {
      decision = await this.consumeAll(list);
    } catch (error) {
      if (error instanceof RateLimitUnavailableError) {
        this.logger.warn({ event: 'rate_limit.unavailable', store: this.store.kind, err: error.cause });
        throw rateLimitUnavailableApiError();
      }
      throw error;
    }
    if (!decision.allowed) {
      this.logger.log({
        event: 'rate_limit.refused',
        buckets: list.map((bucket) => bucket.name),
        retry_after_seconds: decision.retryAfterSeconds,
      });
      throw rateLimitedError(decision.retryAfterSeconds, answer);
    }
    return decision;
  }

  onModuleInit(): void {
    if (!this.store.deleteExpired) return;
    this.cleanupTimer = setInterval(() => void this.deleteExpired(), RATE_LIMIT_CLEANUP_INTERVAL_MS);
    this.cleanupTimer.unref();
  }

  /** Deletes counters whose window has ended; a no-op for Redis (keys expire by themselves). */
  async deleteExpired(): Promise<number> {
    if (!this.store.deleteExpired) return 0;
    try {
      return await this.store.deleteExpired();
    } catch (error) {
      this.logger.warn({ event: 'rate_limit.cleanup_failed', err: error });
      return 0;
    }
  }

  onModuleDestroy(): void {
    if (this.cleanupTimer) clearInterval(this.cleanupTimer);
    this.cleanupTimer = null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
