import { TEST_CLIENT } from '@aidial/stand-ins/testing';
import { DataSource } from 'typeorm';
import { type Answer, auditCalls } from './support/audit-calls';
import { type SignInStack, signIn, startSignInStack } from './support/sign-in-flow';

const ACME_ADMIN = 'amelia.hart@acme-health.example'; // Acme Health: the organisation the scoped token may act in
const NORTHWIND_ADMIN = 'priya.natarajan@northwind.example'; // Northwind Partners: another organisation, MFA required
const OPTIONAL_ROLE = 'liam.obrien@northwind.example'; // partner_user of Northwind: MFA optional

/**
 * Asks /health/ready until it answers `status` with the identity provider's state known (the rights check runs in the
 * background after boot, and the probe answers 200 while that state is still `unknown`); returns the answer's body.
 */
async function readinessOnceItSays(
  stack: SignInStack,
  status: number,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await fetch(`${stack.api.baseUrl}/health/ready`);
    const body = (await response.json()) as Record<string, unknown>;
    const checks = body['checks'] as { identity_provider?: { status?: string } } | undefined;
    const known = status !== 200 || checks?.identity_provider?.status !== 'unknown';
    if ((response.status === status && known) || Date.now() > deadline) return { status: response.status, body };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the service account's rights at ZITADEL (instance-wide, docs/operators.md)", () => {
  describe('with an instance-wide service account', () => {
    let stack: SignInStack;
    beforeAll(async () => {
      stack = await startSignInStack();
    });
    afterAll(() => stack.close());

    it('reports the identity provider up on the readiness probe', async () => {
      const { body } = await readinessOnceItSays(stack, 200);
      expect(body).toMatchObject({ checks: { identity_provider: { status: 'up' } } });
    });
  });

  // ZITADEL checks the account's rights against the target user's organisation, and every tenant is one: an account
  // whose only membership is in one organisation serves that tenant and refuses the others.
  describe('with a service account scoped to one organisation', () => {
    let stack: SignInStack;
    const calls = auditCalls(() => stack);
    beforeAll(async () => {
      stack = await startSignInStack({ ZITADEL_SERVICE_TOKEN: TEST_CLIENT.orgServiceToken });
    });
    afterAll(() => stack.close());

    it('turns the readiness probe to 503 identity_provider_misconfigured, with nothing of the token', async () => {
      const { status, body } = await readinessOnceItSays(stack, 503);
      expect(status).toBe(503);
      expect(body).toMatchObject({ code: 'identity_provider_misconfigured' });
      expect(JSON.stringify(body)).not.toContain(TEST_CLIENT.orgServiceToken);
    });

    it("ends the sign-in of a mandatory-MFA role in another organisation as session_validation_unavailable, not 'unknown'", async () => {
      const db = stack.api.app.get(DataSource);
      const before = (await db.query(`SELECT count(*)::int AS n FROM session`)) as Array<{ n: number }>;
      const result = await signIn(stack, NORTHWIND_ADMIN);
      expect(result.location).toBe('/access-denied?reason=session_validation_unavailable');
      expect(result.cookies['aidial_session'] ?? '').toBe('');
      const after = (await db.query(`SELECT count(*)::int AS n FROM session`)) as Array<{ n: number }>;
      expect(after[0]?.n).toBe(before[0]?.n);
    });

    it('lets a role that does not need MFA sign in, with its MFA state unknown rather than guessed', async () => {
      const result = await signIn(stack, OPTIONAL_ROLE);
      expect(result.location).toBe('/dashboard');
      const browser = await calls.as(OPTIONAL_ROLE);
      const summary = await calls.call(browser, 'GET', '/api/mfa/summary');
      expect(summary.body).toMatchObject({ policy: 'optional', enrolment: 'unknown', compliant: true });
    });

    it('answers SMS enrolment with 503 identity_provider_misconfigured and changes nothing at ZITADEL', async () => {
      const browser = await calls.as(ACME_ADMIN);
      const answer: Answer = await calls.call(browser, 'POST', '/api/auth/mfa-sms-enrol', { phone: '0491 570 156' });
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ code: 'identity_provider_misconfigured' });
      const methods = await fetch(
        new URL(
          `/v2/users/${encodeURIComponent(await zitadelIdOf(stack, ACME_ADMIN))}/authentication_methods`,
          stack.idp.issuer,
        ),
        { headers: { authorization: `Bearer ${TEST_CLIENT.serviceToken}` } },
      );
      expect(JSON.stringify(await methods.json())).not.toContain('OTP_SMS');
    });
  });
});

async function zitadelIdOf(stack: SignInStack, email: string): Promise<string> {
  const rows = (await stack.api.app
    .get(DataSource)
    .query(`SELECT idp_subject FROM portal_user WHERE email = $1`, [email])) as Array<{ idp_subject: string }>;
  const subject = rows[0]?.idp_subject;
  if (!subject) throw new Error(`no user ${email}`);
  return subject;
}
