import { createHmac, hkdfSync } from 'node:crypto';
import {
  RateLimitKeys,
  RateLimitUnavailableError,
  assertValidBucket,
  decide,
  rateLimitedError,
  toRateLimitApiError,
} from './rate-limit';

describe('RateLimitKeys', () => {
  const keys = new RateLimitKeys('s'.repeat(48));

  it('names a counter by HMAC-SHA-256 of "name:key" under a key derived from SESSION_SECRET (HKDF, "rate-limit")', () => {
    const derived = Buffer.from(hkdfSync('sha256', 's'.repeat(48), 'aidial-access', 'rate-limit', 32));
    const expected = createHmac('sha256', derived).update('sms.phone:+61412345678').digest('hex');
    expect(keys.counterKey({ name: 'sms.phone', key: '+61412345678' })).toBe(expected);
  });

  it('gives different buckets, keys and secrets different names', () => {
    const name = keys.counterKey({ name: 'a', key: 'k' });
    expect(keys.counterKey({ name: 'b', key: 'k' })).not.toBe(name);
    expect(keys.counterKey({ name: 'a', key: 'l' })).not.toBe(name);
    expect(new RateLimitKeys('t'.repeat(48)).counterKey({ name: 'a', key: 'k' })).not.toBe(name);
  });
});

describe('assertValidBucket', () => {
  const valid = { name: 'support.ticket.create', key: 'u', limit: 5, windowSeconds: 600 };

  it('accepts a well-formed bucket', () => expect(() => assertValidBucket(valid)).not.toThrow());

  it.each([
    ['a name with a colon (it would make "name:key" ambiguous)', { ...valid, name: 'a:b' }],
    ['an upper-case name', { ...valid, name: 'Support' }],
    ['an empty key', { ...valid, key: '' }],
    ['a limit of 0', { ...valid, limit: 0 }],
    ['a fractional limit', { ...valid, limit: 1.5 }],
    ['a window of 0', { ...valid, windowSeconds: 0 }],
  ])('refuses %s', (_name, bucket) => expect(() => assertValidBucket(bucket)).toThrow());
});

describe('decide', () => {
  const requests = [
    { counterKey: 'a', limit: 3, windowMs: 60_000 },
    { counterKey: 'b', limit: 10, windowMs: 3_600_000 },
  ];

  it('answers the fewest remaining of all buckets when admitted', () => {
    expect(
      decide(requests, {
        admitted: true,
        counters: [
          { count: 2, resetInMs: 10_000 },
          { count: 4, resetInMs: 100_000 },
        ],
      }),
    ).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
  });

  it('waits for the longest of the exhausted buckets only, rounded up to whole seconds', () => {
    expect(
      decide(requests, {
        admitted: false,
        counters: [
          { count: 3, resetInMs: 1_200 },
          { count: 9, resetInMs: 3_000_000 },
        ],
      }),
    ).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 2 });
  });

  it('never answers a Retry-After below one second', () => {
    expect(
      decide([{ counterKey: 'a', limit: 3, windowMs: 60_000 }], {
        admitted: false,
        counters: [{ count: 3, resetInMs: 0 }],
      }).retryAfterSeconds,
    ).toBe(1);
  });
});

describe('the answers', () => {
  it('429 rate_limited carries Retry-After in whole seconds', () => {
    const error = rateLimitedError(12.2);
    expect([error.status, error.code, error.headers]).toEqual([429, 'rate_limited', { 'Retry-After': '13' }]);
    expect(rateLimitedError(5, { message: 'Slow down, please.' }).message).toBe('Slow down, please.');
  });

  it("answers with a route's own 429 code and that code's sentence", () => {
    expect(rateLimitedError(3, { code: 'mfa_sms_rate_limited' })).toMatchObject({
      status: 429,
      code: 'mfa_sms_rate_limited',
      message: 'Too many SMS one-time code requests',
      headers: { 'Retry-After': '3' },
    });
  });

  it('an unavailable store becomes 503 service_unavailable; other errors pass through', () => {
    expect(toRateLimitApiError(new RateLimitUnavailableError())).toMatchObject({
      status: 503,
      code: 'service_unavailable',
      headers: { 'Retry-After': '5' },
    });
    const other = new Error('bug');
    expect(toRateLimitApiError(other)).toBe(other);
  });
});
