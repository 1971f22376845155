import { loadAppConfig } from '@aidial/api/core';
import { AuthCookies } from './cookies';

function cookiesFor(publicUrl: string): AuthCookies {
  const loaded = loadAppConfig({
    SESSION_SECRET: 'x'.repeat(40),
    PUBLIC_URL: publicUrl,
    AIDIAL_API_BASE_URL: 'http://127.0.0.1:9',
    AIDIAL_API_TIMEOUT_MS: '1000',
    ZITADEL_ISSUER: 'http://127.0.0.1:9',
    ZITADEL_CLIENT_ID: 'portal',
    ZITADEL_CLIENT_SECRET: 'client-secret-of-at-least-32-characters',
    ZITADEL_PROJECT_ID: '280000000000000001',
    ZITADEL_SERVICE_TOKEN: 'token',
    ZITADEL_SERVICE_CLIENT_ID: 'service-account',
    ZITADEL_SERVICE_CLIENT_SECRET: 'service-client-secret-of-at-least-32-chars',
    DATABASE_URL: 'postgres://127.0.0.1/x',
    API_KEY_PEPPER: 'p'.repeat(40),
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  return new AuthCookies(loaded.config);
}

describe('AuthCookies', () => {
  it('pins cookies to the origin on https: __Host- names, Secure, Path=/, HttpOnly session, SameSite=Lax', () => {
    const cookies = cookiesFor('https://portal.aidial.example');
    expect(cookies.session).toBe('__Host-aidial_session');
    expect(cookies.signIn).toBe('__Host-aidial_sign_in');
    expect(cookies.sessionOptions()).toEqual({ httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
    expect(cookies.csrfOptions()).toEqual({ httpOnly: false, sameSite: 'strict', secure: true, path: '/' });
    expect(cookies.signInOptions()).toMatchObject({ httpOnly: true, secure: true, maxAge: 600_000 });
  });

  it('drops the prefix and Secure only for plain-http local development', () => {
    const cookies = cookiesFor('http://localhost:3000');
    expect(cookies.session).toBe('aidial_session');
    expect(cookies.sessionOptions().secure).toBe(false);
  });
});
