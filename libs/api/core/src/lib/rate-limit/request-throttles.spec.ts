import { trustProxyList } from '../http/configure-http';
import { clientNetwork, isSignInStart } from './request-throttles';

const from = (ip: string) => ({ ip, socket: { remoteAddress: ip } }) as Parameters<typeof clientNetwork>[0];

describe('clientNetwork', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::a', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:db8:1:3::a', '2001:db8:1:3::/64'],
  ])('counts %s as %s', (ip, network) => {
    expect(clientNetwork(from(ip))).toBe(network);
  });
});

describe('trustProxyList', () => {
  it.each([
    [['127.0.0.1'], ['127.0.0.1', '::1']],
    [
      ['::1', '10.0.0.0/8'],
      ['::1', '10.0.0.0/8', '127.0.0.1'],
    ],
    [['127.0.0.0/8'], ['127.0.0.0/8', '::1']],
    [['loopback'], ['loopback']],
    [['10.0.0.1'], ['10.0.0.1']],
  ])('trusts %j as %j', (entries, trusted) => {
    expect(trustProxyList(entries)).toEqual(trusted);
  });
});

describe('isSignInStart', () => {
  it('matches GET and HEAD of the sign-in start route only', () => {
    expect(isSignInStart({ method: 'GET', route: { path: '/api/auth/login' } } as never)).toBe(true);
    expect(isSignInStart({ method: 'HEAD', route: { path: '/api/auth/login' } } as never)).toBe(true);
    expect(isSignInStart({ method: 'POST', route: { path: '/api/auth/login' } } as never)).toBe(false);
    expect(isSignInStart({ method: 'GET', route: { path: '/api/auth/callback' } } as never)).toBe(false);
  });
});
