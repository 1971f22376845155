import { DataSource } from 'typeorm';
import {
  cookieHeader,
  deliverCallback,
  passProvider,
  demoUser,
  signIn,
  startLogin,
  startSignInStack,
  type SignInStack,
} from './support/sign-in-flow';
import { whileTenant, ageSignInAttempts } from '@aidial/api/testing';

const SESSION = 'aidial_session';

describe('sign-in through the identity provider (real OIDC round trips against dev-idp)', () => {
  let stack: SignInStack;

  beforeAll(async () => {
    stack = await startSignInStack();
  });
  afterAll(() => stack.close());

  async function sessionOf(cookies: Record<string, string>): Promise<Response> {
    return fetch(`${stack.api.baseUrl}/api/session`, { headers: { cookie: cookieHeader(cookies) } });
  }

  it.each([
    ['amelia.hart@acme-health.example', 'client_admin', '/dashboard', 'Acme Health'],
    ['marcus.chen@acme-health.example', 'client_manager', '/dashboard', 'Acme Health'],
    ['sofia.rossi@acme-health.example', 'client_staff', '/dashboard', 'Acme Health'],
    ['priya.natarajan@northwind.example', 'partner_admin', '/dashboard', 'Northwind Partners'],
    ['liam.obrien@northwind.example', 'partner_user', '/dashboard', 'Northwind Partners'],
    ['grace.okafor@aidial.example', 'aidial_admin', '/admin', 'AiDial'],
    ['noah.williams@aidial.example', 'aidial_operator', '/admin', 'AiDial'],
    ['chloe.nguyen@acme-health.example', 'client_admin', '/dashboard', 'Acme Health'],
    ['oliver.bennett@northwind.example', 'partner_admin', '/dashboard', 'Northwind Partners'],
  ])(
    '%s (%s) signs in and lands on %s with a session resolved from the database',
    async (email, role, home, tenant) => {
      const result = await signIn(stack, email);
      expect(result.status).toBe(302);
      expect(result.location).toBe(home);
      expect(result.cookies[SESSION]).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const session = await sessionOf(result.cookies);
      expect(session.status).toBe(200);
      expect(await session.json()).toMatchObject({ role, tenant: { name: tenant, status: 'active' }, user: { email } });
    },
  );

  it('records how the session signed in: password and TOTP is multi-factor, password alone is not', async () => {
    const withTotp = await signIn(stack, 'priya.natarajan@northwind.example');
    expect(await (await sessionOf(withTotp.cookies)).json()).toMatchObject({
      sign_in: { amr: expect.arrayContaining(['pwd', 'otp', 'mfa']), multi_factor: true },
    });
    const passwordOnly = await signIn(stack, 'oliver.bennett@northwind.example');
    expect(await (await sessionOf(passwordOnly.cookies)).json()).toMatchObject({
      sign_in: { amr: ['pwd'], multi_factor: false },
    });
  });

  it('lands on the page first asked for', async () => {
    const result = await signIn(stack, 'marcus.chen@acme-health.example', '/calls?day=today');
    expect(result.location).toBe('/calls?day=today');
  });

  it.each([
    '//evil.example/x',
    '/\\evil.example',
    'https://evil.example/',
    '%2F%2Fevil.example',
    'javascript:alert(1)',
  ])('sends an open-redirect return path %s to the home page instead', async (returnTo) => {
    const result = await signIn(stack, 'marcus.chen@acme-health.example', returnTo);
    expect(result.location).toBe('/dashboard');
  });

  it('stores only a hash of the cookie and the provider tokens encrypted', async () => {
    const result = await signIn(stack, 'sofia.rossi@acme-health.example');
    const rows = (await stack.api.app
      .get(DataSource)
      .query(`SELECT token_hash, tokens_encrypted FROM session`)) as Array<{
      token_hash: Buffer;
      tokens_encrypted: string;
    }>;
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(result.cookies[SESSION]);
    // A JWT is `eyJ…` (header) `.` `eyJ…` (payload); the sealed form is `v1.<iv>.<tag>.<ciphertext>`.
    expect(stored).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(rows.every((row) => row.tokens_encrypted.startsWith('v1.'))).toBe(true);
  });

  it('issues a new session cookie at sign-in, unlike any cookie held before (no fixation)', async () => {
    const planted = { [SESSION]: 'attacker-chosen-session-value' };
    const login = await startLogin(stack, 'sofia.rossi@acme-health.example');
    const page = await passProvider(stack, login.url, demoUser('sofia.rossi@acme-health.example'));
    const result = await deliverCallback(page.url, { ...planted, ...login.cookies });
    expect(result.cookies[SESSION]).toBeDefined();
    expect(result.cookies[SESSION]).not.toBe(planted[SESSION]);
    expect((await sessionOf(planted)).status).toBe(401);
  });

  it('refuses a replayed state: the second delivery of the same callback makes no session', async () => {
    const login = await startLogin(stack, 'sofia.rossi@acme-health.example');
    const page = await passProvider(stack, login.url, demoUser('sofia.rossi@acme-health.example'));
    const first = await deliverCallback(page.url, login.cookies);
    expect(first.location).toBe('/dashboard');
    const replay = await deliverCallback(page.url, login.cookies);
    expect(replay.location).toBe('/sign-in?error=sign_in_failed');
    expect(replay.cookies[SESSION]).toBe('');
  });

  it('refuses a callback from another browser (the state is bound to the browser that started it)', async () => {
    const login = await startLogin(stack, 'sofia.rossi@acme-health.example');
    const page = await passProvider(stack, login.url, demoUser('sofia.rossi@acme-health.example'));
    const result = await deliverCallback(page.url, {});
    expect(result.location).toBe('/sign-in?error=sign_in_failed');
    expect(result.cookies[SESSION] ?? '').toBe('');
  });

  it('refuses a forged state', async () => {
    const login = await startLogin(stack, 'sofia.rossi@acme-health.example');
    const result = await deliverCallback(`${stack.api.baseUrl}/api/auth/callback?code=abc&state=forged`, login.cookies);
    expect(result.location).toBe('/sign-in?error=sign_in_failed');
  });

  // DESIGN.md §2.1's list, written out here rather than imported from dev-idp, so the identity provider cannot shrink
  // what the backend is tested against.
  it.each([
    'wrong_iss',
    'wrong_aud',
    'extra_aud',
    'aud_without_azp',
    'wrong_azp',
    'expired',
    'stale_iat',
    'missing_sub',
    'missing_nonce',
    'wrong_nonce',
    'alg_none',
    'hs256_client_secret',
    'bad_signature',
    'unknown_kid',
  ])('rejects an ID token with %s and makes no session', async (fault) => {
    const before = (await stack.api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM session`)) as Array<{
      n: number;
    }>;
    const login = await startLogin(stack, 'sofia.rossi@acme-health.example');
    const page = await passProvider(stack, login.url, demoUser('sofia.rossi@acme-health.example'));
    const armed = await fetch(new URL('/dev/next-id-token-fault', stack.idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault }),
    });
    expect(armed.ok).toBe(true);
    const result = await deliverCallback(page.url, login.cookies);
    expect(result.location).toBe('/sign-in?error=sign_in_failed');
    expect(result.cookies[SESSION] ?? '').toBe('');
    const after = (await stack.api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM session`)) as Array<{
      n: number;
    }>;
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('sends an unrecognised role to access denied without a session', async () => {
    const result = await signIn(stack, 'ben.carter@acme-health.example');
    expect(result.location).toBe('/access-denied?reason=role_not_recognised');
    expect(result.cookies[SESSION] ?? '').toBe('');
  });

  it('sends a user of a suspended tenant to access denied (tenant suspended)', async () => {
    const result = await signIn(stack, 'zoe.taylor@coastal-realty.example');
    expect(result.location).toBe('/access-denied?reason=tenant_suspended');
  });

  it('answers 403 tenant_suspended once the tenant of a live session is suspended', async () => {
    const result = await signIn(stack, 'liam.obrien@northwind.example');
    await whileTenant(
      stack.api.app.get(DataSource),
      { name: 'Northwind Partners' },
      { status: 'suspended' },
      async () => {
        const response = await sessionOf(result.cookies);
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'tenant_suspended' });
      },
    );
  });

  it('says the account is locked after repeated wrong passwords', async () => {
    const user = demoUser('marcus.chen@acme-health.example');
    const login = await startLogin(stack, user.email);
    for (let attempt = 0; attempt < 5; attempt++) await passProvider(stack, login.url, user, 'wrong-password');
    // Even the right password is refused now, with the provider's message; no redirect back, so no session.
    const page = await passProvider(stack, login.url, user);
    expect(page.left).toBe(false);
    expect(page.body).toMatch(/locked/i);
    await fetch(new URL('/dev/reset', stack.idp.issuer), { method: 'POST' });
  });

  it('refuses a sign-in attempt older than ten minutes', async () => {
    const login = await startLogin(stack, 'sofia.rossi@acme-health.example');
    const page = await passProvider(stack, login.url, demoUser('sofia.rossi@acme-health.example'));
    await ageSignInAttempts(stack.api.app.get(DataSource), '11 minutes');
    const result = await deliverCallback(page.url, login.cookies);
    expect(result.location).toBe('/sign-in?error=sign_in_failed');
  });

  // ZITADEL ends an authorization request with `error=access_denied` when it refuses the user for this application
  // (for example without a role in the project). dev-idp has no such refusal, so the callback is played as ZITADEL
  // would send it.
  it.each([
    ['access_denied', '/sign-in?error=provider_denied'],
    ['server_error', '/sign-in?error=sign_in_failed'],
  ])('passes on a provider error (%s) as a sign-in message, never a 500', async (error, location) => {
    const login = await startLogin(stack, 'sofia.rossi@acme-health.example');
    const state = new URL(login.url).searchParams.get('state') ?? '';
    const refused = await deliverCallback(
      `${stack.api.baseUrl}/api/auth/callback?error=${error}&error_description=User%20is%20locked&state=${state}`,
      login.cookies,
    );
    expect(refused.location).toBe(location);
    expect(refused.cookies[SESSION] ?? '').toBe('');
  });

  // Last: it stops the identity provider.
  it('says the provider is unavailable when it stops answering between its pages and the code exchange', async () => {
    const login = await startLogin(stack, 'sofia.rossi@acme-health.example');
    const page = await passProvider(stack, login.url, demoUser('sofia.rossi@acme-health.example'));
    await stack.idp.stop();
    const result = await deliverCallback(page.url, login.cookies);
    expect(result.location).toBe('/sign-in?error=provider_unavailable');
    expect(result.cookies[SESSION] ?? '').toBe('');
  });
});
