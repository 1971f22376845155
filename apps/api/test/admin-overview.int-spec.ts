import { DataSource } from 'typeorm';
import { changeUser, whileTenant } from '@aidial/api/testing';
import { type PortalSession, createKey, sessionAs } from './support/api-keys';
import { enrolTotp, removeTotp, resetIdp, seedSecret, setRestApiFault, signInWith } from './support/mfa-flow';
import { DEMO_SEED, cookieHeader, startSignInStack, type SignInStack } from './support/sign-in-flow';

interface Overview {
  tenants_by_status: Array<{ status: string; count: number }>;
  mfa_not_compliant: {
    checked: number;
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
    // The identity provider's state is the readiness check's: wait for the first rights check to come back.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const ready = (await (await fetch(`${stack.api.baseUrl}/health/ready`)).json()) as {
        checks?: { identity_provider?: { status: string } };
      };
      if (ready.checks?.identity_provider?.status === 'up') break;
      await new Promise((done) => setTimeout(done, 100));
    }
  });
  afterEach(async () => {
    await setRestApiFault(stack, 'none');
  });
  afterAll(() => stack.close());

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
