import { coarseIp } from '@aidial/api/core';
import { hashToken } from './session-store';

describe('coarseIp', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0'],
    ['::ffff:198.51.100.9', '198.51.100.0'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1::'],
    [null, null],
    ['not-an-address', null],
  ])('keeps only the network of %s', (ip, coarse) => {
    expect(coarseIp(ip)).toBe(coarse);
  });
});

describe('hashToken', () => {
  it('is a SHA-256 digest, never the value itself', () => {
    const hash = hashToken('cookie-value');
    expect(hash).toHaveLength(32);
    expect(hash.toString('utf8')).not.toContain('cookie-value');
    expect(hashToken('cookie-value').equals(hash)).toBe(true);
  });
});
