import { DataSource } from 'typeorm';
import { cookieHeader, signIn, startSignInStack, type SignInStack } from './support/sign-in-flow';
import { changeRole } from '@aidial/api/testing';

/** A signed-in browser: its cookies, including the CSRF token it double-submits on changes. */
type Browser = Record<string, string>;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

interface MemberBody {
  id: string;
  user_id: string;
  email: string;
  display_name: string;
  role: string;
  project_scope: string;
  is_you: boolean;
}

/** Team (customer tenants) and Partner Team share one implementation; each is exercised through its own routes. */
const TEAMS = [
  {
    name: 'Team',
    base: '/api/team',
    tenant: 'Acme Health',
    admin: 'amelia.hart@acme-health.example',
    reader: 'marcus.chen@acme-health.example',
    other: 'sofia.rossi@acme-health.example',
    otherRole: 'client_staff',
    changedRole: 'client_manager',
    inviteRole: 'client_staff',
    foreignRoles: ['partner_user', 'partner_admin', 'aidial_admin', 'billing_clerk', ''],
    outsiders: ['priya.natarajan@northwind.example', 'liam.obrien@northwind.example'],
  },
  {
    name: 'Partner Team',
    base: '/api/partner/team',
    tenant: 'Northwind Partners',
    admin: 'priya.natarajan@northwind.example',
    reader: 'liam.obrien@northwind.example',
    other: 'liam.obrien@northwind.example',
    otherRole: 'partner_user',
    changedRole: 'partner_admin',
    inviteRole: 'partner_user',
    foreignRoles: ['client_admin', 'client_staff', 'aidial_operator', 'billing_clerk', ''],
    outsiders: ['amelia.hart@acme-health.example', 'marcus.chen@acme-health.example'],
  },
] as const;

describe('Team and Partner Team', () => {
  let stack: SignInStack;
  const browsers = new Map<string, Browser>();

  beforeAll(async () => {
    stack = await startSignInStack();
  });
  afterAll(() => stack.close());

  const db = () => stack.api.app.get(DataSource);

  /** One signed-in browser per person, reused across tests. */
  async function as(email: string): Promise<Browser> {
    const known = browsers.get(email);
    if (known) return known;
    const { cookies } = await signIn(stack, email);
    browsers.set(email, cookies);
    return cookies;
  }

  async function call(browser: Browser, method: string, path: string, body?: unknown, csrf = true): Promise<Answer> {
    const response = await fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: {
        cookie: cookieHeader(browser),
        ...(csrf ? { 'x-xsrf-token': browser['XSRF-TOKEN'] ?? '' } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  const refusal = (answer: Answer) => [answer.status, answer.body['code']];

  async function membershipId(email: string, tenantName: string): Promise<string> {
    const [row] = (await db().query(
      `SELECT m.id FROM membership m JOIN portal_user u ON u.id = m.user_id JOIN tenant t ON t.id = m.tenant_id
        WHERE u.email = $1 AND t.name = $2`,
      [email, tenantName],
    )) as Array<{ id: string }>;
    if (!row) throw new Error(`${email} is not a member of ${tenantName}`);
    return row.id;
  }

  async function membersOf(tenantName: string): Promise<string[]> {
    const rows = (await db().query(
      `SELECT u.email FROM membership m JOIN portal_user u ON u.id = m.user_id JOIN tenant t ON t.id = m.tenant_id
        WHERE t.name = $1`,
      [tenantName],
    )) as Array<{ email: string }>;
    return rows.map((row) => row.email).sort();
  }

  describe.each(TEAMS)('$name', (team) => {
    it('lists the members of the caller’s own tenant, marking the caller', async () => {
      const answer = await call(await as(team.admin), 'GET', `${team.base}/members`);
      expect(answer.status).toBe(200);
      const items = answer.body['items'] as MemberBody[];
      expect(items.map((item) => item.email).sort()).toEqual(await membersOf(team.tenant));
      expect(items.filter((item) => item.is_you).map((item) => item.email)).toEqual([team.admin]);
      const other = items.find((item) => item.email === team.other);
      expect(other).toEqual({
        id: await membershipId(team.other, team.tenant),
        user_id: expect.any(String),
        email: team.other,
        display_name: expect.any(String),
        role: team.otherRole,
        project_scope: team.other.startsWith('sofia') ? 'selected' : 'all',
        is_you: false,
      });
    });

    it('shows one member by membership id', async () => {
      const id = await membershipId(team.other, team.tenant);
      const answer = await call(await as(team.admin), 'GET', `${team.base}/members/${id}`);
      expect(answer.body).toMatchObject({ id, email: team.other, role: team.otherRole, is_you: false });
    });

    it('lets the read-only role read members and invitations', async () => {
      const reader = await as(team.reader);
      expect((await call(reader, 'GET', `${team.base}/members`)).status).toBe(200);
      expect((await call(reader, 'GET', `${team.base}/invitations`)).status).toBe(200);
    });

    it('refuses every change to the read-only role with 403 insufficient_role', async () => {
      const reader = await as(team.reader);
      const invited = await call(await as(team.admin), 'POST', `${team.base}/invitations`, {
        email: `read-only-check@${team.name === 'Team' ? 'acme-health' : 'northwind'}.example`,
        role: team.inviteRole,
      });
      expect(invited.status).toBe(201);
      const memberId = await membershipId(team.admin, team.tenant);
      const changes: Array<[string, string, unknown]> = [
        ['POST', `${team.base}/invitations`, { email: 'someone@example.test', role: team.inviteRole }],
        ['DELETE', `${team.base}/invitations/${String(invited.body['id'])}`, undefined],
        ['PUT', `${team.base}/members/${memberId}/role`, { role: team.inviteRole }],
        ['DELETE', `${team.base}/members/${memberId}`, undefined],
      ];
      for (const [method, path, body] of changes) {
        expect([method, path, ...refusal(await call(reader, method, path, body))]).toEqual([
          method,
          path,
          403,
          'insufficient_role',
        ]);
      }
      expect(await membersOf(team.tenant)).toContain(team.admin);
    });

    it('answers 404 to roles outside the section', async () => {
      for (const email of team.outsiders) {
        expect(refusal(await call(await as(email), 'GET', `${team.base}/members`))).toEqual([404, 'not_found']);
      }
    });

    it('needs the CSRF token on every change', async () => {
      const admin = await as(team.admin);
      const id = await membershipId(team.other, team.tenant);
      for (const [method, path, body] of [
        ['POST', `${team.base}/invitations`, { email: 'csrf-check@example.test', role: team.inviteRole }],
        ['PUT', `${team.base}/members/${id}/role`, { role: team.changedRole }],
        ['DELETE', `${team.base}/members/${id}`, undefined],
      ] as const) {
        expect(refusal(await call(admin, method, path, body, false))).toEqual([403, 'csrf_failed']);
      }
      expect(await membersOf(team.tenant)).toContain(team.other);
    });

    it('invites by email, stored lower-case, and lists the invitation', async () => {
      const admin = await as(team.admin);
      const answer = await call(admin, 'POST', `${team.base}/invitations`, {
        email: 'Nina.Park@Example.TEST',
        role: team.inviteRole,
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({
        id: expect.any(String),
        email: 'nina.park@example.test',
        role: team.inviteRole,
        created_at: expect.any(String),
      });
      const listed = (await call(admin, 'GET', `${team.base}/invitations`)).body['items'] as Array<{ id: string }>;
      expect(listed.map((item) => item.id)).toContain(answer.body['id']);
    });

    it('refuses a second invitation to the same address in any spelling with 409 invitation_exists', async () => {
      const admin = await as(team.admin);
      const first = await call(admin, 'POST', `${team.base}/invitations`, {
        email: 'twice@example.test',
        role: team.inviteRole,
      });
      expect(first.status).toBe(201);
      const again = await call(admin, 'POST', `${team.base}/invitations`, {
        email: 'TWICE@example.test',
        role: team.changedRole,
      });
      expect(refusal(again)).toEqual([409, 'invitation_exists']);
    });

    it('refuses to invite someone who is already a member with 409 member_exists', async () => {
      const answer = await call(await as(team.admin), 'POST', `${team.base}/invitations`, {
        email: team.other.toUpperCase(),
        role: team.inviteRole,
      });
      expect(refusal(answer)).toEqual([409, 'member_exists']);
    });

    it.each(team.foreignRoles)('refuses the role "%s", not one of this kind of tenant, with 400', async (role) => {
      const admin = await as(team.admin);
      const invite = await call(admin, 'POST', `${team.base}/invitations`, { email: 'role-check@example.test', role });
      expect(refusal(invite)).toEqual([400, 'validation_failed']);
      expect(invite.body['fields']).toEqual([expect.objectContaining({ field: 'role' })]);
      const id = await membershipId(team.other, team.tenant);
      expect(refusal(await call(admin, 'PUT', `${team.base}/members/${id}/role`, { role }))).toEqual([
        400,
        'validation_failed',
      ]);
    });

    it('refuses a malformed email, a missing role and unknown fields with 400 validation_failed', async () => {
      const admin = await as(team.admin);
      for (const body of [
        { email: 'not-an-email', role: team.inviteRole },
        { email: 'someone@example.test' },
        { email: 'someone@example.test', role: team.inviteRole, tenant_id: 'x' },
      ]) {
        expect(refusal(await call(admin, 'POST', `${team.base}/invitations`, body))).toEqual([
          400,
          'validation_failed',
        ]);
      }
    });

    it('withdraws an invitation (204), after which it is not found', async () => {
      const admin = await as(team.admin);
      const invited = await call(admin, 'POST', `${team.base}/invitations`, {
        email: 'withdrawn@example.test',
        role: team.inviteRole,
      });
      const path = `${team.base}/invitations/${String(invited.body['id'])}`;
      expect((await call(admin, 'DELETE', path)).status).toBe(204);
      expect(refusal(await call(admin, 'DELETE', path))).toEqual([404, 'not_found']);
      const listed = (await call(admin, 'GET', `${team.base}/invitations`)).body['items'] as Array<{ id: string }>;
      expect(listed.map((item) => item.id)).not.toContain(invited.body['id']);
    });

    it('changes another member’s role, ending their sessions here: they sign in again with the new role', async () => {
      const admin = await as(team.admin);
      const id = await membershipId(team.other, team.tenant);
      const before = await as(team.other);
      try {
        const changed = await call(admin, 'PUT', `${team.base}/members/${id}/role`, { role: team.changedRole });
        expect(changed.body).toMatchObject({ id, email: team.other, role: team.changedRole });
        expect(refusal(await call(before, 'GET', '/api/session'))).toEqual([401, 'unauthenticated']);
        browsers.delete(team.other);
        expect((await call(await as(team.other), 'GET', '/api/session')).body['role']).toBe(team.changedRole);
      } finally {
        await call(admin, 'PUT', `${team.base}/members/${id}/role`, { role: team.otherRole });
        browsers.delete(team.other);
      }
      expect((await call(admin, 'GET', `${team.base}/members/${id}`)).body['role']).toBe(team.otherRole);
    });

    it('refuses to change or remove your own membership with 409 own_membership', async () => {
      const admin = await as(team.admin);
      const own = await membershipId(team.admin, team.tenant);
      expect(refusal(await call(admin, 'PUT', `${team.base}/members/${own}/role`, { role: team.inviteRole }))).toEqual([
        409,
        'own_membership',
      ]);
      expect(refusal(await call(admin, 'DELETE', `${team.base}/members/${own}`))).toEqual([409, 'own_membership']);
      expect((await call(admin, 'GET', '/api/session')).status).toBe(200);
    });

    it('refuses to change or remove a member whose role you could not give, with 403 role_not_assignable', async () => {
      const admin = await as(team.admin);
      const id = await membershipId(team.other, team.tenant);
      await changeRole(db(), id, 'aidial_admin');
      try {
        expect(refusal(await call(admin, 'PUT', `${team.base}/members/${id}/role`, { role: team.inviteRole }))).toEqual(
          [403, 'role_not_assignable'],
        );
        expect(refusal(await call(admin, 'DELETE', `${team.base}/members/${id}`))).toEqual([
          403,
          'role_not_assignable',
        ]);
      } finally {
        await changeRole(db(), id, team.otherRole);
      }
    });
  });

  describe('an invitation accepted at sign-in', () => {
    const AVA = 'ava.morris@acme-health.example';

    it('runs the whole Team lifecycle: invite, accept at a real sign-in, change the role, remove', async () => {
      const amelia = await as('amelia.hart@acme-health.example');

      const before = await signIn(stack, AVA);
      expect(before.location).toBe('/access-denied?reason=no_membership');

      const invited = await call(amelia, 'POST', '/api/team/invitations', {
        email: 'Ava.Morris@acme-health.example',
        role: 'client_manager',
      });
      expect(invited.status).toBe(201);

      const accepted = await signIn(stack, AVA);
      expect(accepted.location).toBe('/dashboard');
      const ava = accepted.cookies;
      const session = await call(ava, 'GET', '/api/session');
      expect(session.body).toMatchObject({ role: 'client_manager', tenant: { name: 'Acme Health' } });
      expect((await call(ava, 'GET', '/api/team/members')).status).toBe(200);

      const invitations = (await call(amelia, 'GET', '/api/team/invitations')).body['items'] as Array<{
        email: string;
      }>;
      expect(invitations.map((item) => item.email)).not.toContain(AVA);
      const members = (await call(amelia, 'GET', '/api/team/members')).body['items'] as MemberBody[];
      const member = members.find((item) => item.email === AVA);
      expect(member).toMatchObject({ role: 'client_manager', project_scope: 'all', is_you: false });

      const id = member?.id ?? '';
      expect((await call(amelia, 'PUT', `/api/team/members/${id}/role`, { role: 'client_staff' })).status).toBe(200);
      // The role change ended her session: she signs in again and gets a fresh one with the new role.
      expect(refusal(await call(ava, 'GET', '/api/team/members'))).toEqual([401, 'unauthenticated']);
      const demoted = (await signIn(stack, AVA)).cookies;
      expect((await call(demoted, 'GET', '/api/session')).body).toMatchObject({ role: 'client_staff' });
      expect((await call(demoted, 'GET', '/api/team/members')).status).toBe(404);

      expect((await call(amelia, 'DELETE', `/api/team/members/${id}`)).status).toBe(204);
      expect(refusal(await call(demoted, 'GET', '/api/session'))).toEqual([401, 'unauthenticated']);
      expect(refusal(await call(amelia, 'GET', `/api/team/members/${id}`))).toEqual([404, 'not_found']);
      expect((await signIn(stack, AVA)).location).toBe('/access-denied?reason=no_membership');
    });

    it('invites to the partner tenant the same way: the invitee lands with the invited partner role', async () => {
      const priya = await as('priya.natarajan@northwind.example');
      const invited = await call(priya, 'POST', '/api/partner/team/invitations', {
        email: 'AVA.MORRIS@acme-health.example',
        role: 'partner_user',
      });
      expect(invited.status).toBe(201);
      const accepted = await signIn(stack, AVA);
      expect(accepted.location).toBe('/dashboard');
      expect((await call(accepted.cookies, 'GET', '/api/session')).body).toMatchObject({
        role: 'partner_user',
        tenant: { name: 'Northwind Partners' },
      });
      const id = await membershipId(AVA, 'Northwind Partners');
      expect((await call(priya, 'DELETE', `/api/partner/team/members/${id}`)).status).toBe(204);
      expect(refusal(await call(accepted.cookies, 'GET', '/api/partner/team/members'))).toEqual([
        401,
        'unauthenticated',
      ]);
    });
  });
});
