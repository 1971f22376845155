import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO_SEED, cookieHeader, signIn, startSignInStack, type SignInStack } from './support/sign-in-flow';

const ADMIN = 'grace.okafor@aidial.example';
const OPERATOR = 'noah.williams@aidial.example';
const CLIENT_ADMIN = 'amelia.hart@acme-health.example';
const PARTNER_ADMIN = 'priya.natarajan@northwind.example';
const CLIENT_STAFF = 'sofia.rossi@acme-health.example';
/** Not signed in by these tests: their memberships are changed freely. */
const OLIVER = 'oliver.bennett@northwind.example';
const ZOE = 'zoe.taylor@coastal-realty.example';

interface Membership {
  tenant: { id: string; name: string; kind: string; status: string };
  role: string;
  role_recognised: boolean;
  project_scope: string;
}
interface User {
  id: string;
  email: string | null;
  display_name: string | null;
  status: string;
  memberships: Membership[];
  created_at: string;
}
interface UserPage {
  items: User[];
  next_cursor: string | null;
}

const SEED_EMAILS = DEMO_SEED.users.map((user) => user.email);

/** The body with its request id blanked: what must be byte-identical between a malformed and a missing id. */
async function withoutRequestId(response: Response): Promise<string> {
  return (await response.text()).replace(/"request_id":"[^"]*"/, '"request_id":""');
}

describe('the admin area: users and memberships (/api/admin/users)', () => {
  let stack: SignInStack;
  const cookiesOf = new Map<string, Record<string, string>>();
  const tenantIds = new Map<string, string>();

  beforeAll(async () => {
    stack = await startSignInStack();
    for (const email of [ADMIN, OPERATOR, CLIENT_ADMIN, PARTNER_ADMIN, CLIENT_STAFF]) {
      cookiesOf.set(email, (await signIn(stack, email)).cookies);
    }
    const rows = (await stack.api.app.get(DataSource).query(`SELECT id, name FROM tenant`)) as Array<{
      id: string;
      name: string;
    }>;
    for (const row of rows) tenantIds.set(row.name, row.id);
  });
  afterAll(() => stack.close());

  function tenantId(name: string): string {
    const id = tenantIds.get(name);
    if (!id) throw new Error(`no tenant ${name}`);
    return id;
  }

  /** A browser call as `email`; unsafe methods carry the CSRF header unless told otherwise. */
  function call(
    email: string,
    method: string,
    path: string,
    body?: unknown,
    { csrf = true }: { csrf?: boolean } = {},
  ): Promise<Response> {
    const cookies = cookiesOf.get(email) ?? {};
    return fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: {
        cookie: cookieHeader(cookies),
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(csrf && method !== 'GET' ? { 'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  }

  async function list(query: Record<string, string>): Promise<UserPage> {
    const response = await call(ADMIN, 'GET', `/api/admin/users?${new URLSearchParams(query).toString()}`);
    expect(response.status).toBe(200);
    return (await response.json()) as UserPage;
  }

  async function userByEmail(email: string): Promise<User> {
    const found = (await list({ q: email })).items.find((user) => user.email === email);
    if (!found) throw new Error(`no user ${email}`);
    return found;
  }

  const assign = async (email: string, tenant: string, role: string, caller = ADMIN) =>
    call(caller, 'PUT', `/api/admin/users/${(await userByEmail(email)).id}/memberships/${tenantId(tenant)}`, { role });

  const remove = async (email: string, tenant: string, caller = ADMIN, options?: { csrf?: boolean }) =>
    call(
      caller,
      'DELETE',
      `/api/admin/users/${(await userByEmail(email)).id}/memberships/${tenantId(tenant)}`,
      undefined,
      options,
    );

  describe('reading', () => {
    it('lists a user with their memberships: tenant, role, whether the role is recognised, project scope', async () => {
      expect(await userByEmail(CLIENT_ADMIN)).toEqual({
        id: expect.any(String),
        email: CLIENT_ADMIN,
        display_name: 'Amelia Hart',
        status: 'active',
        memberships: [
          {
            tenant: { id: tenantId('Acme Health'), name: 'Acme Health', kind: 'customer', status: 'active' },
            role: 'client_admin',
            role_recognised: true,
            project_scope: 'all',
          },
        ],
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect((await userByEmail(CLIENT_STAFF)).memberships).toMatchObject([{ project_scope: 'selected' }]);
    });

    it('shows a stored role that is not one of the seven as it is, marked not recognised', async () => {
      expect((await userByEmail('ben.carter@acme-health.example')).memberships).toMatchObject([
        { role: 'billing_clerk', role_recognised: false },
      ]);
    });

    it.each([
      [
        'part of an email address, in any case',
        '@NORTHWIND.EXAMPLE',
        SEED_EMAILS.filter((e) => e.endsWith('@northwind.example')),
      ],
      ['part of a display name, in any case', "o'BRIEN", ['liam.obrien@northwind.example']],
      ['nothing that exists', 'nobody-has-this', []],
    ])('searches %s', async (_what, q, expected) => {
      const { items } = await list({ q, limit: '100' });
      expect(items.map((user) => user.email).sort()).toEqual([...expected].sort());
    });

    it('pages through every user in email order, each once, until next_cursor is null', async () => {
      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      do {
        const page: UserPage = await list({ limit: '4', ...(cursor ? { cursor } : {}) });
        sizes.push(page.items.length);
        seen.push(...page.items.map((user) => user.id));
        cursor = page.next_cursor;
      } while (cursor);
      const all = (await list({ limit: '100' })).items;
      expect(all.length).toBeGreaterThan(8);
      expect(seen).toEqual(all.map((user) => user.id));
      expect(sizes.slice(0, -1).every((size) => size === 4)).toBe(true);
      // The database's own collation decides the order of lower-case emails.
      const ordered = (await stack.api.app
        .get(DataSource)
        .query(`SELECT id FROM portal_user ORDER BY coalesce(lower(email), ''), id`)) as Array<{ id: string }>;
      expect(seen).toEqual(ordered.map((row) => row.id));
      expect(all.map((user) => user.email)).toEqual(expect.arrayContaining(SEED_EMAILS));
    });

    it.each([
      ['a malformed cursor', { cursor: '%%%' }, 'cursor'],
      ['a cursor that decodes to something else', { cursor: Buffer.from('["a","b"]').toString('base64url') }, 'cursor'],
      ['a limit of 0', { limit: '0' }, 'limit'],
      ['a limit above 100', { limit: '101' }, 'limit'],
      ['an unknown parameter', { role: 'client_admin' }, 'role'],
    ])('answers %s with 400 validation_failed naming the field', async (_why, query, field) => {
      const response = await call(ADMIN, 'GET', `/api/admin/users?${new URLSearchParams(query).toString()}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { code: string; fields: Array<{ field: string }> };
      expect(body.code).toBe('validation_failed');
      expect(body.fields.map((error) => error.field)).toContain(field);
    });

    it('reads one user by id, as the list shows them', async () => {
      const user = await userByEmail(PARTNER_ADMIN);
      const response = await call(ADMIN, 'GET', `/api/admin/users/${user.id}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(user);
    });
  });

  describe('missing and malformed ids', () => {
    const paths: Array<[string, string, (user: string, tenant: string) => string, unknown]> = [
      ['GET', 'user', (user) => `/api/admin/users/${user}`, undefined],
      ['PUT', 'user', (user, tenant) => `/api/admin/users/${user}/memberships/${tenant}`, { role: 'client_staff' }],
      ['DELETE', 'user', (user, tenant) => `/api/admin/users/${user}/memberships/${tenant}`, undefined],
      ['PUT', 'tenant', (user, tenant) => `/api/admin/users/${user}/memberships/${tenant}`, { role: 'client_staff' }],
      ['DELETE', 'tenant', (user, tenant) => `/api/admin/users/${user}/memberships/${tenant}`, undefined],
    ];

    it.each(paths)(
      'answers %s with a malformed %s id exactly like a missing one: 404 not_found',
      async (method, which, path, body) => {
        const realUser = (await userByEmail(OLIVER)).id;
        const realTenant = tenantId('Acme Health');
        const malformedPath = which === 'user' ? path('not-a-uuid', realTenant) : path(realUser, '12345');
        const missingPath = which === 'user' ? path(randomUUID(), realTenant) : path(realUser, randomUUID());
        const malformed = await call(ADMIN, method, malformedPath, body);
        const missing = await call(ADMIN, method, missingPath, body);
        expect(malformed.status).toBe(404);
        expect(missing.status).toBe(404);
        expect(malformed.headers.get('content-type')).toBe(missing.headers.get('content-type'));
        const malformedBody = await withoutRequestId(malformed);
        expect(malformedBody).toBe(await withoutRequestId(missing));
        expect(JSON.parse(malformedBody)).toMatchObject({ code: 'not_found' });
        expect((await userByEmail(OLIVER)).memberships).toHaveLength(1);
      },
    );
  });

  describe('assigning roles and removing memberships', () => {
    it('changes the role of an existing membership and answers with the user', async () => {
      const response = await assign(OLIVER, 'Northwind Partners', 'partner_user');
      expect(response.status).toBe(200);
      const user = (await response.json()) as User;
      expect(user.email).toBe(OLIVER);
      expect(user.memberships).toEqual([
        {
          tenant: { id: tenantId('Northwind Partners'), name: 'Northwind Partners', kind: 'partner', status: 'active' },
          role: 'partner_user',
          role_recognised: true,
          project_scope: 'all',
        },
      ]);
      expect((await assign(OLIVER, 'Northwind Partners', 'partner_admin')).status).toBe(200);
      expect((await userByEmail(OLIVER)).memberships).toMatchObject([{ role: 'partner_admin' }]);
      // Each change's event says which role it replaced.
      const events = (await stack.api.app.get(DataSource).query(
        `SELECT details FROM audit_event WHERE action = 'admin.membership.assigned' AND target_id = $1
          ORDER BY seq DESC LIMIT 2`,
        [user.id],
      )) as Array<{ details: Record<string, unknown> }>;
      expect(events.map((event) => event.details)).toEqual([
        { from_role: 'partner_user', role: 'partner_admin', sessions_ended: 0 },
        { from_role: 'partner_admin', role: 'partner_user', sessions_ended: 0 },
      ]);
    });

    it('adds a membership of another tenant, then removes it: 204, and 404 the second time', async () => {
      const added = await assign(OLIVER, 'Bluegum Dental', 'client_staff');
      expect(added.status).toBe(200);
      expect(((await added.json()) as User).memberships.map((m) => [m.tenant.name, m.role])).toEqual([
        ['Bluegum Dental', 'client_staff'],
        ['Northwind Partners', 'partner_admin'],
      ]);
      const removed = await remove(OLIVER, 'Bluegum Dental');
      expect(removed.status).toBe(204);
      expect(await removed.text()).toBe('');
      expect((await userByEmail(OLIVER)).memberships.map((m) => m.tenant.name)).toEqual(['Northwind Partners']);
      const again = await remove(OLIVER, 'Bluegum Dental');
      expect(again.status).toBe(404);
      expect(await again.json()).toMatchObject({ code: 'not_found' });
    });

    it('ends the member’s session when their membership is removed; they sign in again with the new one', async () => {
      expect((await call(CLIENT_STAFF, 'GET', '/api/session')).status).toBe(200);
      expect((await remove(CLIENT_STAFF, 'Acme Health')).status).toBe(204);
      const refused = await call(CLIENT_STAFF, 'GET', '/api/session');
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ code: 'unauthenticated' });
      expect((await signIn(stack, CLIENT_STAFF)).location).toBe('/access-denied?reason=no_membership');
      expect((await assign(CLIENT_STAFF, 'Acme Health', 'client_manager')).status).toBe(200);
      cookiesOf.set(CLIENT_STAFF, (await signIn(stack, CLIENT_STAFF)).cookies);
      const back = await call(CLIENT_STAFF, 'GET', '/api/session');
      expect(back.status).toBe(200);
      expect(await back.json()).toMatchObject({ role: 'client_manager', tenant: { name: 'Acme Health' } });
    });

    it('ends the member’s sessions in that tenant when their role changes, and keeps them when it does not', async () => {
      expect((await assign(CLIENT_STAFF, 'Acme Health', 'client_manager')).status).toBe(200);
      expect((await call(CLIENT_STAFF, 'GET', '/api/session')).status).toBe(200);
      expect((await assign(CLIENT_STAFF, 'Acme Health', 'client_staff')).status).toBe(200);
      expect((await call(CLIENT_STAFF, 'GET', '/api/session')).status).toBe(401);
      cookiesOf.set(CLIENT_STAFF, (await signIn(stack, CLIENT_STAFF)).cookies);
      expect(await (await call(CLIENT_STAFF, 'GET', '/api/session')).json()).toMatchObject({ role: 'client_staff' });
    });

    it.each([
      ['a partner role in a customer tenant', 'Acme Health', 'partner_user'],
      ['an internal role in a customer tenant', 'Acme Health', 'aidial_admin'],
      ['a customer role in a partner tenant', 'Northwind Partners', 'client_admin'],
      ['a customer role in the internal tenant', 'AiDial', 'client_staff'],
      ['a role that is not one of the seven', 'Acme Health', 'billing_clerk'],
    ])('refuses %s with 400 validation_failed on role, changing nothing', async (_why, tenant, role) => {
      const before = await userByEmail(OLIVER);
      const response = await assign(OLIVER, tenant, role);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'validation_failed', fields: [{ field: 'role' }] });
      expect(await userByEmail(OLIVER)).toEqual(before);
    });

    it.each([
      ['no role', {}, 'role'],
      ['an unknown field', { role: 'client_staff', project_scope: 'all' }, 'project_scope'],
    ])('refuses a body with %s: 400 validation_failed naming the field', async (_why, body, field) => {
      const user = await userByEmail(OLIVER);
      const response = await call(
        ADMIN,
        'PUT',
        `/api/admin/users/${user.id}/memberships/${tenantId('Acme Health')}`,
        body,
      );
      expect(response.status).toBe(400);
      const envelope = (await response.json()) as { code: string; fields: Array<{ field: string }> };
      expect(envelope.code).toBe('validation_failed');
      expect(envelope.fields.map((error) => error.field)).toContain(field);
    });

    it.each([
      ['change their own role', () => assign(ADMIN, 'AiDial', 'aidial_operator')],
      ['give themselves a membership elsewhere', () => assign(ADMIN, 'Acme Health', 'client_admin')],
      ['remove their own membership', () => remove(ADMIN, 'AiDial')],
    ])('refuses an administrator who tries to %s: 409 own_membership', async (_what, attempt) => {
      const response = await attempt();
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ code: 'own_membership' });
      expect((await userByEmail(ADMIN)).memberships).toMatchObject([
        { tenant: { name: 'AiDial' }, role: 'aidial_admin' },
      ]);
    });

    it('leaves exactly one membership when several assignments race', async () => {
      const roles = ['client_admin', 'client_manager', 'client_staff'];
      const user = await userByEmail(ZOE);
      const path = `/api/admin/users/${user.id}/memberships/${tenantId('Bluegum Dental')}`;
      const responses = await Promise.all(
        Array.from({ length: 9 }, (_, index) => call(ADMIN, 'PUT', path, { role: roles[index % roles.length] })),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(9).fill(200));
      const bluegum = (await userByEmail(ZOE)).memberships.filter((m) => m.tenant.name === 'Bluegum Dental');
      expect(bluegum).toHaveLength(1);
      expect(roles).toContain(bluegum[0]?.role);
    });
  });

  describe('who may', () => {
    const ROUTES: Array<[string, string, unknown]> = [
      ['GET', '/api/admin/users', undefined],
      ['GET', '/api/admin/users/:id', undefined],
      ['PUT', '/api/admin/users/:id/memberships/:tenantId', { role: 'partner_user' }],
      ['DELETE', '/api/admin/users/:id/memberships/:tenantId', undefined],
    ];
    const WRITES = ROUTES.filter(([method]) => method !== 'GET');

    /** Oliver's membership of Northwind Partners. */
    async function oliverPath(path: string): Promise<string> {
      return path.replace(':id', (await userByEmail(OLIVER)).id).replace(':tenantId', tenantId('Northwind Partners'));
    }

    it.each(ROUTES.filter(([method]) => method === 'GET'))('lets aidial_operator read: %s %s', async (method, path) => {
      expect((await call(OPERATOR, method, await oliverPath(path))).status).toBe(200);
    });

    it.each(WRITES)(
      'refuses aidial_operator %s %s with 403 insufficient_role, changing nothing',
      async (method, path, body) => {
        const before = await userByEmail(OLIVER);
        const response = await call(OPERATOR, method, await oliverPath(path), body);
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'insufficient_role' });
        expect(await userByEmail(OLIVER)).toEqual(before);
      },
    );

    it.each(
      [CLIENT_ADMIN, PARTNER_ADMIN].flatMap((email) =>
        ROUTES.map(([method, path, body]) => [email, method, path, body]),
      ),
    )('answers %s 404 not_found on %s %s', async (email, method, path, body) => {
      const before = await userByEmail(OLIVER);
      const response = await call(email as string, method as string, await oliverPath(path as string), body);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'not_found' });
      expect(await userByEmail(OLIVER)).toEqual(before);
    });

    it.each(WRITES)(
      'refuses %s %s without the CSRF header: 403 csrf_failed, changing nothing',
      async (method, path, body) => {
        const before = await userByEmail(OLIVER);
        const response = await call(ADMIN, method, await oliverPath(path), body, { csrf: false });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'csrf_failed' });
        expect(await userByEmail(OLIVER)).toEqual(before);
      },
    );
  });
});
