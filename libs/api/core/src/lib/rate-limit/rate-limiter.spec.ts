import type { AppConfig } from '../config/app-config';
import { type CounterRequest, type CounterResult, type RateLimitStore, RateLimitUnavailableError } from './rate-limit';
import { RateLimiter } from './rate-limiter';

/** A store answering from a script: the limiter's own logic (keys, checks, mapping) is what is under test here. */
class ScriptedStore implements RateLimitStore {
  readonly kind = 'postgres';
  readonly seen: CounterRequest[][] = [];
  constructor(private readonly answer: (requests: readonly CounterRequest[]) => CounterResult) {}
  async consume(requests: readonly CounterRequest[]): Promise<CounterResult> {
    this.seen.push([...requests]);
    return this.answer(requests);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const config = { sessionSecret: 'x'.repeat(48) } as AppConfig;
const bucket = { name: 'mfa.action', key: 'user-1', limit: 10, windowSeconds: 60 };

describe('RateLimiter', () => {
  it('hands the store only HMAC counter names, limits and windows in milliseconds', async () => {
    const store = new ScriptedStore((requests) => ({
      admitted: true,
      counters: requests.map(() => ({ count: 1, resetInMs: 60_000 })),
    }));
    await new RateLimiter(store, config).consume(bucket);
    expect(store.seen).toEqual([
      [{ counterKey: expect.stringMatching(/^[0-9a-f]{64}$/), limit: 10, windowMs: 60_000 }],
    ]);
    expect(JSON.stringify(store.seen)).not.toContain('user-1');
  });

  it('refuses the same bucket twice in one consumeAll, and an empty list', async () => {
    const limiter = new RateLimiter(new ScriptedStore(() => ({ admitted: true, counters: [] })), config);
    await expect(limiter.consumeAll([bucket, { ...bucket }])).rejects.toThrow(/same bucket twice/);
    await expect(limiter.consumeAll([])).rejects.toThrow(/at least one/);
  });

  it('enforce throws 429 with Retry-After when refused', async () => {
    const limiter = new RateLimiter(
      new ScriptedStore(() => ({ admitted: false, counters: [{ count: 10, resetInMs: 42_000 }] })),
      config,
    );
    await expect(limiter.enforce(bucket, { message: 'Slow down.' })).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
      message: 'Slow down.',
      headers: { 'Retry-After': '42' },
    });
    await expect(limiter.enforce([bucket], { code: 'mfa_sms_rate_limited' })).rejects.toMatchObject({
      status: 429,
      code: 'mfa_sms_rate_limited',
      message: 'Too many SMS one-time code requests',
      headers: { 'Retry-After': '42' },
    });
  });

  it('enforce throws 503 when the store cannot answer (fail closed)', async () => {
    const limiter = new RateLimiter(
      new ScriptedStore(() => {
        throw new RateLimitUnavailableError();
      }),
      config,
    );
    await expect(limiter.enforce(bucket)).rejects.toMatchObject({ status: 503, code: 'service_unavailable' });
  });
});
