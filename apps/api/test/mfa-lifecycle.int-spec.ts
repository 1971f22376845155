import { randomUUID } from 'node:crypto';
import {
  type Answer,
  addAuthenticatorApp,
  authenticationMethods,
  call,
  db,
  enrolTotp,
  regenerateRecoveryCodes,
  removeTotp,
  resetIdp,
  resetPolicies,
  signInWith,
  totpNow,
  userIdOf,
} from './support/mfa-flow';
import {
  cookieHeader,
  deliverCallback,
  demoUser,
  setCookies,
  startSignInStack,
  type SignInStack,
} from './support/sign-in-flow';
import { Browser, heading } from '@aidial/stand-ins/testing';
import { clearRateLimits } from '@aidial/api/testing';

/**
 * The whole MFA journey of a mandatory-MFA user who starts without MFA (Oliver, partner_admin), through real HTTP: the
 * portal blocks him, he opens setup (login v2's page for the session he signed in with), enrols TOTP there, refreshes
 * his status (a prompt=login re-authentication that rotates the session), acknowledges his recovery codes, signs in with
 * one (which ZITADEL does not show the portal: not compliant), generates more, removes the factor and enables it again.
 * Each action is audited.
 */
const OLIVER = 'oliver.bennett@northwind.example';

interface Summary {
  policy: string;
  enrolment: string;
  challenge: string;
  security_status: string;
  compliant: boolean;
  used_factors: string[];
  lifecycle: { marker: string | null; recovery_codes: string };
  actions: string[];
}

describe('MFA lifecycle: the journey of a mandatory-MFA user', () => {
  let stack: SignInStack;
  let oliverId: string;
  let cookies: Record<string, string>;
  let secret: string;
  let recoveryCodes: string[];
  /** Oliver's browser at the provider: it keeps the session he signed in to the portal with. */
  let provider: Browser;

  beforeAll(async () => {
    stack = await startSignInStack();
    await resetIdp(stack);
    await resetPolicies(stack);
    await clearRateLimits(db(stack));
    oliverId = await userIdOf(stack, OLIVER);
  });
  afterAll(() => stack.close());
  // Every MFA action counts towards the per-user limit (10 a minute); this journey takes more than that.
  beforeEach(async () => {
    await clearRateLimits(db(stack));
  });

  async function summary(): Promise<Summary> {
    const answer = await call(stack, cookies, 'GET', '/api/mfa/summary');
    expect(answer.status).toBe(200);
    return answer.body as unknown as Summary;
  }

  async function auditRows(requestId: string) {
    return (await db(stack).query(
      `SELECT action, outcome, target_id, actor_user_id, details FROM audit_event WHERE request_id = $1 ORDER BY seq`,
      [requestId],
    )) as Array<{ action: string; outcome: string; target_id: string; actor_user_id: string; details: unknown }>;
  }

  async function act(path: string, body?: unknown): Promise<Answer & { requestId: string }> {
    const requestId = `mfa-test-${randomUUID()}`;
    const answer = await call(stack, cookies, 'POST', path, { body, requestId });
    return { ...answer, requestId };
  }

  async function lifecycleRow() {
    const [row] = (await db(stack).query(`SELECT * FROM mfa_lifecycle WHERE user_id = $1`, [oliverId])) as Array<
      Record<string, unknown>
    >;
    return row;
  }

  it('blocks him everywhere but the exempt routes, with the remediation path, and records the denial', async () => {
    ({ cookies, provider } = await signInWith(stack, OLIVER, { kind: 'none' }));
    const requestId = `mfa-test-${randomUUID()}`;
    const blocked = await call(stack, cookies, 'GET', '/api/dashboard', { requestId });
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'mfa_required', remediation_path: '/settings' });
    expect(await auditRows(requestId)).toEqual([
      {
        action: 'access.denied',
        outcome: 'denied',
        target_id: 'GET /api/dashboard',
        actor_user_id: oliverId,
        details: expect.objectContaining({ reason: 'mfa_required', method: 'GET', section: 'dashboard' }),
      },
    ]);
    expect(await summary()).toMatchObject({
      policy: 'required',
      enrolment: 'not_enrolled',
      security_status: 'required',
      compliant: false,
      lifecycle: { marker: null, recovery_codes: 'none' },
      actions: ['open_setup', 'refresh_status'],
    });
    expect(await lifecycleRow()).toBeUndefined();
  });

  it('never offers or opens disabling to a mandatory role (409, audited)', async () => {
    expect((await summary()).actions).not.toContain('open_disable');
    const refused = await act('/api/mfa/disable');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'mfa_action_unavailable' });
    expect(await auditRows(refused.requestId)).toEqual([
      expect.objectContaining({
        action: 'mfa.disable_opened',
        outcome: 'denied',
        details: { reason: 'not_available' },
      }),
    ]);
  });

  it("opens setup at the provider: a URL built from ZITADEL_ISSUER whatever the request's Host, X-Forwarded-Host or body", async () => {
    const requestId = `mfa-test-${randomUUID()}`;
    const answer = await call(stack, cookies, 'POST', '/api/mfa/setup', {
      requestId,
      headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', forwarded: 'host=evil.example' },
      body: { url: 'https://evil.example/', issuer: 'https://evil.example', host: 'evil.example' },
    });
    expect(answer.status).toBe(200);
    const url = new URL(answer.body['url'] as string);
    const issuer = new URL(stack.idp.issuer);
    expect(url.origin).toBe(issuer.origin);
    expect(url.pathname).toBe(`${issuer.pathname.replace(/\/$/, '')}/ui/v2/login/mfa/set`);
    // Login v2's mfa/set finds the session by id (the ID token's sid), never by login_hint.
    const [row] = (await db(stack).query(`SELECT idp_session_id FROM session WHERE user_id = $1 AND ended_at IS NULL`, [
      oliverId,
    ])) as Array<{ idp_session_id: string }>;
    expect(url.searchParams.get('sessionId')).toBe(row?.idp_session_id);
    expect(url.searchParams.has('login_hint')).toBe(false);
    expect(await auditRows(requestId)).toEqual([
      { action: 'mfa.setup_opened', outcome: 'success', target_id: oliverId, actor_user_id: oliverId, details: {} },
    ]);

    // A raw request with another Host header gets the same URL.
    const raw = await fetch(`${stack.api.baseUrl}/api/mfa/setup`, {
      method: 'POST',
      headers: { host: 'evil.example', cookie: cookieHeader(cookies), 'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '' },
    });
    expect(((await raw.json()) as { url: string }).url).toBe(answer.body['url']);
  });

  it('the setup URL opens the setup page in the browser he signed in with, and nowhere else', async () => {
    const { url } = (await act('/api/mfa/setup')).body as { url: string };
    const elsewhere = await new Browser(stack.idp.issuer).open(url);
    expect(elsewhere.body).toContain('Could not get the context of the user');
    expect(heading(await provider.open(url))).toBe('Set up a second factor');
  });

  it('enrols TOTP at the provider: the session keeps its snapshot until the status is refreshed', async () => {
    const { url } = (await act('/api/mfa/setup')).body as { url: string };
    const choice = await provider.open(url);
    const totpLink = /<a href="([^"]+)">Authenticator app \(TOTP\)<\/a>/.exec(choice.body)?.[1]?.replace(/&amp;/g, '&');
    expect(totpLink).toBeDefined();
    ({ secret, recoveryCodes } = await addAuthenticatorApp(provider, await provider.open(totpLink ?? '')));
    expect(await authenticationMethods(stack, demoUser(OLIVER))).toContain('AUTHENTICATION_METHOD_TYPE_TOTP');
    expect(await summary()).toMatchObject({ enrolment: 'not_enrolled', compliant: false });
    expect((await call(stack, cookies, 'GET', '/api/dashboard')).status).toBe(403);
  });

  it('refreshes the status: prompt=login back to /settings, a new session, the old one ended, now compliant', async () => {
    const oldSessionId = (
      (await db(stack).query(`SELECT id FROM session WHERE user_id = $1 AND ended_at IS NULL`, [oliverId])) as Array<{
        id: string;
      }>
    )[0]?.id;
    const started = await act('/api/mfa/refresh');
    expect(started.status).toBe(200);
    const authorizationUrl = new URL(started.body['authorization_url'] as string);
    expect(authorizationUrl.origin).toBe(new URL(stack.idp.issuer).origin);
    expect(authorizationUrl.searchParams.get('prompt')).toBe('login');
    expect(authorizationUrl.searchParams.get('login_hint')).toBe(OLIVER);
    expect(started.cookies['aidial_sign_in']).toBeTruthy();
    expect(await auditRows(started.requestId)).toEqual([
      expect.objectContaining({ action: 'mfa.status_refresh_started', outcome: 'success', target_id: oldSessionId }),
    ]);

    // Through the provider's pages, with the new authenticator app.
    const browser = new Browser(stack.idp.issuer);
    let page = await browser.open(authorizationUrl.href);
    expect(heading(page)).toBe('Sign in');
    page = await browser.submit(page, '/login-name', { loginName: OLIVER });
    page = await browser.submit(page, '/password', { password: demoUser(OLIVER).password });
    page = await browser.submit(page, '/totp', { code: totpNow(secret) });
    expect(page.left).toBe(true);
    const back = await deliverCallback(page.url, { ...cookies, ...started.cookies });
    expect(back.status).toBe(302);
    expect(back.location).toBe('/settings');
    expect(back.cookies['aidial_session']).toBeTruthy();
    expect(back.cookies['aidial_session']).not.toBe(cookies['aidial_session']);

    expect((await call(stack, cookies, 'GET', '/api/session')).status).toBe(401);
    const [ended] = (await db(stack).query(`SELECT end_reason FROM session WHERE id = $1`, [oldSessionId])) as Array<{
      end_reason: string;
    }>;
    expect(ended?.end_reason).toBe('replaced');

    cookies = { ...cookies, ...back.cookies };
    const now = await summary();
    expect(now).toMatchObject({
      enrolment: 'enrolled',
      challenge: 'satisfied',
      security_status: 'satisfied',
      compliant: true,
      used_factors: ['authenticator_app'],
      lifecycle: { recovery_codes: 'ack_required' },
    });
    expect(now.actions).toEqual(['open_setup', 'refresh_status', 'store_recovery_codes']);
    expect(now.lifecycle.marker).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect((await call(stack, cookies, 'GET', '/api/dashboard')).status).toBe(200);
  });

  it('acknowledges storing the codes only with the current marker and only in the state that offers it', async () => {
    const { lifecycle } = await summary();
    const marker = lifecycle.marker ?? '';

    const stale = await act('/api/mfa/recovery-codes/stored', { marker: 'not-the-marker' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'mfa_lifecycle_stale' });
    expect(await auditRows(stale.requestId)).toEqual([
      expect.objectContaining({
        action: 'mfa.recovery_codes.stored',
        outcome: 'denied',
        details: { reason: 'stale_marker' },
      }),
    ]);

    const wrongState = await act('/api/mfa/recovery-codes/reviewed', { marker });
    expect(wrongState.status).toBe(409);
    expect(wrongState.body).toMatchObject({ code: 'mfa_action_unavailable' });
    expect(await auditRows(wrongState.requestId)).toEqual([
      expect.objectContaining({
        action: 'mfa.recovery_codes.reviewed',
        outcome: 'denied',
        details: { reason: 'not_available' },
      }),
    ]);

    const missing = await act('/api/mfa/recovery-codes/stored', {});
    expect(missing.status).toBe(400);

    const stored = await act('/api/mfa/recovery-codes/stored', { marker });
    expect(stored.status).toBe(200);
    const next = stored.body['lifecycle'] as { marker: string; recovery_codes: string };
    expect(next.recovery_codes).toBe('acknowledged');
    expect(next.marker).not.toBe(marker);
    expect(await auditRows(stored.requestId)).toEqual([
      {
        action: 'mfa.recovery_codes.stored',
        outcome: 'success',
        target_id: oliverId,
        actor_user_id: oliverId,
        details: {},
      },
    ]);
    expect(await lifecycleRow()).toMatchObject({ marker: next.marker, recovery_codes: 'acknowledged', enrolled: true });

    const replay = await act('/api/mfa/recovery-codes/stored', { marker });
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ code: 'mfa_lifecycle_stale' });
    expect((await summary()).actions).toEqual(['open_setup', 'refresh_status', 'regenerate_recovery_codes']);
  });

  // ZITADEL adds nothing to amr for a recovery code, and its v2 session shows no recovery-code factor (docs/mfa.md):
  // the portal cannot tell the sign-in from a single-factor one, so it fails closed.
  it('a sign-in with a recovery code proves no second factor the portal can see: not compliant, nothing changed', async () => {
    const before = await lifecycleRow();
    ({ cookies } = await signInWith(stack, OLIVER, { kind: 'recovery-code', code: recoveryCodes[0] ?? '' }));
    expect(await summary()).toMatchObject({
      enrolment: 'enrolled',
      challenge: 'required',
      compliant: false,
      used_factors: [],
      lifecycle: { recovery_codes: 'acknowledged', marker: before?.['marker'] },
    });
    expect((await call(stack, cookies, 'GET', '/api/dashboard')).status).toBe(403);
    ({ cookies } = await signInWith(stack, OLIVER, { kind: 'totp', secret }));
    expect((await summary()).compliant).toBe(true);
  });

  it('declares a regenerated set: the new set waits for "stored" again', async () => {
    // ZITADEL adds new codes to the unused ones, up to its maximum (10): one was used above.
    const fresh = await regenerateRecoveryCodes(stack, OLIVER, secret);
    expect(fresh).toHaveLength(1);
    const { lifecycle } = await summary();
    const declared = await act('/api/mfa/recovery-codes/regenerated', { marker: lifecycle.marker });
    expect(declared.status).toBe(200);
    const next = declared.body['lifecycle'] as { marker: string; recovery_codes: string };
    expect(next.recovery_codes).toBe('ack_required');
    expect(await auditRows(declared.requestId)).toEqual([
      expect.objectContaining({ action: 'mfa.recovery_codes.regenerated', outcome: 'success' }),
    ]);
    const again = await act('/api/mfa/recovery-codes/regenerated', { marker: next.marker });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'mfa_action_unavailable' });
    const stored = await act('/api/mfa/recovery-codes/stored', { marker: next.marker });
    expect(stored.status).toBe(200);
    recoveryCodes = [...recoveryCodes.slice(1), ...fresh];
  });

  it('removing the factor at the provider blocks him again at the next sign-in; enabling it again asks for a new ack', async () => {
    await removeTotp(stack, OLIVER, secret);
    ({ cookies } = await signInWith(stack, OLIVER, { kind: 'none' }));
    expect(await summary()).toMatchObject({
      enrolment: 'not_enrolled',
      compliant: false,
      lifecycle: { recovery_codes: 'none' },
    });
    expect(await lifecycleRow()).toMatchObject({ enrolled: false, recovery_codes: 'none' });
    expect((await call(stack, cookies, 'GET', '/api/dashboard')).status).toBe(403);

    ({ secret } = await enrolTotp(stack, OLIVER));
    ({ cookies } = await signInWith(stack, OLIVER, { kind: 'totp', secret }));
    expect(await summary()).toMatchObject({
      enrolment: 'enrolled',
      compliant: true,
      lifecycle: { recovery_codes: 'ack_required' },
    });
    expect(await lifecycleRow()).toMatchObject({ enrolled: true, recovery_codes: 'ack_required' });
  });

  it('a sign-in that changes nothing keeps the marker', async () => {
    const before = (await summary()).lifecycle.marker;
    ({ cookies } = await signInWith(stack, OLIVER, { kind: 'totp', secret }));
    expect((await summary()).lifecycle.marker).toBe(before);
  });

  it('limits MFA actions to 10 a minute per user: 429 with Retry-After, audited', async () => {
    await clearRateLimits(db(stack));
    for (let i = 0; i < 10; i += 1) expect((await act('/api/mfa/setup')).status).toBe(200);
    const limited = await act('/api/mfa/setup');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await auditRows(limited.requestId)).toEqual([
      expect.objectContaining({ action: 'mfa.setup_opened', outcome: 'denied', details: { reason: 'rate_limited' } }),
    ]);
    // Per user: someone else is not limited.
    const other = await signInWith(stack, 'grace.okafor@aidial.example', {
      kind: 'totp',
      secret: demoUser('grace.okafor@aidial.example').mfa.totp?.secret ?? '',
    });
    const theirs = await call(stack, other.cookies, 'POST', '/api/mfa/setup');
    expect(theirs.status).toBe(200);
    await clearRateLimits(db(stack));
  });

  it('unsafe MFA actions need the CSRF token', async () => {
    const response = await fetch(`${stack.api.baseUrl}/api/mfa/setup`, {
      method: 'POST',
      headers: { cookie: cookieHeader(cookies) },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe('csrf_failed');
    expect(setCookies(response)).toBeDefined();
  });
});
