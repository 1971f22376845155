import { managementUrl, setupUrl } from './provider-urls';

const ISSUER = new URL('https://id.aidial.example/');

describe('provider URLs', () => {
  it("login v2: the login app's mfa/set page for the portal sign-in's session, never with login_hint", () => {
    const url = new URL(setupUrl(ISSUER, 'v2', { sessionId: '3001/a b', loginName: 'a+b@example.com' }));
    expect(url.href).toBe('https://id.aidial.example/ui/v2/login/mfa/set?sessionId=3001%2Fa+b');
    expect(url.searchParams.has('login_hint')).toBe(false);
  });

  it('login v2 without a sid: the session is found by login name', () => {
    expect(setupUrl(ISSUER, 'v2', { sessionId: null, loginName: 'a+b@example.com' })).toBe(
      'https://id.aidial.example/ui/v2/login/mfa/set?loginName=a%2Bb%40example.com',
    );
  });

  it("login v1, or nothing to find a session by: the console's page of the signed-in user", () => {
    expect(setupUrl(ISSUER, 'v1', { sessionId: 'V1_1', loginName: 'a@example.com' })).toBe(
      'https://id.aidial.example/ui/console/users/me',
    );
    expect(setupUrl(ISSUER, 'v2', { sessionId: null, loginName: null })).toBe(
      'https://id.aidial.example/ui/console/users/me',
    );
    expect(managementUrl(ISSUER)).toBe('https://id.aidial.example/ui/console/users/me');
  });

  it('keeps an issuer path and cannot be steered elsewhere by what it carries', () => {
    const url = new URL(
      setupUrl(new URL('https://auth.example/tenant-x'), 'v2', { sessionId: '//evil.example/@x', loginName: null }),
    );
    expect(url.origin).toBe('https://auth.example');
    expect(url.pathname).toBe('/tenant-x/ui/v2/login/mfa/set');
  });
});
