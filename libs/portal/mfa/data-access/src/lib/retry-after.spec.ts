import { retryAfterSeconds, tryAgainIn } from './retry-after';

const headers = (value: string | null) => ({ get: (name: string) => (name === 'Retry-After' ? value : null) });

describe('retryAfterSeconds', () => {
  it.each([
    ['42', 42],
    ['0.2', 1],
    ['0', null],
    ['-5', null],
    ['soon', null],
    ['', null],
    [null, null],
  ] as const)('reads Retry-After %j as %j', (value, seconds) => {
    expect(retryAfterSeconds(headers(value))).toBe(seconds);
  });

  it('reads no headers as no wait', () => {
    expect(retryAfterSeconds(null)).toBeNull();
  });
});

describe('tryAgainIn', () => {
  it.each([
    [1, 'in 1 second'],
    [59, 'in 59 seconds'],
    [60, 'in 1 minute'],
    [61, 'in 2 minutes'],
    [7_199, 'in 120 minutes'],
    [7_200, 'in 2 hours'],
    [86_399, 'in 24 hours'],
    [null, 'in a minute'],
  ] as const)('words %j seconds as "%s"', (seconds, words) => {
    expect(tryAgainIn(seconds)).toBe(words);
  });
});
