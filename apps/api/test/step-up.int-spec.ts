import { DataSource } from 'typeorm';
import { listRoutePolicies } from '@aidial/api/core';
import { type Action, ROLES, type Role, type Section, canAccessSection, canPerform } from '@aidial/shared/access';
import {
  DEMO_USER_OF_ROLE,
  type SignInStack,
  cookieHeader,
  deliverCallback,
  demoUser,
  passProvider,
  signIn,
  startSignInStack,
} from './support/sign-in-flow';

/**
 * Step-up for sensitive actions (docs/sessions.md "Step-up"; ASVS 5.0 §7.5.1, §6.3.7; RFC 9470), against dev-idp:
 * every route the application declares `step-up` refuses a session signed in longer ago than STEP_UP_MAX_AGE_MINUTES
 * (10 by default) with 403 `reauthentication_required` and the RFC 9470 challenge; signing in again through
 * `POST /api/auth/step-up` rotates the session and lets the action through; a provider answer whose `auth_time` is older
 * than the step-up's `max_age` makes no session.
 */
interface StepUpRoute {
  readonly method: string;
  readonly path: string;
  /** Who may perform it, so that only the step-up check stands between the request and the handler. */
  readonly role: Role;
}

const MAX_AGE_SECONDS = 10 * 60;

/** A path parameter filled with a well-formed id that names nothing: the guard must answer before anything looks it up. */
const withIds = (path: string) => path.replace(/:[A-Za-z]+/g, '5f0c7a52-9d53-4c39-9d59-0c3f2d6e8a11');

function performerOf(access: string): Role {
  const section = /section:(\S+)/.exec(access)?.[1] as Section | undefined;
  const action = /action:(\S+)/.exec(access)?.[1] as Action | undefined;
  if (!section) return 'client_admin';
  const role = ROLES.find(
    (candidate) => canAccessSection(candidate, section) && (!action || canPerform(candidate, action)),
  );
  if (!role) throw new Error(`no role performs ${access}`);
  return role;
}

describe('step-up for sensitive actions (real OIDC round trips against dev-idp)', () => {
  let stack: SignInStack;
  let db: DataSource;
  let routes: StepUpRoute[];
  const cookiesOf = new Map<Role, Record<string, string>>();

  beforeAll(async () => {
    stack = await startSignInStack();
    db = stack.api.app.get(DataSource);
    routes = listRoutePolicies(stack.api.app)
      .filter(({ access }) => access.endsWith(' step-up'))
      .map(({ route, access }) => {
        const [method = '', path = ''] = route.split(' ');
        return { method, path, role: performerOf(access) };
      });
    for (const role of new Set(routes.map((route) => route.role))) {
      cookiesOf.set(role, (await signIn(stack, DEMO_USER_OF_ROLE[role])).cookies);
    }
  });
  afterAll(() => stack.close());

  function call(cookies: Record<string, string>, method: string, path: string, body: unknown = {}): Promise<Response> {
    return fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: {
        cookie: cookieHeader(cookies),
        'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '',
        'content-type': 'application/json',
      },
      ...(method !== 'DELETE' && method !== 'GET' ? { body: JSON.stringify(body) } : {}),
    });
  }

  /** Moves the sign-in of every live session of `email` back by `minutes` (the session stays within its lifetimes). */
  async function ageSignIn(email: string, minutes: number): Promise<void> {
    await db.query(
      `UPDATE session SET auth_time = auth_time - make_interval(mins => $2)
        WHERE ended_at IS NULL AND user_id = (SELECT id FROM portal_user WHERE email = $1)`,
      [email, minutes],
    );
  }

  it('declares step-up on every action the issue names', () => {
    expect(routes.map((route) => `${route.method} ${route.path}`).sort()).toEqual(
      [
        'POST /api/integrations/keys',
        'POST /api/integrations/keys/:id/rotate',
        'DELETE /api/integrations/keys/:id',
        'POST /api/auth/mfa-sms-enrol',
        'POST /api/mfa/disable',
        'PUT /api/team/members/:id/role',
        'DELETE /api/team/members/:id',
        'POST /api/team/members/:id/sessions/revoke',
        'PUT /api/partner/team/members/:id/role',
        'DELETE /api/partner/team/members/:id',
        'POST /api/partner/team/members/:id/sessions/revoke',
        'PUT /api/admin/tenants/:id/status',
        'PUT /api/admin/tenants/:id/mfa-policy',
        'PUT /api/admin/tenants/:id/features',
        'POST /api/admin/tenants/:id/sessions/revoke',
        'PUT /api/admin/users/:id/memberships/:tenantId',
        'DELETE /api/admin/users/:id/memberships/:tenantId',
        'POST /api/admin/users/:id/sessions/revoke',
        'POST /api/sessions/revoke-others',
        'DELETE /api/sessions/:id',
      ].sort(),
    );
  });

  it('lets a session signed in moments ago past the step-up check on every sensitive route', async () => {
    const refused: string[] = [];
    for (const route of routes) {
      const response = await call(cookiesOf.get(route.role) ?? {}, route.method, withIds(route.path));
      const body = (await response.json()) as { code?: string };
      if (body.code === 'reauthentication_required') refused.push(`${route.method} ${route.path}`);
    }
    expect(refused).toEqual([]);
  });

  it('refuses every sensitive route to a session signed in eleven minutes ago, with the RFC 9470 challenge, and audits it', async () => {
    for (const role of cookiesOf.keys()) await ageSignIn(DEMO_USER_OF_ROLE[role], 11);
    const [{ n: before }] = (await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'access.denied' AND details->>'reason' = 'reauthentication_required'`,
    )) as [{ n: number }];
    const misses: string[] = [];
    for (const route of routes) {
      const response = await call(cookiesOf.get(route.role) ?? {}, route.method, withIds(route.path));
      const body = (await response.json()) as { code?: string; message?: string; request_id?: string };
      const challenge = response.headers.get('www-authenticate') ?? '';
      if (
        response.status !== 403 ||
        body.code !== 'reauthentication_required' ||
        !challenge.startsWith('Bearer error="insufficient_user_authentication"') ||
        !challenge.includes(`max_age=${MAX_AGE_SECONDS}`) ||
        !body.request_id
      ) {
        misses.push(`${route.role} ${route.method} ${route.path} → ${response.status} ${body.code ?? ''} ${challenge}`);
      }
    }
    expect(misses).toEqual([]);
    const [{ n: after }] = (await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'access.denied' AND details->>'reason' = 'reauthentication_required'`,
    )) as [{ n: number }];
    expect(after - before).toBe(routes.length);
  });

  it('still lets an old session read and do what is not sensitive', async () => {
    const cookies = cookiesOf.get('client_admin') ?? {};
    expect((await call(cookies, 'GET', '/api/sessions')).status).toBe(200);
    expect(
      (await fetch(`${stack.api.baseUrl}/api/session`, { headers: { cookie: cookieHeader(cookies) } })).status,
    ).toBe(200);
  });

  it('signs in again through POST /api/auth/step-up: a new session id, back on the page, and the action goes through', async () => {
    const email = DEMO_USER_OF_ROLE.client_admin;
    const old = cookiesOf.get('client_admin') ?? {};
    await ageSignIn(email, 60);
    expect((await call(old, 'POST', '/api/sessions/revoke-others')).status).toBe(403);

    const started = await call(old, 'POST', '/api/auth/step-up', { return_to: '/settings' });
    expect(started.status).toBe(200);
    expect(started.headers.get('cache-control')).toBe('no-store');
    const { authorization_url } = (await started.json()) as { authorization_url: string };
    const asked = new URL(authorization_url).searchParams;
    expect(asked.get('prompt')).toBe('login');
    expect(asked.get('max_age')).toBe(String(MAX_AGE_SECONDS));
    const attemptCookies = Object.fromEntries(
      (started.headers.getSetCookie() ?? []).map((line) => {
        const [pair = ''] = line.split(';');
        const at = pair.indexOf('=');
        return [pair.slice(0, at), decodeURIComponent(pair.slice(at + 1))];
      }),
    );

    const page = await passProvider(stack, authorization_url, demoUser(email));
    expect(page.left).toBe(true);
    const back = await deliverCallback(page.url, { ...old, ...attemptCookies });
    expect(back.location).toBe('/settings');
    const fresh = { ...old, ...back.cookies };
    const sessionCookie = Object.keys(back.cookies).find((name) => name.includes('session')) ?? '';
    expect(back.cookies[sessionCookie]).toBeTruthy();
    expect(back.cookies[sessionCookie]).not.toBe(old[sessionCookie]);

    // The old session ended with the sign-in; the new one performs the action.
    expect((await fetch(`${stack.api.baseUrl}/api/session`, { headers: { cookie: cookieHeader(old) } })).status).toBe(
      401,
    );
    expect((await call(fresh, 'POST', '/api/sessions/revoke-others')).status).toBe(200);
    const [event] = (await db.query(
      `SELECT details FROM audit_event WHERE action = 'auth.sign_in' AND outcome = 'success' ORDER BY occurred_at DESC LIMIT 1`,
    )) as [{ details: Record<string, unknown> }];
    expect(event.details['step_up']).toBe(true);
  });

  it('makes no session when the provider answers a step-up with a sign-in older than its max_age', async () => {
    const email = DEMO_USER_OF_ROLE.client_manager;
    const { cookies: old } = await signIn(stack, email);
    await ageSignIn(email, 60);
    const started = await call(old, 'POST', '/api/auth/step-up', { return_to: '/team' });
    expect(started.status).toBe(200);
    const { authorization_url } = (await started.json()) as { authorization_url: string };
    const attempt = (started.headers.getSetCookie() ?? []).map((line) => line.split(';')[0] ?? '');
    const page = await passProvider(stack, authorization_url, demoUser(email));
    const armed = await fetch(new URL('/dev/next-id-token-fault', stack.idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault: 'stale_auth_time' }),
    });
    expect(armed.ok).toBe(true);
    const back = await fetch(page.url, {
      redirect: 'manual',
      headers: { cookie: [cookieHeader(old), ...attempt].join('; ') },
    });
    expect(back.headers.get('location')).toBe('/sign-in?error=sign_in_failed');
    // The session it was meant to replace is as it was: still signed in, still too old for the action.
    expect((await call(old, 'POST', '/api/sessions/revoke-others')).status).toBe(403);
  });

  it('accepts the same kept provider sign-in for an ordinary sign-in, which asks no max_age', async () => {
    const email = DEMO_USER_OF_ROLE.client_staff;
    const login = await fetch(`${stack.api.baseUrl}/api/auth/login?${new URLSearchParams({ email }).toString()}`, {
      headers: { accept: 'application/json' },
    });
    const { authorization_url } = (await login.json()) as { authorization_url: string };
    const attempt = (login.headers.getSetCookie() ?? []).map((line) => line.split(';')[0] ?? '');
    const page = await passProvider(stack, authorization_url, demoUser(email));
    await fetch(new URL('/dev/next-id-token-fault', stack.idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault: 'stale_auth_time' }),
    });
    const back = await fetch(page.url, { redirect: 'manual', headers: { cookie: attempt.join('; ') } });
    expect(back.headers.get('location')).toBe('/dashboard');
  });

  it('refuses to start a step-up without a session, and without a return path', async () => {
    // Without a session there is no CSRF token to send either; with an ended session the guard answers 401.
    const anonymous = await fetch(`${stack.api.baseUrl}/api/auth/step-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ return_to: '/team' }),
    });
    expect(anonymous.status).toBe(403);
    expect(((await anonymous.json()) as { code: string }).code).toBe('csrf_failed');
    const { cookies: ended } = await signIn(stack, DEMO_USER_OF_ROLE.aidial_operator);
    await db.query(
      `UPDATE session SET ended_at = now(), end_reason = 'signed_out'
        WHERE ended_at IS NULL AND user_id = (SELECT id FROM portal_user WHERE email = $1)`,
      [DEMO_USER_OF_ROLE.aidial_operator],
    );
    const signedOut = await call(ended, 'POST', '/api/auth/step-up', { return_to: '/admin' });
    expect(signedOut.status).toBe(401);
    const cookies = cookiesOf.get('aidial_admin') ?? {};
    const invalid = await call(cookies, 'POST', '/api/auth/step-up', {});
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { code: string }).code).toBe('validation_failed');
  });
});
