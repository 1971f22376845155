import { coarseIp } from './request-context';

describe('coarseIp', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0'],
    ['::ffff:198.51.100.9', '198.51.100.0'],
    ['127.0.0.1', '127.0.0.0'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1::'],
    // Compressed forms: the kept groups are the address's real first three.
    ['2001:db8::1', '2001:db8:0::'],
    ['2001:0db8:00a1::', '2001:db8:a1::'],
    ['fe80::1:2', 'fe80:0:0::'],
    // Loopback and the unspecified address keep no network at all.
    ['::1', '::'],
    ['::', '::'],
    [null, null],
    ['', null],
    ['not-an-address', null],
    ['fe80::1%eth0', null],
  ])('keeps only the network of %p', (ip, coarse) => {
    expect(coarseIp(ip)).toBe(coarse);
  });
});
