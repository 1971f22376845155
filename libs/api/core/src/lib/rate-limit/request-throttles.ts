import { type ExecutionContext, Injectable, Logger, Module } from '@nestjs/common';
import {
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  ThrottlerModule,
  type ThrottlerStorage,
  normalizeIp,
} from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import type { ApiKeyPrincipal } from '../ports/principal';
import { RateLimitUnavailableError, rateLimitUnavailableApiError, rateLimitedError } from './rate-limit';
import { RateLimiter } from './rate-limiter';

/** What a throttler storage answers (the package does not export the type by name). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The client a per-address limit counts: the address Express resolved (`request.ip`: the peer, or what a proxy in
 * TRUSTED_PROXIES forwarded), an IPv4-mapped IPv6 address as its IPv4, and an IPv6 address as its /64 — one
 * subscriber's whole prefix, so hopping through 2⁶⁴ addresses buys nothing.
 */
export function clientNetwork(request: Pick<Request, 'ip' | 'socket'>): string {
  return normalizeIp(request.ip ?? request.socket.remoteAddress ?? 'unknown', 64);
}

/** The request throttles of docs/rate-limits.md, by their `@nestjs/throttler` name. */
export const THROTTLES = {
  /** `GET /api/auth/login`: each start writes a sign-in attempt row; per client address. */
  signInStart: 'sign-in-start',
  /** Every `/v1` request an API key authenticated; per key, with the `RateLimit` headers. */
  apiKey: 'api-key',
} as const;

/** The IETF `RateLimit-Policy` name of the `/v1` per-key limit (draft-ietf-httpapi-ratelimit-headers). */
export const V1_RATE_LIMIT_POLICY = 'per-key';

/** The window of every request throttle: limits are configured per minute. */
export const THROTTLE_WINDOW_SECONDS = 60;

/** The sign-in start's route (auth.controller.ts), matched by method and route path so the controller need not change. */
export const SIGN_IN_START_ROUTE = { methods: ['GET', 'HEAD'], path: '/api/auth/login' } as const;

type ThrottledRequest = Request & { apiKey?: ApiKeyPrincipal };

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<ThrottledRequest>();

export function isSignInStart(request: Pick<Request, 'method' | 'route'>): boolean {
  const route = request.route as { path?: unknown } | undefined;
  return (
    (SIGN_IN_START_ROUTE.methods as readonly string[]).includes(request.method) &&
    route?.path === SIGN_IN_START_ROUTE.path
  );
}

/**
 * `@nestjs/throttler`'s storage on the shared limiter: each `increment` is one atomic step in Redis or PostgreSQL
 * (rate-limit.ts), never the read-then-write of the library's in-memory store. The counter is keyed by an HMAC of
 * `throttle.<name>:<tracker>`; a refused request is not counted, and a client waits for its window's end (fixed
 * windows, so `blockDuration` is the rest of the window).
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly limiter: RateLimiter) {}

  async increment(
    key: string,
    ttlMs: number,
    limit: number,
    _blockDurationMs: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const decision = await this.limiter.meter({
      name: `throttle.${throttlerName}`,
      key,
      limit,
      windowSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
    });
    return {
      totalHits: decision.allowed ? limit - decision.remaining : limit + 1,
      timeToExpire: decision.resetSeconds,
      isBlocked: !decision.allowed,
      timeToBlockExpire: decision.retryAfterSeconds,
    };
  }
}

/** The throttles, their limits from the configuration, and the shared storage. */
export function throttlerOptions(config: AppConfig, limiter: RateLimiter): ThrottlerModuleOptions {
  const ttl = THROTTLE_WINDOW_SECONDS * 1000;
  return {
    storage: new SharedThrottlerStorage(limiter),
    // The tracker is the key: the storage hashes it with the throttle's name, so one key's /v1 calls share one
    // counter across every route (the library's default key is per handler).
    generateKey: (_context, tracker) => tracker,
    setHeaders: false,
    throttlers: [
      {
        name: THROTTLES.signInStart,
        limit: config.signInStartsPerMinute,
        ttl,
        skipIf: (context) => !isSignInStart(requestOf(context)),
        getTracker: (request) => clientNetwork(request as ThrottledRequest),
      },
      {
        name: THROTTLES.apiKey,
        limit: config.v1RequestsPerMinute,
        ttl,
        // The access-policy guard, before this one, sets `apiKey` only on a /v1 request whose key it accepted.
        skipIf: (context) => !requestOf(context).apiKey,
        getTracker: (request) => (request as ThrottledRequest).apiKey?.keyId ?? '',
      },
    ],
  };
}

/**
 * The last global guard (after authentication, so `/v1` is counted per key): applies the throttles that match the
 * request. Refused → 429 `rate_limited` with `Retry-After` in the error envelope; store down → 503 (fail closed). On
 * `/v1` every answer from here on carries `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers).
 */
@Injectable()
export class RequestThrottleGuard extends ThrottlerGuard {
  private readonly log = new Logger('RateLimit');

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const { context, limit, ttl, throttler, blockDuration, getTracker, generateKey } = request;
    const { req, res } = this.getRequestResponse(context) as { req: ThrottledRequest; res: Response };
    const name = throttler.name ?? 'default';
    const key = generateKey(context, await getTracker(req, context), name);
    let record: ThrottlerStorageRecord;
    try {
      record = await this.storageService.increment(key, ttl, limit, blockDuration, name);
    } catch (error) {
      if (!(error instanceof RateLimitUnavailableError)) throw error;
      this.log.warn({ event: 'rate_limit.unavailable', throttle: name, err: error.cause });
      throw rateLimitUnavailableApiError();
    }
    if (name === THROTTLES.apiKey) {
      const windowSeconds = Math.round(ttl / 1000);
      const remaining = record.isBlocked ? 0 : Math.max(0, limit - record.totalHits);
      const reset = record.isBlocked ? record.timeToBlockExpire : record.timeToExpire;
      res.setHeader('RateLimit-Policy', `"${V1_RATE_LIMIT_POLICY}";q=${limit};w=${windowSeconds}`);
      res.setHeader('RateLimit', `"${V1_RATE_LIMIT_POLICY}";r=${remaining};t=${reset}`);
    }
    if (record.isBlocked) {
      this.log.log({
        event: 'rate_limit.refused',
        buckets: [`throttle.${name}`],
        retry_after_seconds: record.timeToBlockExpire,
      });
      throw rateLimitedError(record.timeToBlockExpire);
    }
    return true;
  }
}

/**
 * `@nestjs/throttler` on the shared limiter, with the throttles of docs/rate-limits.md. Import once, after
 * `RateLimitModule`; the composition root registers `RequestThrottleGuard` last in the global guard chain.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, RateLimiter],
      useFactory: throttlerOptions,
    }),
  ],
})
export class RequestThrottleModule {}
