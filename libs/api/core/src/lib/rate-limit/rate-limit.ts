import { createHmac, hkdfSync } from 'node:crypto';
import { ERROR_CODES, type ErrorCode } from '@aidial/shared/access';
import { ApiError } from '../errors/api-error';

/**
 * One rate-limit bucket: at most `limit` requests per `windowSeconds` for one `key` (a user id, a phone hash, an IP…)
 * of the bucket `name` (what is limited: `support.ticket.create`, `mfa.action`, `sms.phone`…).
 */
export interface RateLimitBucket {
  /** What is limited; lower case, digits and `. _ -` only (it is part of the hashed counter key). */
  readonly name: string;
  /** Whose requests are counted. Never stored or logged: only an HMAC of it is. */
  readonly key: string;
  /** Requests allowed in one window (at least 1). */
  readonly limit: number;
  /** The window's length in whole seconds (at least 1). */
  readonly windowSeconds: number;
}

export interface RateLimitDecision {
  /** Whether this request was counted and may go ahead. */
  readonly allowed: boolean;
  /** Requests left in the current window (for several buckets: the fewest left in any of them). */
  readonly remaining: number;
  /** Whole seconds until a refused request may be tried again (0 when allowed); the `Retry-After` value. */
  readonly retryAfterSeconds: number;
}

/** One bucket's decision with its window, for the `RateLimit` response headers (throttles.ts). */
export interface MeteredDecision extends RateLimitDecision {
  /** Whole seconds until the bucket's current window ends (at least 1). */
  readonly resetSeconds: number;
}

/** The counter store (Redis or PostgreSQL) could not answer: the request must be refused (fail closed), never let through. */
export class RateLimitUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('the rate-limit store cannot answer', options);
    this.name = 'RateLimitUnavailableError';
  }
}

/** The error codes a refused request may be answered with: those whose status is 429. */
export type RateLimitedCode = {
  [C in ErrorCode]: (typeof ERROR_CODES)[C]['status'] extends 429 ? C : never;
}[ErrorCode];

/** How a route words its refusal: its own 429 code (spec/05's `mfa_sms_rate_limited`), or its own sentence. */
export interface RateLimitedAnswer {
  readonly code?: RateLimitedCode;
  readonly message?: string;
}

/**
 * 429 with `Retry-After` (whole seconds, at least 1): `rate_limited` unless the route names its own code; `message`
 * replaces the code's sentence.
 */
export function rateLimitedError(retryAfterSeconds: number, answer: RateLimitedAnswer = {}): ApiError {
  return new ApiError(answer.code ?? 'rate_limited', {
    ...(answer.message ? { message: answer.message } : {}),
    headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  });
}

/** 503 `service_unavailable` with `Retry-After`, the answer when the counters cannot be read (DESIGN.md §7: fail closed). */
export function rateLimitUnavailableApiError(): ApiError {
  return new ApiError('service_unavailable', { headers: { 'Retry-After': '5' } });
}

/** A `RateLimitUnavailableError` becomes the 503 answer; anything else is passed through unchanged. */
export function toRateLimitApiError(error: unknown): unknown {
  return error instanceof RateLimitUnavailableError ? rateLimitUnavailableApiError() : error;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** Throws (a programming error, not a request error) on a bucket no store should be asked about. */
export function assertValidBucket(bucket: RateLimitBucket): void {
  if (!BUCKET_NAME.test(bucket.name)) throw new Error(`rate-limit bucket name "${bucket.name}" is not allowed`);
  if (typeof bucket.key !== 'string' || bucket.key === '')
    throw new Error(`rate-limit bucket ${bucket.name}: empty key`);
  if (!Number.isSafeInteger(bucket.limit) || bucket.limit < 1)
    throw new Error(`rate-limit bucket ${bucket.name}: limit must be a whole number ≥ 1`);
  if (!Number.isSafeInteger(bucket.windowSeconds) || bucket.windowSeconds < 1)
    throw new Error(`rate-limit bucket ${bucket.name}: windowSeconds must be a whole number ≥ 1`);
}

/**
 * The stored name of a counter: HMAC-SHA-256 of `name:key` under a key derived from `SESSION_SECRET` (HKDF, info
 * `rate-limit`), in hex. Without the server secret a counter cannot be traced back to its key by hashing every
 * candidate (every Australian mobile number is only 10⁸ guesses).
 */
export class RateLimitKeys {
  private readonly secret: Buffer;

  constructor(sessionSecret: string) {
    this.secret = Buffer.from(hkdfSync('sha256', sessionSecret, 'aidial-access', 'rate-limit', 32));
  }

  counterKey(bucket: Pick<RateLimitBucket, 'name' | 'key'>): string {
    return createHmac('sha256', this.secret).update(`${bucket.name}:${bucket.key}`).digest('hex');
  }
}

/** One counter as a store sees it: no bucket name, no plain key. */
export interface CounterRequest {
  readonly counterKey: string;
  readonly limit: number;
  readonly windowMs: number;
}

/** A counter after the store's atomic step: its count (this request included when admitted) and time to its window's end. */
export interface CounterState {
  readonly count: number;
  readonly resetInMs: number;
}

export interface CounterResult {
  /** Counted in every counter (true), or in none (false: at least one was exhausted). */
  readonly admitted: boolean;
  /** One per request, in the same order. */
  readonly counters: readonly CounterState[];
}

/** Where counters live. Each call is one atomic step across every counter it names; it throws `RateLimitUnavailableError` when the store cannot answer. */
export interface RateLimitStore {
  readonly kind: 'redis' | 'postgres';
  consume(counters: readonly CounterRequest[]): Promise<CounterResult>;
  /** Deletes counters whose window has ended (PostgreSQL; Redis expires keys itself). */
  deleteExpired?(): Promise<number>;
  close(): Promise<void>;
}

export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');

/** The store's answer as the caller's decision. */
export function decide(requests: readonly CounterRequest[], result: CounterResult): RateLimitDecision {
  const remaining = Math.min(
    ...requests.map((request, index) => Math.max(0, request.limit - (result.counters[index]?.count ?? request.limit))),
  );
  if (result.admitted) return { allowed: true, remaining, retryAfterSeconds: 0 };
  // Refused: it may be tried again once every exhausted bucket has a new window.
  const waitMs = Math.max(
    0,
    ...requests.map((request, index) => {
      const counter = result.counters[index];
      return counter && counter.count >= request.limit ? counter.resetInMs : 0;
    }),
  );
  return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
