import { DataSource, IsNull } from 'typeorm';
import { cookieHeader, signIn, startSignInStack, type SignInStack } from './support/sign-in-flow';
import { startTestApp } from './support/test-app';
import { expireSession, changeSessions, ago } from '@aidial/api/testing';

const SESSION = 'aidial_session';

describe('sessions, sign-out and CSRF', () => {
  let stack: SignInStack;

  beforeAll(async () => {
    stack = await startSignInStack();
  });
  afterAll(() => stack.close());

  const db = () => stack.api.app.get(DataSource);

  async function getSession(cookies: Record<string, string>): Promise<Response> {
    return fetch(`${stack.api.baseUrl}/api/session`, { headers: { cookie: cookieHeader(cookies) } });
  }

  async function logout(cookies: Record<string, string>, csrfHeader?: string): Promise<Response> {
    return fetch(`${stack.api.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: cookieHeader(cookies), ...(csrfHeader !== undefined ? { 'x-xsrf-token': csrfHeader } : {}) },
    });
  }

  it('answers 401 unauthenticated without a session cookie', async () => {
    const response = await getSession({});
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('answers 401 to a tampered cookie', async () => {
    const { cookies } = await signIn(stack, 'amelia.hart@acme-health.example');
    const value = cookies[SESSION] ?? '';
    const tampered = `${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`;
    expect((await getSession({ [SESSION]: tampered })).status).toBe(401);
    expect((await getSession(cookies)).status).toBe(200);
  });

  it('answers 401 once the session has been idle past its idle lifetime', async () => {
    const { cookies } = await signIn(stack, 'amelia.hart@acme-health.example');
    await expireSession(db(), { endedAt: IsNull(), idpSubject: '310000000000000001' }, 'idle');
    expect((await getSession(cookies)).status).toBe(401);
  });

  it('answers 401 past the absolute lifetime, however active the session is', async () => {
    const { cookies } = await signIn(stack, 'amelia.hart@acme-health.example');
    // Only the absolute deadline passes: the idle one stays ahead, as for a session in constant use.
    await changeSessions(
      db(),
      { endedAt: IsNull(), idpSubject: '310000000000000001' },
      { absoluteExpiresAt: ago('1 second') },
    );
    expect((await getSession(cookies)).status).toBe(401);
  });

  it('does not write the session row on every request (last seen moves at most once a minute)', async () => {
    const { cookies } = await signIn(stack, 'marcus.chen@acme-health.example');
    const read = async () =>
      (
        (await db().query(
          `SELECT last_seen_at FROM session WHERE ended_at IS NULL AND idp_subject = '310000000000000002' ORDER BY created_at DESC LIMIT 1`,
        )) as Array<{ last_seen_at: Date }>
      )[0]?.last_seen_at.getTime();
    const before = await read();
    await getSession(cookies);
    await getSession(cookies);
    expect(await read()).toBe(before);
  });

  it('refuses sign-out without the CSRF token, or with a wrong one: 403 csrf_failed, session intact', async () => {
    const { cookies } = await signIn(stack, 'sofia.rossi@acme-health.example');
    const missing = await logout(cookies);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ code: 'csrf_failed' });
    const wrong = await logout(cookies, 'not-the-token');
    expect(wrong.status).toBe(403);
    expect((await getSession(cookies)).status).toBe(200);
  });

  it("refuses another session's CSRF token", async () => {
    const first = await signIn(stack, 'sofia.rossi@acme-health.example');
    const second = await signIn(stack, 'sofia.rossi@acme-health.example');
    const response = await logout(first.cookies, second.cookies['XSRF-TOKEN']);
    expect(response.status).toBe(403);
  });

  it('signs out with the token: the session is revoked, the cookie cleared, and the browser sent to the provider', async () => {
    const { cookies } = await signIn(stack, 'sofia.rossi@acme-health.example');
    expect(cookies['XSRF-TOKEN']).toBeTruthy();
    const response = await logout(cookies, cookies['XSRF-TOKEN']);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { end_session_url: string };
    const endSession = new URL(body.end_session_url);
    expect(endSession.href.startsWith(`${stack.idp.issuer}/oidc/v1/end_session`)).toBe(true);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${stack.api.baseUrl}/sign-in?signed_out=1`);
    expect(response.headers.getSetCookie().some((line) => line.startsWith(`${SESSION}=;`))).toBe(true);
    expect((await getSession(cookies)).status).toBe(401);
  });
});

describe('when the identity provider cannot be reached', () => {
  it('answers the sign-in page with provider_unavailable, and JSON callers with 503 identity_provider_unavailable', async () => {
    const api = await startTestApp({ env: { ZITADEL_ISSUER: 'http://127.0.0.1:9' } });
    try {
      const json = await fetch(`${api.baseUrl}/api/auth/login?email=a%40b.example`, {
        headers: { accept: 'application/json' },
      });
      expect(json.status).toBe(503);
      expect(await json.json()).toMatchObject({ code: 'identity_provider_unavailable' });
      const navigation = await fetch(`${api.baseUrl}/api/auth/login?email=a%40b.example`, { redirect: 'manual' });
      expect(navigation.status).toBe(302);
      expect(navigation.headers.get('location')).toBe('/sign-in?error=provider_unavailable');
    } finally {
      await api.close();
    }
  });

  it('answers a malformed email with 400 validation_failed naming the field', async () => {
    const api = await startTestApp();
    try {
      const response = await fetch(`${api.baseUrl}/api/auth/login?email=not-an-email`, {
        headers: { accept: 'application/json' },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'validation_failed',
        fields: [{ field: 'email', message: 'Enter an email address in the format name@example.com.' }],
      });
    } finally {
      await api.close();
    }
  });
});
