import type { Role } from '@aidial/shared/access';
import {
  call,
  db,
  enrolTotp,
  removeTotp,
  resetIdp,
  resetPolicies,
  seedSecret,
  setPolicies,
  signInWith,
  type SecondFactor,
} from './support/mfa-flow';
import { DEMO_USER_OF_ROLE, demoUser, startSignInStack, type SignInStack } from './support/sign-in-flow';
import { clearRateLimits } from '@aidial/api/testing';

/**
 * The MFA compliance step, table-driven over every role × {enrolled and used in this sign-in, not enrolled, enrolled
 * but not used in this sign-in} × {role default, tenant policy required, user policy required}: the enrolment is set
 * at the provider's own pages (dev-idp over HTTP), the policies with SQL, and each case goes through real sign-ins.
 */
type State = 'satisfied' | 'not_enrolled' | 'pending';
type Policies = { readonly tenant: 'role_default' | 'required'; readonly user: 'role_default' | 'required' };

const MANDATORY_ROLES: readonly Role[] = ['partner_admin', 'aidial_admin', 'aidial_operator'];
const INTERNAL_ROLES: readonly Role[] = ['aidial_admin', 'aidial_operator'];
const POLICY_CASES: ReadonlyArray<readonly [string, Policies]> = [
  ['role default', { tenant: 'role_default', user: 'role_default' }],
  ['tenant policy required', { tenant: 'required', user: 'role_default' }],
  ['user policy required', { tenant: 'role_default', user: 'required' }],
];

/** What the spec says, written out independently of the code under test. */
function expected(role: Role, state: State, policies: Policies) {
  const requiredBy = MANDATORY_ROLES.includes(role)
    ? 'role'
    : policies.tenant === 'required'
      ? 'tenant_policy'
      : policies.user === 'required'
        ? 'user_policy'
        : null;
  const required = requiredBy !== null;
  const compliant = state === 'satisfied' || !required;
  const securityStatus =
    state === 'satisfied' ? 'satisfied' : !required ? 'optional' : state === 'not_enrolled' ? 'required' : 'pending';
  return {
    policy: required ? 'required' : 'optional',
    required_by: requiredBy,
    enrolment: state === 'not_enrolled' ? 'not_enrolled' : 'enrolled',
    challenge: state === 'satisfied' ? 'satisfied' : 'required',
    security_status: securityStatus,
    lacking: compliant ? null : state === 'not_enrolled' ? 'not_enrolled' : 'not_used_this_sign_in',
    compliant,
    remediation_path: INTERNAL_ROLES.includes(role) ? '/admin/profile' : '/settings',
  };
}

/** A route of each audience that is not MFA-exempt. */
function protectedRoute(role: Role): string {
  return INTERNAL_ROLES.includes(role) ? '/api/admin/tenants' : '/api/dashboard';
}

describe('MFA compliance: every role × enrolment × challenge × policy', () => {
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

  /** Puts the user's provider state where the case needs it and signs in; returns the session's cookies. */
  async function signInAs(role: Role, state: State): Promise<Record<string, string>> {
    const email = DEMO_USER_OF_ROLE[role];
    const seeded = demoUser(email).mfa.totp?.secret;
    if (seeded && state !== 'satisfied') await removeTotp(stack, email, seeded);
    let factor: SecondFactor = { kind: 'none' };
    if (state === 'satisfied') factor = { kind: 'totp', secret: seeded ?? (await enrolTotp(stack, email)).secret };
    const { cookies } = await signInWith(stack, email, factor, {
      // Enrolled at the provider after the factors were checked and before the portal asked: enrolled, not used.
      beforeCallback: state === 'pending' ? async () => void (await enrolTotp(stack, email)) : undefined,
    });
    return cookies;
  }

  const ROLES_UNDER_TEST = Object.keys(DEMO_USER_OF_ROLE) as Role[];
  const STATES: readonly State[] = ['satisfied', 'not_enrolled', 'pending'];

  it.each(ROLES_UNDER_TEST.flatMap((role) => STATES.map((state) => [role, state] as const)))(
    '%s, %s',
    async (role, state) => {
      const cookies = await signInAs(role, state);
      for (const [, policies] of POLICY_CASES) {
        await setPolicies(stack, DEMO_USER_OF_ROLE[role], policies);
        const want = expected(role, state, policies);
        const context = `${role} ${state} tenant=${policies.tenant} user=${policies.user}`;

        const session = await call(stack, cookies, 'GET', '/api/session');
        expect({ context, status: session.status, mfa: session.body['mfa'] }).toEqual({
          context,
          status: 200,
          mfa: want,
        });

        const summary = await call(stack, cookies, 'GET', '/api/mfa/summary');
        expect({ context, status: summary.status }).toEqual({ context, status: 200 });
        expect({ context, ...summary.body }).toMatchObject({ context, ...want, role });
        expect(summary.body['actions']).toContain('refresh_status');
        expect({ context, disable: (summary.body['actions'] as string[]).includes('open_disable') }).toEqual({
          context,
          disable: want.policy === 'optional' && want.enrolment === 'enrolled',
        });

        const guarded = await call(stack, cookies, 'GET', protectedRoute(role));
        if (want.compliant) {
          expect({ context, status: guarded.status }).toEqual({ context, status: 200 });
        } else {
          expect({ context, status: guarded.status, body: guarded.body }).toEqual({
            context,
            status: 403,
            body: {
              code: 'mfa_required',
              message: expect.any(String),
              request_id: expect.any(String),
              remediation_path: want.remediation_path,
            },
          });
        }
      }
    },
    60_000,
  );

  it('knows which factors the user has and which one this sign-in used', async () => {
    const email = DEMO_USER_OF_ROLE.partner_admin;
    const { cookies } = await signInWith(stack, email, { kind: 'totp', secret: seedSecret(email) });
    const summary = await call(stack, cookies, 'GET', '/api/mfa/summary');
    expect(summary.body).toMatchObject({
      allowed_factors: ['authenticator_app', 'recovery_code'],
      used_factors: ['authenticator_app'],
      display_name: 'Priya Natarajan',
      email,
    });
    expect(Date.parse(summary.body['last_refreshed_at'] as string)).toBeGreaterThan(Date.now() - 60_000);
  });
});
