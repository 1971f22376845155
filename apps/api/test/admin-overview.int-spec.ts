import { DataSource } from 'typeorm';
import { aMember, changeUser, findTenantId, findUserId, resetMfaPolicies, whileTenant } from '@aidial/api/testing';
import { ServiceAccountRights } from '@aidial/api/zitadel';
import { type PortalSession, createKey, sessionAs } from './support/api-keys';
import { eventually } from './support/eventually';
import { enrolTotp, removeTotp, resetIdp, seedSecret, setRestApiFault, signInWith } from './support/mfa-flow';
import { DEMO_SEED, cookieHeader, startSignInStack, type SignInStack } from './support/sign-in-flow';

interface Overview {
  tenants_by_status: Array<{ status: string; count: number }>;
  mfa_not_compliant: {
    checked: number;
    unchecked: number;
    truncated: boolean;
    members: Array<{
      user_id: string;
      display_name: string | null;
      email: string | null;
      tenant: { id: string; name: string };
      role: string;
      required_by: string;
      missing: string;
    }>;
  };
  identity_provider: string;
}

const SEED_TENANTS = DEMO_SEED.tenants as Array<{ status: string }>;
const OLIVER = 'oliver.bennett@northwind.example';
/** The overview's deadline for the identity provider's answers (MFA_CHECK_DEADLINE_MS). */
const PROVIDER_DEADLINE_MS = 2_500;

/** The body with its request id blanked: what must be identical between two refusals. */
async function withoutRequestId(response: Response): Promise<string> {
  return (await response.text()).replace(/"request_id":"[^"]*"/, '"request_id":""');
}

describe('the admin home’s overview (GET /api/admin/overview)', () => {
  let stack: SignInStack;
  let admin: PortalSession;
  let operator: PortalSession;

  beforeAll(async () => {
    stack = await startSignInStack();
    admin = await sessionAs(stack, 'aidial_admin');
    operator = await sessionAs(stack, 'aidial_operator');
    // The identity provider's state is the readiness check's, and the overview asks the provider only while it is
    // `up`: wait for the first rights check to come back, and stop here if it never does.
    await expectIdentityProviderUp();
  }, 60_000);
  afterEach(async () => {
    await setRestApiFault(stack, 'none');
  });
  afterAll(() => stack.close());

  const readiness = async () =>
    (
      (await (await fetch(`${stack.api.baseUrl}/health/ready`)).json()) as {
        checks?: { identity_provider?: { status: string } };
      }
    ).checks?.identity_provider?.status;
  async function expectIdentityProviderUp(): Promise<void> {
    const state = await eventually(readiness, (status) => status === 'up', 20_000);
    if (state !== 'up') {
      throw new Error(`the readiness probe still reports the identity provider as ${String(state)} after 20 s`);
    }
  }
  const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const started = Date.now();
    const value = await work();
    return { value, ms: Date.now() - started };
  };

  const overviewOf = async (session: PortalSession): Promise<Overview> => {
    const response = await fetch(`${stack.api.baseUrl}/api/admin/overview`, { headers: session.read });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    return (await response.json()) as Overview;
  };
  const emailsOf = (overview: Overview) => overview.mfa_not_compliant.members.map((member) => member.email);

  it.each([
    ['aidial_admin', () => admin],
    ['aidial_operator', () => operator],
  ])('gives %s the tenants by status, as the database holds them', async (_, session) => {
    const overview = await overviewOf(session());
    const count = (status: string) => SEED_TENANTS.filter((tenant) => tenant.status === status).length;
    expect(overview.tenants_by_status).toEqual([
      { status: 'active', count: count('active') },
      { status: 'suspended', count: count('suspended') },
      { status: 'closed', count: 0 },
    ]);
    expect(overview.identity_provider).toBe('up');
  });

  it('lists a member of a mandatory-MFA role with no second factor, and none who has one', async () => {
    const overview = await overviewOf(admin);
    // partner_admin, aidial_admin and aidial_operator: Priya, Grace and Noah have an authenticator app, Oliver nothing.
    expect(overview.mfa_not_compliant.checked).toBe(4);
    expect(overview.mfa_not_compliant.truncated).toBe(false);
    const [oliver] = overview.mfa_not_compliant.members;
    expect(overview.mfa_not_compliant.members).toHaveLength(1);
    expect(oliver).toMatchObject({
      display_name: 'Oliver Bennett',
      email: OLIVER,
      tenant: { name: 'Northwind Partners' },
      role: 'partner_admin',
      required_by: 'role',
      missing: 'no_second_factor',
    });
    // The id leads to the user's page in the admin area.
    const user = await fetch(`${stack.api.baseUrl}/api/admin/users/${oliver?.user_id}`, { headers: admin.read });
    expect(((await user.json()) as { email: string }).email).toBe(OLIVER);
  });

  it('adds the members a tenant’s or a user’s policy makes MFA mandatory for, named by that rule', async () => {
    const ds = stack.api.app.get(DataSource);
    await whileTenant(ds, { name: 'Harbour Physio' }, { mfaPolicy: 'required' }, async () => {
      await changeUser(ds, { email: 'marcus.chen@acme-health.example' }, { mfaPolicy: 'required' });
      try {
        const members = (await overviewOf(admin)).mfa_not_compliant.members;
        expect(members.find((member) => member.email === 'ella.martin@harbour-physio.example')).toMatchObject({
          required_by: 'tenant_policy',
          missing: 'no_second_factor',
        });
        expect(members.find((member) => member.email === 'marcus.chen@acme-health.example')).toMatchObject({
          required_by: 'user_policy',
          missing: 'no_second_factor',
        });
        // Amelia's MFA stays optional: she is not listed.
        expect(members.map((member) => member.email)).not.toContain('amelia.hart@acme-health.example');
      } finally {
        await changeUser(ds, { email: 'marcus.chen@acme-health.example' }, { mfaPolicy: 'role_default' });
      }
    });
  });

  it('leaves out members of a suspended tenant, and people whose role the portal does not recognise', async () => {
    const ds = stack.api.app.get(DataSource);
    await whileTenant(ds, { name: 'Coastal Realty' }, { mfaPolicy: 'required' }, async () => {
      await whileTenant(ds, { name: 'Acme Health' }, { mfaPolicy: 'required' }, async () => {
        const emails = emailsOf(await overviewOf(admin));
        expect(emails).toContain('amelia.hart@acme-health.example');
        expect(emails).not.toContain('zoe.taylor@coastal-realty.example');
        expect(emails).not.toContain('ben.carter@acme-health.example');
        // Chloe has the SMS factor: enrolled.
        expect(emails).not.toContain('chloe.nguyen@acme-health.example');
      });
    });
  });

  it('says enrolment is unknown, never that a member is compliant, when the identity provider cannot be asked', async () => {
    await setRestApiFault(stack, 'unavailable');
    const overview = await overviewOf(admin);
    expect(overview.mfa_not_compliant.members.map((member) => [member.email, member.missing])).toEqual(
      expect.arrayContaining([
        ['grace.okafor@aidial.example', 'enrolment_unknown'],
        ['priya.natarajan@northwind.example', 'enrolment_unknown'],
        [OLIVER, 'enrolment_unknown'],
      ]),
    );
    expect(overview.mfa_not_compliant.members).toHaveLength(4);
    // None of the four was answered: the page cannot say all of them have a second factor.
    expect(overview.mfa_not_compliant).toMatchObject({ checked: 0, unchecked: 4 });
  });

  it('counts each person once, and only memberships with one of the seven roles, however many they hold', async () => {
    const ds = stack.api.app.get(DataSource);
    await whileTenant(ds, { name: 'Acme Health' }, { mfaPolicy: 'required' }, async () => {
      const before = (await overviewOf(admin)).mfa_not_compliant;
      // Ben Carter's role at Acme Health is not recognised: he signs in to 403, and is not counted.
      expect(before.members.map((member) => member.email)).not.toContain('ben.carter@acme-health.example');
      const acme = await findTenantId(ds, { name: 'Acme Health' });
      const oliver = await findUserId(ds, { email: OLIVER });
      const clerk = await aMember(ds, acme, 'billing_clerk', { displayName: 'Legacy Clerk', mfaPolicy: 'required' });
      await ds.query(`INSERT INTO membership (user_id, tenant_id, role) VALUES ($1, $2, 'client_admin')`, [
        oliver,
        acme,
      ]);
      try {
        const after = (await overviewOf(admin)).mfa_not_compliant;
        // Oliver is listed for both organisations, asked about and counted once; the clerk not at all.
        expect(after.checked + after.unchecked).toBe(before.checked + before.unchecked);
        expect(after.checked).toBe(before.checked);
        expect(after.members.filter((member) => member.email === OLIVER).map((member) => member.tenant.name)).toEqual([
          'Acme Health',
          'Northwind Partners',
        ]);
        expect(after.members.map((member) => member.display_name)).not.toContain('Legacy Clerk');
      } finally {
        await ds.query(`DELETE FROM membership WHERE user_id = $1 AND tenant_id = $2`, [oliver, acme]);
        await ds.query(`DELETE FROM membership WHERE user_id = $1`, [clerk.user.id]);
      }
    });
  });

  describe('with a slow identity provider', () => {
    const ds = () => stack.api.app.get(DataSource);
    beforeEach(async () => {
      // Every organisation's policy requires MFA: more people than one round of the provider's questions.
      await ds().query(`UPDATE tenant SET mfa_policy = 'required'`);
    });
    afterEach(async () => {
      await resetMfaPolicies(ds());
    });

    it('answers within its deadline, saying how many people it could not check', async () => {
      const people = (await overviewOf(admin)).mfa_not_compliant;
      expect(people.unchecked).toBe(0);
      const total = people.checked;
      // Three rounds of five, each call waiting out the 3 s timeout: 9 s without the deadline.
      expect(total).toBeGreaterThan(10);

      await setRestApiFault(stack, 'slow');
      const { value: overview, ms } = await timed(() => overviewOf(admin));

      expect(ms).toBeLessThan(PROVIDER_DEADLINE_MS + 1_500);
      expect(overview.identity_provider).toBe('up');
      expect(overview.mfa_not_compliant).toMatchObject({ checked: 0, unchecked: total, truncated: false });
      expect(new Set(overview.mfa_not_compliant.members.map((member) => member.missing))).toEqual(
        new Set(['enrolment_unknown']),
      );
    }, 30_000);

    it('does not ask at all while the readiness check does not report it up', async () => {
      const rights = stack.api.app.get(ServiceAccountRights);
      await setRestApiFault(stack, 'unavailable');
      expect((await rights.check()).status).toBe('unknown');
      try {
        await setRestApiFault(stack, 'slow');
        const { value: overview, ms } = await timed(() => overviewOf(admin));

        // Well under one call's 3 s timeout: nobody was asked.
        expect(ms).toBeLessThan(1_500);
        expect(overview.identity_provider).toBe('unknown');
        expect(overview.mfa_not_compliant.checked).toBe(0);
        expect(overview.mfa_not_compliant.unchecked).toBeGreaterThan(10);
        expect(overview.mfa_not_compliant.members.every((member) => member.missing === 'enrolment_unknown')).toBe(true);
      } finally {
        await setRestApiFault(stack, 'none');
        await rights.check();
        await expectIdentityProviderUp();
      }
    }, 30_000);
  });

  describe('its guard', () => {
    const overviewFor = (headers: Record<string, string>) =>
      fetch(`${stack.api.baseUrl}/api/admin/overview`, { headers });

    it('answers 401 without a session, whatever scope or key headers come with it', async () => {
      const response = await overviewFor({
        'x-aidial-tenant': '5f0c7a52-9d53-4c39-9d59-0c3f2d6e8a11',
        'x-api-key': 'aidial_abcdefghijkl_forgedforgedforgedforgedforgedforgedforge',
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { code: string }).code).toBe('unauthenticated');
    });

    it.each(['client_admin', 'client_manager', 'client_staff', 'partner_admin', 'partner_user'])(
      'answers %s 404, exactly as for a path that does not exist',
      async (role) => {
        const session = await sessionAs(stack, role);
        const refused = await overviewFor({ ...session.read, 'x-aidial-tenant': 'aidial' });
        const missing = await fetch(`${stack.api.baseUrl}/api/admin/no-such-page`, { headers: session.read });
        expect(refused.status).toBe(404);
        expect(await withoutRequestId(refused)).toBe(await withoutRequestId(missing));
      },
    );

    it('refuses an AiDial operator whose sign-in did not use a second factor (403 mfa_required)', async () => {
      const email = 'noah.williams@aidial.example';
      // Enrolled at the provider only after the factors were checked: enrolled, but not used in this sign-in.
      await removeTotp(stack, email, seedSecret(email));
      try {
        const { cookies } = await signInWith(
          stack,
          email,
          { kind: 'none' },
          {
            beforeCallback: async () => void (await enrolTotp(stack, email)),
          },
        );
        const response = await overviewFor({ cookie: cookieHeader(cookies) });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'mfa_required', remediation_path: '/admin/profile' });
      } finally {
        await resetIdp(stack);
      }
    });

    it('has no /v1 counterpart: an AiDial administrator’s key does not reach it', async () => {
      const created = await createKey(stack, admin, { name: 'Overview', scopes: ['platform:read'] });
      for (const path of ['/v1/admin/overview', '/api/admin/overview']) {
        const response = await fetch(`${stack.api.baseUrl}${path}`, { headers: { 'x-api-key': created.key } });
        expect([path, response.status]).toEqual([path, path.startsWith('/v1') ? 404 : 401]);
      }
    });
  });
});
