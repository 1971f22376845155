import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { aMember } from '@aidial/api/testing';
import { cookieHeader, signIn, startSignInStack, type SignInStack } from './support/sign-in-flow';

/** A signed-in browser: its cookies, including the CSRF token it double-submits on changes. */
type Browser = Record<string, string>;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const ACME = 'Acme Health';
const CLIENT_ADMIN = 'amelia.hart@acme-health.example';
const CLIENT_MANAGER = 'marcus.chen@acme-health.example';
/** The demo's member whose stored role (`billing_clerk`) is not one of the seven. */
const BEN = 'ben.carter@acme-health.example';
/** Another customer tenant's client_admin (Harbour Physio). */
const OTHER_TENANT_ADMIN = 'ella.martin@harbour-physio.example';
/** The administrator of Northwind Partners, which manages Acme Health. */
const MANAGING_PARTNER_ADMIN = 'priya.natarajan@northwind.example';

/**
 * A member whose stored role the portal does not recognise (the demo's `billing_clerk`: left by an older product or a
 * data import) cannot use the portal. Their tenant's administrator repairs that on Team: gives them one of the roles
 * they may assign, or removes them; each change is audited with what the role was. Nobody else can: not the tenant's
 * read-only role, not another tenant's administrator, not the partner that manages the tenant.
 */
describe('Team: a member whose role is not recognised', () => {
  let stack: SignInStack;
  const browsers = new Map<string, Browser>();

  beforeAll(async () => {
    stack = await startSignInStack();
  });
  afterAll(() => stack.close());

  const db = () => stack.api.app.get(DataSource);

  async function as(email: string): Promise<Browser> {
    const known = browsers.get(email);
    if (known) return known;
    const { cookies } = await signIn(stack, email);
    browsers.set(email, cookies);
    return cookies;
  }

  async function call(browser: Browser, method: string, path: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: {
        cookie: cookieHeader(browser),
        'x-xsrf-token': browser['XSRF-TOKEN'] ?? '',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  const refusal = (answer: Answer) => [answer.status, answer.body['code']];
  /** An answer as a client could compare it: everything but the request id. */
  const comparable = (answer: Answer) => ({ status: answer.status, body: { ...answer.body, request_id: undefined } });

  async function tenantId(name: string): Promise<string> {
    const [row] = (await db().query(`SELECT id FROM tenant WHERE name = $1`, [name])) as Array<{ id: string }>;
    if (!row) throw new Error(`no tenant ${name}`);
    return row.id;
  }

  async function membership(id: string): Promise<{ role: string } | undefined> {
    const [row] = (await db().query(`SELECT role FROM membership WHERE id = $1`, [id])) as Array<{ role: string }>;
    return row;
  }

  async function membershipOf(email: string): Promise<string> {
    const [row] = (await db().query(
      `SELECT m.id FROM membership m JOIN portal_user u ON u.id = m.user_id WHERE u.email = $1`,
      [email],
    )) as Array<{ id: string }>;
    if (!row) throw new Error(`${email} has no membership`);
    return row.id;
  }

  /** A new member of Acme Health holding the unrecognised role, as the demo's Ben Carter does. */
  async function aClerk(): Promise<{ membershipId: string; userId: string }> {
    const { user, membership: created } = await aMember(db(), await tenantId(ACME), 'billing_clerk', {
      displayName: 'Legacy Clerk',
    });
    return { membershipId: created.id, userId: user.id };
  }

  async function auditOf(action: string, targetId: string) {
    return (await db().query(
      `SELECT e.tenant_id, e.actor_role, e.outcome, e.details, u.email AS actor_email
         FROM audit_event e LEFT JOIN portal_user u ON u.id = e.actor_user_id
        WHERE e.action = $1 AND e.target_id = $2`,
      [action, targetId],
    )) as Array<{
      tenant_id: string;
      actor_role: string;
      outcome: string;
      details: Record<string, unknown>;
      actor_email: string;
    }>;
  }

  it('is listed with the role as stored, for the portal to say it is not recognised', async () => {
    const answer = await call(await as(CLIENT_ADMIN), 'GET', '/api/team/members');
    expect(answer.status).toBe(200);
    const items = answer.body['items'] as Array<{ email: string; role: string; is_you: boolean }>;
    expect(items.find((item) => item.email === BEN)).toMatchObject({ role: 'billing_clerk', is_you: false });
  });

  it('is given a real role by the client_admin, audited with the old and the new role, and can then sign in', async () => {
    expect((await signIn(stack, BEN)).location).toBe('/access-denied?reason=role_not_recognised');
    const ben = await membershipOf(BEN);

    const changed = await call(await as(CLIENT_ADMIN), 'PUT', `/api/team/members/${ben}/role`, {
      role: 'client_staff',
    });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: ben, email: BEN, role: 'client_staff', is_you: false });
    expect(await membership(ben)).toEqual({ role: 'client_staff' });
    expect(await auditOf('tenancy.member.role_changed', ben)).toEqual([
      {
        tenant_id: await tenantId(ACME),
        actor_role: 'client_admin',
        actor_email: CLIENT_ADMIN,
        outcome: 'success',
        details: expect.objectContaining({ from_role: 'billing_clerk', to_role: 'client_staff', team: 'team' }),
      },
    ]);
    const signedIn = await signIn(stack, BEN);
    expect(signedIn.location).not.toMatch(/access-denied/);
    expect((await call(signedIn.cookies, 'GET', '/api/session')).body['role']).toBe('client_staff');
  });

  it('is removed by the client_admin, audited with the role they held', async () => {
    const clerk = await aClerk();

    const removed = await call(await as(CLIENT_ADMIN), 'DELETE', `/api/team/members/${clerk.membershipId}`);

    expect(removed.status).toBe(204);
    expect(await membership(clerk.membershipId)).toBeUndefined();
    expect(await auditOf('tenancy.member.removed', clerk.membershipId)).toEqual([
      expect.objectContaining({
        actor_email: CLIENT_ADMIN,
        outcome: 'success',
        details: expect.objectContaining({ user_id: clerk.userId, role: 'billing_clerk', team: 'team' }),
      }),
    ]);
    const listed = (await call(await as(CLIENT_ADMIN), 'GET', '/api/team/members')).body['items'] as Array<{
      id: string;
    }>;
    expect(listed.map((item) => item.id)).not.toContain(clerk.membershipId);
  });

  it('cannot be re-assigned or removed by the client_manager: 403 insufficient_role, nothing changes', async () => {
    const clerk = await aClerk();
    const manager = await as(CLIENT_MANAGER);

    const attempts = [
      await call(manager, 'PUT', `/api/team/members/${clerk.membershipId}/role`, { role: 'client_staff' }),
      await call(manager, 'DELETE', `/api/team/members/${clerk.membershipId}`),
    ];

    expect(attempts.map(refusal)).toEqual([
      [403, 'insufficient_role'],
      [403, 'insufficient_role'],
    ]);
    expect(await membership(clerk.membershipId)).toEqual({ role: 'billing_clerk' });
    expect(await auditOf('tenancy.member.role_changed', clerk.membershipId)).toEqual([]);
  });

  it("answers another tenant's client_admin exactly as for an id that does not exist", async () => {
    const clerk = await aClerk();
    const outsider = await as(OTHER_TENANT_ADMIN);
    const missing = randomUUID();

    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['PUT', '/role', { role: 'client_staff' }],
      ['DELETE', '', undefined],
    ] as const) {
      const theirs = await call(outsider, method, `/api/team/members/${clerk.membershipId}${suffix}`, body);
      const nobodys = await call(outsider, method, `/api/team/members/${missing}${suffix}`, body);
      expect(refusal(theirs)).toEqual([404, 'not_found']);
      expect(comparable(theirs)).toEqual(comparable(nobodys));
    }
    expect(await membership(clerk.membershipId)).toEqual({ role: 'billing_clerk' });
  });

  it('cannot be reached by the managing partner through Partner Team either (404 not_found)', async () => {
    const clerk = await aClerk();
    const partner = await as(MANAGING_PARTNER_ADMIN);

    expect(
      refusal(
        await call(partner, 'PUT', `/api/partner/team/members/${clerk.membershipId}/role`, { role: 'partner_user' }),
      ),
    ).toEqual([404, 'not_found']);
    expect(refusal(await call(partner, 'DELETE', `/api/partner/team/members/${clerk.membershipId}`))).toEqual([
      404,
      'not_found',
    ]);
    expect(
      refusal(await call(partner, 'PUT', `/api/team/members/${clerk.membershipId}/role`, { role: 'client_staff' })),
    ).toEqual([404, 'not_found']);
    expect(await membership(clerk.membershipId)).toEqual({ role: 'billing_clerk' });
  });

  it('is refused a role that is not one of a customer tenant’s (400), staying as it was', async () => {
    const clerk = await aClerk();
    for (const role of ['partner_admin', 'aidial_admin', 'billing_clerk']) {
      const answer = await call(await as(CLIENT_ADMIN), 'PUT', `/api/team/members/${clerk.membershipId}/role`, {
        role,
      });
      expect([role, ...refusal(answer)]).toEqual([role, 400, 'validation_failed']);
    }
    expect(await membership(clerk.membershipId)).toEqual({ role: 'billing_clerk' });
  });
});
