import { randomUUID } from 'node:crypto';
import { callV1, createKey, sessionAs } from './support/api-keys';
import {
  call,
  db,
  enrolTotp,
  resetIdp,
  resetPolicies,
  seedSecret,
  setPolicies,
  setRestApiFault,
  signInWith,
  userIdOf,
} from './support/mfa-flow';
import { startSignInStack, type SignInStack } from './support/sign-in-flow';
import { clearRateLimits } from '@aidial/api/testing';

const PRIYA = 'priya.natarajan@northwind.example'; // partner_admin, TOTP
const GRACE = 'grace.okafor@aidial.example'; // aidial_admin, TOTP
const OLIVER = 'oliver.bennett@northwind.example'; // partner_admin, no MFA
const AMELIA = 'amelia.hart@acme-health.example'; // client_admin, no MFA (optional)

describe('MFA: provider outages, optional roles, exempt routes', () => {
  let stack: SignInStack;

  beforeAll(async () => {
    stack = await startSignInStack();
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await resetIdp(stack);
    await resetPolicies(stack);
    await clearRateLimits(db(stack));
  });

  describe('when Zitadel cannot be asked at sign-in', () => {
    it('still signs everyone in; mandatory roles are blocked with status unavailable, optional roles keep working', async () => {
      await setRestApiFault(stack, 'unavailable');
      const priya = await signInWith(stack, PRIYA, { kind: 'totp', secret: seedSecret(PRIYA) });
      const grace = await signInWith(stack, GRACE, { kind: 'totp', secret: seedSecret(GRACE) });
      const amelia = await signInWith(stack, AMELIA, { kind: 'none' });
      await setRestApiFault(stack, 'none');
      expect([priya.location, grace.location, amelia.location]).toEqual(['/dashboard', '/admin', '/dashboard']);

      const blockedPartner = await call(stack, priya.cookies, 'GET', '/api/dashboard');
      expect(blockedPartner.status).toBe(403);
      expect(blockedPartner.body).toMatchObject({ code: 'mfa_required', remediation_path: '/settings' });
      const blockedInternal = await call(stack, grace.cookies, 'GET', '/api/admin/tenants');
      expect(blockedInternal.status).toBe(403);
      expect(blockedInternal.body).toMatchObject({ code: 'mfa_required', remediation_path: '/admin/profile' });

      const summary = await call(stack, priya.cookies, 'GET', '/api/mfa/summary');
      expect(summary.body).toMatchObject({
        enrolment: 'unknown',
        // amr said mfa (a signed claim), but without the enrolment the session is not compliant: fail closed.
        challenge: 'satisfied',
        security_status: 'unavailable',
        lacking: 'status_unavailable',
        compliant: false,
        allowed_factors: [],
        actions: ['refresh_status'],
        setup_unavailable: true,
        management_unavailable: true,
      });
      const setup = await call(stack, priya.cookies, 'POST', '/api/mfa/setup');
      expect(setup.status).toBe(409);
      expect(setup.body).toMatchObject({ code: 'mfa_action_unavailable' });

      expect((await call(stack, amelia.cookies, 'GET', '/api/dashboard')).status).toBe(200);
      expect((await call(stack, amelia.cookies, 'GET', '/api/mfa/summary')).body).toMatchObject({
        policy: 'optional',
        enrolment: 'unknown',
        challenge: 'unknown',
        security_status: 'optional',
        compliant: true,
      });
    });

    it('signing in again once Zitadel is back makes the session compliant', async () => {
      await setRestApiFault(stack, 'unavailable');
      const { cookies } = await signInWith(stack, PRIYA, { kind: 'totp', secret: seedSecret(PRIYA) });
      await setRestApiFault(stack, 'none');
      expect((await call(stack, cookies, 'GET', '/api/dashboard')).status).toBe(403);
      const again = await signInWith(stack, PRIYA, { kind: 'totp', secret: seedSecret(PRIYA) });
      expect((await call(stack, again.cookies, 'GET', '/api/dashboard')).status).toBe(200);
    });

    it('leaves the recovery-code lifecycle alone', async () => {
      const priyaId = await userIdOf(stack, PRIYA);
      await signInWith(stack, PRIYA, { kind: 'totp', secret: seedSecret(PRIYA) });
      const [before] = (await db(stack).query(`SELECT * FROM mfa_lifecycle WHERE user_id = $1`, [
        priyaId,
      ])) as unknown[];
      expect(before).toMatchObject({ recovery_codes: 'ack_required', enrolled: true });
      await setRestApiFault(stack, 'unavailable');
      await signInWith(stack, PRIYA, { kind: 'totp', secret: seedSecret(PRIYA) });
      await setRestApiFault(stack, 'none');
      const [after] = (await db(stack).query(`SELECT * FROM mfa_lifecycle WHERE user_id = $1`, [priyaId])) as unknown[];
      expect(after).toEqual(before);
    });
  });

  describe('an optional-MFA user', () => {
    it('may open provider management to disable MFA once enrolled (audited), but not when a policy requires MFA', async () => {
      const { secret } = await enrolTotp(stack, AMELIA);
      const { cookies } = await signInWith(stack, AMELIA, { kind: 'totp', secret });
      const ameliaId = await userIdOf(stack, AMELIA);
      const summary = await call(stack, cookies, 'GET', '/api/mfa/summary');
      expect(summary.body).toMatchObject({ policy: 'optional', security_status: 'satisfied' });
      expect(summary.body['actions']).toContain('open_disable');

      const requestId = `mfa-test-${randomUUID()}`;
      const opened = await call(stack, cookies, 'POST', '/api/mfa/disable', {
        requestId,
        headers: { 'x-forwarded-host': 'evil.example' },
        body: { url: 'https://evil.example/' },
      });
      expect(opened.status).toBe(200);
      const url = new URL(opened.body['url'] as string);
      expect(url.origin).toBe(new URL(stack.idp.issuer).origin);
      expect(url.pathname).toBe('/ui/console/users/me');
      // ZITADEL's console takes no login hint: it signs in through the browser's own session.
      expect(url.search).toBe('');
      expect(
        await db(stack).query(`SELECT action, outcome, target_id FROM audit_event WHERE request_id = $1`, [requestId]),
      ).toEqual([{ action: 'mfa.disable_opened', outcome: 'success', target_id: ameliaId }]);

      for (const policies of [
        { tenant: 'required', user: 'role_default' },
        { tenant: 'role_default', user: 'required' },
      ] as const) {
        await setPolicies(stack, AMELIA, policies);
        const now = await call(stack, cookies, 'GET', '/api/mfa/summary');
        expect(now.body).toMatchObject({ policy: 'required', compliant: true });
        expect(now.body['actions']).not.toContain('open_disable');
        const refused = await call(stack, cookies, 'POST', '/api/mfa/disable');
        expect(refused.status).toBe(409);
        expect(refused.body).toMatchObject({ code: 'mfa_action_unavailable' });
      }
    });

    it('without MFA enrolled is not offered disabling either', async () => {
      const { cookies } = await signInWith(stack, AMELIA, { kind: 'none' });
      const summary = await call(stack, cookies, 'GET', '/api/mfa/summary');
      expect(summary.body['actions']).toEqual(['open_setup', 'refresh_status']);
      expect((await call(stack, cookies, 'POST', '/api/mfa/disable')).status).toBe(409);
    });

    it('whose tenant then requires MFA is blocked from the next request on, with no new sign-in', async () => {
      const { cookies } = await signInWith(stack, AMELIA, { kind: 'none' });
      expect((await call(stack, cookies, 'GET', '/api/dashboard')).status).toBe(200);
      await setPolicies(stack, AMELIA, { tenant: 'required', user: 'role_default' });
      const blocked = await call(stack, cookies, 'GET', '/api/dashboard');
      expect(blocked.status).toBe(403);
      expect(blocked.body).toMatchObject({ code: 'mfa_required', remediation_path: '/settings' });
      expect((await call(stack, cookies, 'GET', '/api/session')).body['mfa']).toMatchObject({
        required_by: 'tenant_policy',
        compliant: false,
      });
    });
  });

  describe('a session that is not MFA-compliant', () => {
    it('reaches the exempt routes: session, keep-alive, its sessions, the MFA endpoints, Support, sign-out', async () => {
      const { cookies } = await signInWith(stack, OLIVER, { kind: 'none' });
      const reachable: Array<[string, string, number]> = [
        ['GET', '/api/session', 200],
        ['POST', '/api/session/keep-alive', 200],
        ['GET', '/api/sessions', 200],
        ['GET', '/api/sessions/ended', 200],
        ['GET', '/api/mfa/summary', 200],
        ['POST', '/api/mfa/setup', 200],
        ['POST', '/api/mfa/refresh', 200],
      ];
      for (const [method, path, status] of reachable) {
        const answer = await call(stack, cookies, method, path);
        expect({ route: `${method} ${path}`, status: answer.status }).toEqual({ route: `${method} ${path}`, status });
      }
      const support = await call(stack, cookies, 'GET', '/api/support/tickets');
      expect({ status: support.status, code: support.body['code'] }).not.toMatchObject({ code: 'mfa_required' });
      expect(support.status).toBeLessThan(400);

      for (const path of ['/api/dashboard', '/api/projects', '/api/integrations/keys', '/api/audit-events']) {
        const answer = await call(stack, cookies, 'GET', path);
        expect({ path, status: answer.status, code: answer.body['code'] }).toEqual({
          path,
          status: 403,
          code: 'mfa_required',
        });
      }
      expect((await call(stack, cookies, 'POST', '/api/auth/logout')).status).toBe(200);
      expect((await call(stack, cookies, 'GET', '/api/session')).status).toBe(401);
    });

    it('keeps its snapshot on the session row, without a secret in it', async () => {
      const { cookies } = await signInWith(stack, OLIVER, { kind: 'none' });
      const answer = await call(stack, cookies, 'GET', '/api/session');
      expect(answer.status).toBe(200);
      const [row] = (await db(stack).query(`SELECT mfa_snapshot FROM session WHERE ended_at IS NULL AND user_id = $1`, [
        await userIdOf(stack, OLIVER),
      ])) as Array<{ mfa_snapshot: Record<string, unknown> }>;
      expect(row?.mfa_snapshot).toEqual({
        enrolment: 'not_enrolled',
        challenge: 'required',
        usedFactors: [],
        enrolledFactors: [],
        refreshedAt: expect.any(String),
      });
    });

    it('does not affect /v1: an API key works whatever the MFA state of its creator', async () => {
      const priyaSession = await sessionAs(stack, 'partner_admin');
      const key = (await createKey(stack, priyaSession, { name: 'MFA-independent', scopes: ['whoami'] })).key;
      await setRestApiFault(stack, 'unavailable');
      const { cookies } = await signInWith(stack, PRIYA, { kind: 'totp', secret: seedSecret(PRIYA) });
      await setRestApiFault(stack, 'none');
      expect((await call(stack, cookies, 'GET', '/api/dashboard')).status).toBe(403);
      expect((await callV1(stack, '/v1/whoami', key)).status).toBe(200);
    });
  });
});
