import { heading } from '@aidial/stand-ins/testing';
import { call, resetIdp, resetPolicies, seedSecret, signInWith } from './support/mfa-flow';
import { type SignInStack, startSignInStack } from './support/sign-in-flow';

const PRIYA = 'priya.natarajan@northwind.example'; // partner_admin (MFA required), TOTP
const OLIVER = 'oliver.bennett@northwind.example'; // partner_admin (MFA required), no second factor

/**
 * A ZITADEL that runs login v1 (`ZITADEL_LOGIN_UI=v1`, dev-idp `DEV_IDP_LOGIN_UI=v1`): the ID token's `sid` is no v2
 * session, so the MFA challenge comes from `amr` alone, and MFA setup is the console's page (login v1 has none of its
 * own outside a sign-in).
 */
describe('with ZITADEL login v1', () => {
  let stack: SignInStack;

  beforeAll(async () => {
    stack = await startSignInStack({ ZITADEL_LOGIN_UI: 'v1' }, [], { idpEnv: { DEV_IDP_LOGIN_UI: 'v1' } });
    await resetIdp(stack);
    await resetPolicies(stack);
  });
  afterAll(() => stack.close());

  it('takes a TOTP sign-in as satisfied from amr alone, and the session is compliant', async () => {
    const { cookies } = await signInWith(stack, PRIYA, { kind: 'totp', secret: seedSecret(PRIYA) });
    const summary = await call(stack, cookies, 'GET', '/api/mfa/summary');
    expect(summary.body).toMatchObject({ enrolment: 'enrolled', challenge: 'satisfied', compliant: true });
    expect((await call(stack, cookies, 'GET', '/api/dashboard')).status).toBe(200);
  });

  it('takes a password-only sign-in as required, never unknown', async () => {
    const { cookies } = await signInWith(stack, OLIVER, { kind: 'none' });
    const summary = await call(stack, cookies, 'GET', '/api/mfa/summary');
    expect(summary.body).toMatchObject({ enrolment: 'not_enrolled', challenge: 'required', compliant: false });
  });

  it("opens MFA setup at the console, which knows the user from the browser's sign-in", async () => {
    const { cookies, provider } = await signInWith(stack, OLIVER, { kind: 'none' });
    const answer = await call(stack, cookies, 'POST', '/api/mfa/setup');
    expect(answer.status).toBe(200);
    const url = new URL(answer.body['url'] as string);
    expect(`${url.origin}${url.pathname}${url.search}`).toBe(`${new URL(stack.idp.issuer).origin}/ui/console/users/me`);
    expect(heading(await provider.open(url.href))).toBe('Security settings');
    // Login v1 instances have no login v2 pages.
    expect((await provider.open('/ui/v2/login/mfa/set?loginName=' + encodeURIComponent(OLIVER))).status).toBe(404);
  });
});
