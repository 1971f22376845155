import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, TEST_CLIENT, heading } from '@aidial/stand-ins/testing';
import { type JWK, SignJWT, type JWTPayload, generateKeyPair, importJWK } from 'jose';
import { type ApiPair, startApiPair } from './support/api-pair';
import { type Cookies, sessionIdOf } from './support/my-sessions';
import { cookieHeader, demoUser, setCookies, startLogin } from './support/sign-in-flow';

const EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const email = 'marcus.chen@acme-health.example';

/**
 * OpenID Connect Back-Channel Logout 1.0 against the real stack: two built API instances on one database and a dev-idp
 * that sends logout tokens as ZITADEL does (typ JWT, aud = client id, sid and sub). Signing out at the provider ends the
 * portal session on both instances; every malformed token is refused with 400 and ends nothing.
 */
describe('back-channel logout', () => {
  const keysFile = join(mkdtempSync(join(tmpdir(), 'aidial-bcl-')), 'keys.json');
  let pair: ApiPair;
  let providerKey: CryptoKey | Uint8Array;
  let kid: string;

  beforeAll(async () => {
    pair = await startApiPair(
      {},
      {
        idpEnv: (urls) => ({
          DEV_IDP_BACKCHANNEL_LOGOUT_URI: `${urls[0]}/api/auth/backchannel-logout`,
          DEV_IDP_KEYS_FILE: keysFile,
        }),
      },
    );
    // The provider's own signing key (the dev-idp wrote it): a token the test mints with it differs from the
    // provider's only in the one defect each case puts in.
    const { keys } = JSON.parse(readFileSync(keysFile, 'utf8')) as { keys: Array<JWK & { kid: string }> };
    kid = keys[0]!.kid;
    providerKey = await importJWK(keys[0]!, 'RS256');
  }, 90_000);

  afterAll(() => pair?.close());

  const issuer = () => pair.signInVia.idp.issuer;

  /** A sign-in through instance A whose provider browser is kept, so the test can sign out at the provider after. */
  async function signInKeepingProvider(): Promise<{ cookies: Cookies; provider: Browser }> {
    const stack = pair.signInVia;
    const login = await startLogin(stack, email);
    const provider = new Browser(issuer());
    let page = await provider.open(login.url);
    if (!page.left && heading(page) === 'Sign in')
      page = await provider.submit(page, '/login-name', { loginName: email });
    if (!page.left) page = await provider.submit(page, '/password', { password: demoUser(email).password });
    if (!page.left) throw new Error(`the provider did not send the browser back: ${heading(page)}`);
    const callback = await fetch(page.url, { redirect: 'manual', headers: { cookie: cookieHeader(login.cookies) } });
    expect(callback.status).toBe(302);
    return { cookies: setCookies(callback), provider };
  }

  const sessionOn = (url: string, cookies: Cookies) =>
    fetch(`${url}/api/session`, { headers: { cookie: cookieHeader(cookies) } }).then((response) => response.status);

  async function idpSessionOf(cookies: Cookies): Promise<{ sid: string; sub: string }> {
    const id = await sessionIdOf(pair.db, cookies);
    const [row] = (await pair.db.query(`SELECT idp_session_id, idp_subject FROM session WHERE id = $1`, [
      id,
    ])) as Array<{
      idp_session_id: string;
      idp_subject: string;
    }>;
    return { sid: row!.idp_session_id, sub: row!.idp_subject };
  }

  async function endReasonOf(cookies: Cookies): Promise<string | null> {
    const id = await sessionIdOf(pair.db, cookies);
    const [row] = (await pair.db.query(`SELECT end_reason FROM session WHERE id = $1`, [id])) as Array<{
      end_reason: string | null;
    }>;
    return row!.end_reason;
  }

  function postLogoutToken(token: string, url = pair.urls[1]) {
    return fetch(`${url}/api/auth/backchannel-logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logout_token: token }),
    });
  }

  /** A logout token as ZITADEL mints it, for the given session; `defect` changes the header or the claims. */
  async function logoutToken(
    session: { sid: string; sub: string },
    defect: {
      header?: Record<string, unknown>;
      claims?: JWTPayload;
      drop?: string[];
      key?: CryptoKey | Uint8Array;
    } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: JWTPayload = {
      iss: issuer(),
      sub: session.sub,
      aud: [TEST_CLIENT.clientId],
      iat: now - 1,
      exp: now + 900,
      jti: `jti-${now}-${Math.random()}`,
      events: { [EVENT]: {} },
      sid: session.sid,
      ...defect.claims,
    };
    for (const name of defect.drop ?? []) delete claims[name];
    const header = { alg: 'RS256', kid, typ: 'JWT', ...defect.header };
    return new SignJWT(claims).setProtectedHeader(header as never).sign(defect.key ?? providerKey);
  }

  it('ends the portal session on both instances when the person signs out at the provider', async () => {
    const { cookies, provider } = await signInKeepingProvider();
    expect(await sessionOn(pair.urls[0], cookies)).toBe(200);
    expect(await sessionOn(pair.urls[1], cookies)).toBe(200);

    // Signing out at the provider (its end_session page, as from another application): the provider posts a logout
    // token to instance A, which ends the session row.
    // The provider's confirmation form submits itself (the test browser follows it, as a browser would).
    const done = await provider.open(`${issuer()}/oidc/v1/end_session`);
    expect(heading(done)).toBe('Signed out');

    expect(await endReasonOf(cookies)).toBe('provider_signed_out');
    expect(await sessionOn(pair.urls[0], cookies)).toBe(401);
    expect(await sessionOn(pair.urls[1], cookies)).toBe(401);
    const audit = (await pair.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.session.provider_logout' AND target_id = $1`,
      [await sessionIdOf(pair.db, cookies)],
    )) as Array<{ n: number }>;
    expect(audit[0]!.n).toBe(1);
  });

  it('accepts a well-formed token on the other instance, answers 200 no-store, and ends every session of `sub` without `sid`', async () => {
    const first = await signInKeepingProvider();
    const second = await signInKeepingProvider();
    const session = await idpSessionOf(first.cookies);
    const response = await postLogoutToken(await logoutToken(session, { drop: ['sid'] }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await sessionOn(pair.urls[0], first.cookies)).toBe(401);
    expect(await sessionOn(pair.urls[0], second.cookies)).toBe(401);
  });

  it('also accepts the typ the spec recommends (logout+jwt)', async () => {
    const { cookies } = await signInKeepingProvider();
    const response = await postLogoutToken(
      await logoutToken(await idpSessionOf(cookies), { header: { typ: 'logout+jwt' } }),
    );
    expect(response.status).toBe(200);
    expect(await sessionOn(pair.urls[1], cookies)).toBe(401);
  });

  describe('refuses a malformed logout token with 400 and ends nothing', () => {
    let cookies: Cookies;
    let session: { sid: string; sub: string };

    beforeAll(async () => {
      cookies = (await signInKeepingProvider()).cookies;
      session = await idpSessionOf(cookies);
    }, 30_000);

    afterEach(async () => {
      expect(await sessionOn(pair.urls[0], cookies)).toBe(200);
    });

    const otherKey = generateKeyPair('RS256').then((pairOfKeys) => pairOfKeys.privateKey);

    it.each<[string, () => Promise<string>]>([
      ['a wrong typ (an access token)', () => logoutToken(session, { header: { typ: 'at+jwt' } })],
      ['no events', () => logoutToken(session, { drop: ['events'] })],
      [
        'events without the back-channel logout event',
        () => logoutToken(session, { claims: { events: { other: {} } } }),
      ],
      ['the event not as an object', () => logoutToken(session, { claims: { events: { [EVENT]: 'yes' } } })],
      ['a nonce', () => logoutToken(session, { claims: { nonce: 'n-0S6_WzA2Mj' } })],
      ['a wrong iss', () => logoutToken(session, { claims: { iss: 'https://evil.example.com' } })],
      ['a wrong aud', () => logoutToken(session, { claims: { aud: ['another-client'] } })],
      ['no iat', () => logoutToken(session, { drop: ['iat'] })],
      ['a stale iat', () => logoutToken(session, { claims: { iat: Math.floor(Date.now() / 1000) - 3600 } })],
      ['an iat in the future', () => logoutToken(session, { claims: { iat: Math.floor(Date.now() / 1000) + 3600 } })],
      ['an expired token', () => logoutToken(session, { claims: { exp: Math.floor(Date.now() / 1000) - 120 } })],
      ['neither sid nor sub', () => logoutToken(session, { drop: ['sid', 'sub'] })],
      ['a signature by another key', async () => logoutToken(session, { key: await otherKey })],
      [
        'a tampered payload',
        async () => {
          const [header, , signature] = (await logoutToken(session)).split('.');
          const claims = {
            iss: issuer(),
            sub: 'someone-else',
            aud: [TEST_CLIENT.clientId],
            iat: 1,
            events: { [EVENT]: {} },
          };
          return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
        },
      ],
      [
        'alg none',
        async () => {
          const now = Math.floor(Date.now() / 1000);
          const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
          const claims = {
            iss: issuer(),
            sub: session.sub,
            sid: session.sid,
            aud: [TEST_CLIENT.clientId],
            iat: now,
            events: { [EVENT]: {} },
          };
          return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
        },
      ],
      [
        'HS256 keyed with the public modulus',
        async () => {
          const { keys } = JSON.parse(readFileSync(keysFile, 'utf8')) as { keys: Array<{ n: string }> };
          return logoutToken(session, { header: { alg: 'HS256' }, key: new TextEncoder().encode(keys[0]!.n) });
        },
      ],
      ['not a JWT at all', async () => 'not-a-jwt'],
    ])('%s', async (_name, mint) => {
      const response = await postLogoutToken(await mint());
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'bad_request' });
    });

    it('refuses a request without logout_token, and one that is not a form', async () => {
      const empty = await fetch(`${pair.urls[0]}/api/auth/backchannel-logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'other=1',
      });
      expect(empty.status).toBe(400);
      const json = await fetch(`${pair.urls[0]}/api/auth/backchannel-logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ logout_token: await logoutToken(session) }),
      });
      expect(json.status).toBe(400);
    });
  });
});
