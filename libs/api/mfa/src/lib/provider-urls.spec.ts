import { disableUrl, setupUrl } from './provider-urls';

describe('provider URLs', () => {
  it('builds the setup and management pages under the issuer, with the login hint encoded', () => {
    const issuer = new URL('https://id.aidial.example/');
    expect(setupUrl(issuer, 'a+b@example.com')).toBe(
      'https://id.aidial.example/ui/v2/login/mfa/set?login_hint=a%2Bb%40example.com',
    );
    expect(disableUrl(issuer, null)).toBe('https://id.aidial.example/ui/console/users/me');
  });

  it('keeps an issuer path and cannot be steered elsewhere by the hint', () => {
    const issuer = new URL('https://auth.example/tenant-x');
    const url = new URL(setupUrl(issuer, '//evil.example/@x'));
    expect(url.origin).toBe('https://auth.example');
    expect(url.pathname).toBe('/tenant-x/ui/v2/login/mfa/set');
  });
});
