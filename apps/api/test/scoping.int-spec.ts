import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { cookieHeader, signIn, startSignInStack, type SignInStack } from './support/sign-in-flow';

/**
 * DESIGN.md §5: a resource of another tenant, client or project answers 404 `not_found` with the same status, headers
 * and body (apart from `request_id`) as a missing id; a malformed id answers the same (never a 400).
 */

type Browser = Record<string, string>;

/** What a caller can observe of an answer, minus what legitimately differs per request. */
interface Observed {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Headers that differ on every answer whatever the resource: the date, the request id and an ETag over the body. */
const PER_REQUEST_HEADERS = new Set(['date', 'x-request-id', 'etag']);

/** The caller's own session lifetime (docs/sessions.md): present on every answer, its value counts down by the second. */
const COUNTDOWN_HEADERS = new Set(['x-session-idle-expires-in', 'x-session-absolute-expires-in']);

const MALFORMED_IDS = ['not-a-uuid', '123', 'ffffffff-ffff-ffff-ffff-fffffffffffff', "1' OR '1'='1"];

describe('tenant, client and project scoping answers out-of-scope ids exactly like missing ones', () => {
  let stack: SignInStack;
  const browsers = new Map<string, Browser>();
  const tenant: Record<string, string> = {};
  const project: Record<string, string> = {};
  const invitation: Record<string, string> = {};

  const db = () => stack.api.app.get(DataSource);

  async function as(email: string): Promise<Browser> {
    const known = browsers.get(email);
    if (known) return known;
    const { cookies } = await signIn(stack, email);
    browsers.set(email, cookies);
    return cookies;
  }

  async function observe(browser: Browser, method: string, path: string, body?: unknown): Promise<Observed> {
    const response = await fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: {
        cookie: cookieHeader(browser),
        'x-xsrf-token': browser['XSRF-TOKEN'] ?? '',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const headers = Object.fromEntries(
      [...response.headers]
        .filter(([name]) => !PER_REQUEST_HEADERS.has(name))
        .map(([name, value]) => [
          name,
          COUNTDOWN_HEADERS.has(name) ? `(a count of seconds: ${/^\d+$/.test(value)})` : value,
        ]),
    );
    const parsed = (await response.json()) as Record<string, unknown>;
    if (response.ok) return { status: response.status, headers, body: parsed };
    expect(parsed['request_id']).toEqual(expect.any(String));
    return { status: response.status, headers, body: { ...parsed, request_id: '(differs per request)' } };
  }

  async function membershipId(email: string): Promise<string> {
    const [row] = (await db().query(
      `SELECT m.id FROM membership m JOIN portal_user u ON u.id = m.user_id WHERE u.email = $1`,
      [email],
    )) as Array<{ id: string }>;
    if (!row) throw new Error(`no membership for ${email}`);
    return row.id;
  }

  beforeAll(async () => {
    stack = await startSignInStack();
    for (const row of (await db().query(`SELECT id, name FROM tenant`)) as Array<{ id: string; name: string }>)
      tenant[row.name] = row.id;
    for (const row of (await db().query(`SELECT id, name FROM project`)) as Array<{ id: string; name: string }>)
      project[row.name] = row.id;
    // Pending invitations of three tenants, made through the product's own routes.
    for (const [email, path, name] of [
      ['ella.martin@harbour-physio.example', '/api/team/invitations', 'Harbour Physio'],
      ['amelia.hart@acme-health.example', '/api/team/invitations', 'Acme Health'],
      ['priya.natarajan@northwind.example', '/api/partner/team/invitations', 'Northwind Partners'],
    ] as const) {
      const role = name === 'Northwind Partners' ? 'partner_user' : 'client_staff';
      const created = await observe(await as(email), 'POST', path, {
        email: `invitee@${name.toLowerCase().replace(/ /g, '-')}.example`,
        role,
      });
      if (created.status !== 201) throw new Error(`could not invite to ${name}: ${JSON.stringify(created.body)}`);
      invitation[name] = String(created.body['id']);
    }
    // Priya works on Acme Health: Bluegum Dental is another client of hers, Harbour Physio another partner's.
    const selected = await observe(
      await as('priya.natarajan@northwind.example'),
      'PUT',
      '/api/partner/client-selection',
      {
        client_id: tenant['Acme Health'],
      },
    );
    if (selected.status !== 200) throw new Error('could not select Acme Health');
  });
  afterAll(() => stack.close());

  interface ScopeCase {
    readonly resource: string;
    readonly caller: string;
    /** Why the id is out of the caller's scope. */
    readonly outOfScope: string;
    readonly request: (id: string) => readonly [method: string, path: string, body?: unknown];
    readonly foreignId: () => Promise<string> | string;
  }

  const AMELIA = 'amelia.hart@acme-health.example';
  const SOFIA = 'sofia.rossi@acme-health.example';
  const PRIYA = 'priya.natarajan@northwind.example';

  /** Request builders take the id as a caller would type it; path segments are URL-encoded. */
  const at = encodeURIComponent;
  const getProject = (id: string) => ['GET', `/api/projects/${at(id)}`] as const;
  const getMember = (id: string) => ['GET', `/api/team/members/${at(id)}`] as const;
  const changeMember = (id: string) => ['PUT', `/api/team/members/${at(id)}/role`, { role: 'client_staff' }] as const;
  const removeMember = (id: string) => ['DELETE', `/api/team/members/${at(id)}`] as const;
  const revokeInvitation = (id: string) => ['DELETE', `/api/team/invitations/${at(id)}`] as const;
  const getPartnerMember = (id: string) => ['GET', `/api/partner/team/members/${at(id)}`] as const;
  const changePartnerMember = (id: string) =>
    ['PUT', `/api/partner/team/members/${at(id)}/role`, { role: 'partner_user' }] as const;
  const removePartnerMember = (id: string) => ['DELETE', `/api/partner/team/members/${at(id)}`] as const;
  const revokePartnerInvitation = (id: string) => ['DELETE', `/api/partner/team/invitations/${at(id)}`] as const;
  const getClient = (id: string) => ['GET', `/api/partner/clients/${at(id)}`] as const;
  const selectClient = (id: string) => ['PUT', '/api/partner/client-selection', { client_id: id }] as const;
  const getPartnerProject = (id: string) => ['GET', `/api/partner/projects/${at(id)}`] as const;
  const partnerProjectsOf = (id: string) => ['GET', `/api/partner/projects?client_id=${at(id)}`] as const;

  const CASES: readonly ScopeCase[] = [
    // project
    {
      resource: 'project',
      caller: AMELIA,
      outOfScope: 'another tenant (same partner)',
      request: getProject,
      foreignId: () => project['Patient recalls'] ?? '',
    },
    {
      resource: 'project',
      caller: AMELIA,
      outOfScope: 'another tenant (suspended, unmanaged)',
      request: getProject,
      foreignId: () => project['Lead follow-up'] ?? '',
    },
    {
      resource: 'project',
      caller: AMELIA,
      outOfScope: 'another partner’s client',
      request: getProject,
      foreignId: () => project['Appointment bookings'] ?? '',
    },
    {
      resource: 'project',
      caller: SOFIA,
      outOfScope: 'a project of her tenant not assigned to her',
      request: getProject,
      foreignId: () => project['Inbound reception'] ?? '',
    },
    {
      resource: 'project',
      caller: PRIYA,
      outOfScope: 'another client than the selected one',
      request: getProject,
      foreignId: () => project['Patient recalls'] ?? '',
    },
    {
      resource: 'project',
      caller: PRIYA,
      outOfScope: 'another partner’s client',
      request: getProject,
      foreignId: () => project['Appointment bookings'] ?? '',
    },
    // team member
    ...[getMember, changeMember, removeMember].flatMap((request) => [
      {
        resource: 'team member',
        caller: AMELIA,
        outOfScope: 'a member of another customer',
        request,
        foreignId: () => membershipId('ella.martin@harbour-physio.example'),
      },
      {
        resource: 'team member',
        caller: AMELIA,
        outOfScope: 'a member of a suspended customer',
        request,
        foreignId: () => membershipId('zoe.taylor@coastal-realty.example'),
      },
      {
        resource: 'team member',
        caller: AMELIA,
        outOfScope: 'a member of her managing partner',
        request,
        foreignId: () => membershipId(PRIYA),
      },
    ]),
    // team invitation
    {
      resource: 'team invitation',
      caller: AMELIA,
      outOfScope: 'an invitation of another customer',
      request: revokeInvitation,
      foreignId: () => invitation['Harbour Physio'] ?? '',
    },
    {
      resource: 'team invitation',
      caller: AMELIA,
      outOfScope: 'an invitation of her managing partner',
      request: revokeInvitation,
      foreignId: () => invitation['Northwind Partners'] ?? '',
    },
    // partner team member and invitation
    ...[getPartnerMember, changePartnerMember, removePartnerMember].flatMap((request) => [
      {
        resource: 'partner team member',
        caller: PRIYA,
        outOfScope: 'a member of another partner',
        request,
        foreignId: () => membershipId('jack.wilson@southerncross.example'),
      },
      {
        resource: 'partner team member',
        caller: PRIYA,
        outOfScope: 'a member of a client she manages',
        request,
        foreignId: () => membershipId(AMELIA),
      },
    ]),
    {
      resource: 'partner team invitation',
      caller: PRIYA,
      outOfScope: 'an invitation of a client she manages',
      request: revokePartnerInvitation,
      foreignId: () => invitation['Acme Health'] ?? '',
    },
    {
      resource: 'partner team invitation',
      caller: PRIYA,
      outOfScope: 'an invitation of another partner’s client',
      request: revokePartnerInvitation,
      foreignId: () => invitation['Harbour Physio'] ?? '',
    },
    // partner client
    ...[getClient, selectClient, partnerProjectsOf].flatMap((request) => [
      {
        resource: 'partner client',
        caller: PRIYA,
        outOfScope: 'another partner’s client',
        request,
        foreignId: () => tenant['Harbour Physio'] ?? '',
      },
      {
        resource: 'partner client',
        caller: PRIYA,
        outOfScope: 'an unmanaged customer',
        request,
        foreignId: () => tenant['Coastal Realty'] ?? '',
      },
      {
        resource: 'partner client',
        caller: PRIYA,
        outOfScope: 'a partner tenant (her own)',
        request,
        foreignId: () => tenant['Northwind Partners'] ?? '',
      },
    ]),
    // partner project
    {
      resource: 'partner project',
      caller: PRIYA,
      outOfScope: 'another partner’s client',
      request: getPartnerProject,
      foreignId: () => project['Appointment bookings'] ?? '',
    },
    {
      resource: 'partner project',
      caller: PRIYA,
      outOfScope: 'an unmanaged customer',
      request: getPartnerProject,
      foreignId: () => project['Lead follow-up'] ?? '',
    },
  ];

  it.each(
    CASES.map(
      (c) => [c.resource, c.request('ID').slice(0, 2).join(' ').replace('ID', ':id'), c.outOfScope, c] as const,
    ),
  )(
    '%s: %s with an id of %s answers exactly like a missing and a malformed id',
    async (_resource, _route, _why, scopeCase) => {
      const browser = await as(scopeCase.caller);
      const foreignId = await scopeCase.foreignId();
      expect(foreignId).toMatch(/^[0-9a-f-]{36}$/);
      const [method, path, body] = scopeCase.request(randomUUID());
      const missing = await observe(browser, method, path, body);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ code: 'not_found', message: 'Not found.', request_id: '(differs per request)' });

      const [foreignMethod, foreignPath, foreignBody] = scopeCase.request(foreignId);
      expect(await observe(browser, foreignMethod, foreignPath, foreignBody)).toEqual(missing);
      for (const malformed of MALFORMED_IDS) {
        const [malformedMethod, malformedPath, malformedBody] = scopeCase.request(malformed);
        expect({ malformed, ...(await observe(browser, malformedMethod, malformedPath, malformedBody)) }).toEqual({
          malformed,
          ...missing,
        });
      }
    },
  );

  it('leaves every out-of-scope row as it was (no change went through)', async () => {
    expect(await membershipId('ella.martin@harbour-physio.example')).toEqual(expect.any(String));
    expect(await membershipId('zoe.taylor@coastal-realty.example')).toEqual(expect.any(String));
    expect(await membershipId('jack.wilson@southerncross.example')).toEqual(expect.any(String));
    const roles = (await db().query(
      `SELECT u.email, m.role FROM membership m JOIN portal_user u ON u.id = m.user_id WHERE u.email = ANY($1) ORDER BY u.email`,
      [['ella.martin@harbour-physio.example', 'jack.wilson@southerncross.example', PRIYA, AMELIA]],
    )) as Array<{ email: string; role: string }>;
    expect(roles).toEqual([
      { email: AMELIA, role: 'client_admin' },
      { email: 'ella.martin@harbour-physio.example', role: 'client_admin' },
      { email: 'jack.wilson@southerncross.example', role: 'partner_user' },
      { email: PRIYA, role: 'partner_admin' },
    ]);
    const [{ count }] = (await db().query(`SELECT count(*)::int AS count FROM membership_invitation`)) as Array<{
      count: number;
    }>;
    expect(count).toBe(3);
    expect((await observe(await as(PRIYA), 'GET', '/api/session')).body['client']).toMatchObject({
      name: 'Acme Health',
    });
  });

  it('lists only what is in scope: a user scoped to one project sees only that project', async () => {
    const response = await fetch(`${stack.api.baseUrl}/api/projects`, {
      headers: { cookie: cookieHeader(await as(SOFIA)) },
    });
    const { items } = (await response.json()) as { items: Array<{ id: string }> };
    expect(items.map((item) => item.id)).toEqual([project['Outbound reminders']]);
  });
});
