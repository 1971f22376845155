import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO_SEED, cookieHeader, signIn, startSignInStack, type SignInStack } from './support/sign-in-flow';
import { changeTenant } from '@aidial/api/testing';

const ADMIN = 'grace.okafor@aidial.example';
const OPERATOR = 'noah.williams@aidial.example';
const CLIENT_ADMIN = 'amelia.hart@acme-health.example';
const PARTNER_ADMIN = 'priya.natarajan@northwind.example';
const CLIENT_MANAGER = 'marcus.chen@acme-health.example';

interface TenantItem {
  id: string;
  name: string;
  kind: string;
  status: string;
  managing_partner: { id: string; name: string } | null;
  sms_otp_enabled: boolean;
  mfa_policy: string;
  member_count: number;
  created_at: string;
}
interface TenantDetail extends TenantItem {
  projects: Array<{ id: string; name: string; status: string }>;
  managed_clients: Array<{ id: string; name: string; status: string }>;
}
interface TenantPage {
  items: TenantItem[];
  next_cursor: string | null;
}

const SEED_TENANTS = DEMO_SEED.tenants as Array<{
  key: string;
  name: string;
  status: string;
  managingPartner: string | null;
  projects: Array<{ name: string; status: string }>;
}>;

const byName = (a: { name: string }, b: { name: string }) => a.name.toLowerCase().localeCompare(b.name.toLowerCase());

/** Members of a demo tenant, as tools/demo/seed.json gives them. */
function demoMemberCount(tenantKey: string): number {
  return DEMO_SEED.users.filter((user) => user.tenant === tenantKey && user.role).length;
}

/** The body with its request id blanked: what must be byte-identical between a malformed and a missing id. */
async function withoutRequestId(response: Response): Promise<string> {
  return (await response.text()).replace(/"request_id":"[^"]*"/, '"request_id":""');
}

describe('the admin area: tenants (/api/admin/tenants)', () => {
  let stack: SignInStack;
  const cookiesOf = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    stack = await startSignInStack();
    for (const email of [ADMIN, OPERATOR, CLIENT_ADMIN, PARTNER_ADMIN, CLIENT_MANAGER]) {
      cookiesOf.set(email, (await signIn(stack, email)).cookies);
    }
  });
  afterAll(() => stack.close());

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

  async function list(query: Record<string, string>, email = ADMIN): Promise<TenantPage> {
    const response = await call(email, 'GET', `/api/admin/tenants?${new URLSearchParams(query).toString()}`);
    expect(response.status).toBe(200);
    return (await response.json()) as TenantPage;
  }

  async function tenantNamed(name: string): Promise<TenantItem> {
    const found = (await list({ q: name, limit: '100' })).items.find((tenant) => tenant.name === name);
    if (!found) throw new Error(`no tenant ${name}`);
    return found;
  }

  async function create(body: Record<string, unknown>): Promise<TenantDetail> {
    const response = await call(ADMIN, 'POST', '/api/admin/tenants', body);
    expect(response.status).toBe(201);
    return (await response.json()) as TenantDetail;
  }

  describe('reading', () => {
    it('lists tenants with their partner, SMS flag, MFA policy and member count', async () => {
      const page = await list({ limit: '100' });
      const acme = page.items.find((tenant) => tenant.name === 'Acme Health');
      const northwind = page.items.find((tenant) => tenant.name === 'Northwind Partners');
      expect(acme).toEqual({
        id: expect.any(String),
        name: 'Acme Health',
        kind: 'customer',
        status: 'active',
        managing_partner: { id: northwind?.id, name: 'Northwind Partners' },
        sms_otp_enabled: true,
        mfa_policy: 'role_default',
        member_count: demoMemberCount('acme-health'),
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(page.items.find((tenant) => tenant.name === 'AiDial')).toMatchObject({
        kind: 'internal',
        managing_partner: null,
        sms_otp_enabled: false,
        member_count: demoMemberCount('aidial'),
      });
    });

    it('reads a missing SMS flag as off', async () => {
      const created = await create({ name: 'Flagless Clinic', kind: 'customer' });
      await changeTenant(stack.api.app.get(DataSource), created.id, { featureFlags: {} });
      expect((await tenantNamed('Flagless Clinic')).sms_otp_enabled).toBe(false);
    });

    it('searches names case-insensitively, by any part of the name', async () => {
      expect((await list({ q: 'HEALTH' })).items.map((tenant) => tenant.name)).toEqual(['Acme Health']);
      expect((await list({ q: 'wind part' })).items.map((tenant) => tenant.name)).toEqual(['Northwind Partners']);
      expect((await list({ q: 'no tenant is called this' })).items).toEqual([]);
    });

    it.each([
      [{ kind: 'partner' }, (tenant: TenantItem) => tenant.kind === 'partner', 'Northwind Partners'],
      [{ kind: 'internal' }, (tenant: TenantItem) => tenant.kind === 'internal', 'AiDial'],
      [{ status: 'suspended' }, (tenant: TenantItem) => tenant.status === 'suspended', 'Coastal Realty'],
      [
        { kind: 'customer', status: 'active' },
        (tenant: TenantItem) => tenant.kind === 'customer' && tenant.status === 'active',
        'Bluegum Dental',
      ],
    ])('filters by %j', async (filter, matches, expected) => {
      const { items } = await list({ ...filter, limit: '100' });
      expect(items.length).toBeGreaterThan(0);
      expect(items.every(matches)).toBe(true);
      expect(items.map((tenant) => tenant.name)).toContain(expected);
    });

    it('pages through the results in case-insensitive name order, each tenant once, until next_cursor is null', async () => {
      const names = ['paging test 05', 'Paging Test 02', 'PAGING TEST 07', 'paging Test 01', 'Paging test 06'];
      names.push('Paging Test 03', 'paging test 04');
      for (const name of names) await create({ name, kind: 'customer' });
      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      do {
        const page: TenantPage = await list({ q: 'paging test', limit: '3', ...(cursor ? { cursor } : {}) });
        sizes.push(page.items.length);
        seen.push(...page.items.map((tenant) => tenant.name));
        cursor = page.next_cursor;
      } while (cursor);
      expect(sizes).toEqual([3, 3, 1]);
      expect(seen).toEqual([...names].sort((a, b) => byName({ name: a }, { name: b })));
    });

    it('defaults to 25 tenants a page', async () => {
      for (let index = 0; index < 22; index++) await create({ name: `Default Page ${index}`, kind: 'partner' });
      const page = await list({});
      expect(page.items).toHaveLength(25);
      expect(page.next_cursor).toEqual(expect.any(String));
    });

    it.each([
      ['a malformed cursor', { cursor: 'not-a-cursor!' }, 'cursor'],
      ['a cursor that decodes to something else', { cursor: Buffer.from('{"a":1}').toString('base64url') }, 'cursor'],
      ['a limit of 0', { limit: '0' }, 'limit'],
      ['a limit above 100', { limit: '101' }, 'limit'],
      ['a limit that is not a number', { limit: 'ten' }, 'limit'],
      ['an unknown kind', { kind: 'reseller' }, 'kind'],
      ['an unknown status', { status: 'deleted' }, 'status'],
      ['an unknown parameter', { sort: 'name' }, 'sort'],
    ])('answers %s with 400 validation_failed naming the field', async (_why, query, field) => {
      const response = await call(ADMIN, 'GET', `/api/admin/tenants?${new URLSearchParams(query).toString()}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { code: string; fields: Array<{ field: string }> };
      expect(body.code).toBe('validation_failed');
      expect(body.fields.map((error) => error.field)).toContain(field);
    });

    it("shows a partner's managed clients and a customer's projects", async () => {
      const northwind = await tenantNamed('Northwind Partners');
      const partner = (await (await call(ADMIN, 'GET', `/api/admin/tenants/${northwind.id}`)).json()) as TenantDetail;
      expect(partner).toMatchObject({ ...northwind, projects: [] });
      expect(partner.managed_clients).toEqual(
        SEED_TENANTS.filter((tenant) => tenant.managingPartner === 'northwind-partners')
          .map((tenant) => ({ id: expect.any(String), name: tenant.name, status: tenant.status }))
          .sort(byName),
      );
      const acme = await tenantNamed('Acme Health');
      const customer = (await (await call(ADMIN, 'GET', `/api/admin/tenants/${acme.id}`)).json()) as TenantDetail;
      expect(customer).toMatchObject({ ...acme, managed_clients: [] });
      expect(customer.projects).toEqual(
        (SEED_TENANTS.find((tenant) => tenant.key === 'acme-health')?.projects ?? [])
          .map((project) => ({ id: expect.any(String), name: project.name, status: project.status }))
          .sort(byName),
      );
      expect(customer.projects.length).toBeGreaterThan(1);
    });

    it.each([
      ['GET', '', undefined],
      ['PUT', '/status', { status: 'active' }],
      ['PUT', '/features', { sms_otp_enabled: true }],
      ['PUT', '/mfa-policy', { mfa_policy: 'required' }],
    ])('answers %s of a malformed id%s exactly like a missing one: 404 not_found', async (method, suffix, body) => {
      const malformed = await call(ADMIN, method, `/api/admin/tenants/not-a-uuid${suffix}`, body);
      const missing = await call(ADMIN, method, `/api/admin/tenants/${randomUUID()}${suffix}`, body);
      expect(malformed.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(malformed.headers.get('content-type')).toBe(missing.headers.get('content-type'));
      const malformedBody = await withoutRequestId(malformed);
      expect(malformedBody).toBe(await withoutRequestId(missing));
      expect(JSON.parse(malformedBody)).toMatchObject({ code: 'not_found' });
    });
  });

  describe('creating', () => {
    it('creates a customer tenant managed by a partner: 201 with the detail, name trimmed, active, flags off', async () => {
      const northwind = await tenantNamed('Northwind Partners');
      const created = await create({ name: '  Wattle Physio  ', kind: 'customer', managing_partner_id: northwind.id });
      expect(created).toEqual({
        id: expect.any(String),
        name: 'Wattle Physio',
        kind: 'customer',
        status: 'active',
        managing_partner: { id: northwind.id, name: 'Northwind Partners' },
        sms_otp_enabled: false,
        mfa_policy: 'role_default',
        member_count: 0,
        created_at: expect.any(String),
        projects: [],
        managed_clients: [],
      });
      const detail = await call(ADMIN, 'GET', `/api/admin/tenants/${created.id}`);
      expect(await detail.json()).toEqual(created);
      const partner = (await (await call(ADMIN, 'GET', `/api/admin/tenants/${northwind.id}`)).json()) as TenantDetail;
      expect(partner.managed_clients.map((client) => client.name)).toContain('Wattle Physio');
    });

    it('creates a partner tenant without a managing partner', async () => {
      expect(await create({ name: 'Outback Resellers', kind: 'partner' })).toMatchObject({
        kind: 'partner',
        managing_partner: null,
      });
    });

    it.each([
      ['an empty name', () => ({ name: '', kind: 'customer' }), 'name'],
      ['a name of spaces only', () => ({ name: '   ', kind: 'customer' }), 'name'],
      ['a name over 120 characters', () => ({ name: 'x'.repeat(121), kind: 'customer' }), 'name'],
      ['no name', () => ({ kind: 'customer' }), 'name'],
      ['an internal tenant', () => ({ name: 'Second AiDial', kind: 'internal' }), 'kind'],
      ['an unknown kind', () => ({ name: 'Somebody', kind: 'reseller' }), 'kind'],
      [
        'a managing partner id that is not a UUID',
        () => ({ name: 'A', kind: 'customer', managing_partner_id: 'x' }),
        'managing_partner_id',
      ],
      [
        'a managing partner that does not exist',
        () => ({ name: 'A', kind: 'customer', managing_partner_id: randomUUID() }),
        'managing_partner_id',
      ],
      ['an unknown field', () => ({ name: 'A', kind: 'customer', status: 'suspended' }), 'status'],
    ])('refuses %s with 400 validation_failed naming the field', async (_why, body, field) => {
      const response = await call(ADMIN, 'POST', '/api/admin/tenants', body());
      expect(response.status).toBe(400);
      const envelope = (await response.json()) as { code: string; fields: Array<{ field: string }> };
      expect(envelope.code).toBe('validation_failed');
      expect(envelope.fields.map((error) => error.field)).toContain(field);
    });

    it.each([
      ['a customer tenant as managing partner', 'customer', 'Acme Health'],
      ['a managing partner for a partner tenant', 'partner', 'Northwind Partners'],
    ])('refuses %s on the managing_partner_id field, creating nothing', async (_why, kind, partnerName) => {
      const partner = await tenantNamed(partnerName);
      const response = await call(ADMIN, 'POST', '/api/admin/tenants', {
        name: `Refused ${kind}`,
        kind,
        managing_partner_id: partner.id,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'validation_failed',
        fields: [{ field: 'managing_partner_id' }],
      });
      expect((await list({ q: `Refused ${kind}` })).items).toEqual([]);
    });
  });

  describe('changing', () => {
    it('suspends and reactivates a tenant, idempotently, saying how many sessions each change ended', async () => {
      const { id } = await create({ name: 'Status Clinic', kind: 'customer' });
      for (const status of ['suspended', 'suspended', 'active', 'active']) {
        const response = await call(ADMIN, 'PUT', `/api/admin/tenants/${id}/status`, { status });
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ id, status, sessions_ended: 0 });
      }
    });

    it('signs the members of a suspended tenant out (their next request is 401), refuses their sign-in, and lets them back after reactivation', async () => {
      const acme = await tenantNamed('Acme Health');
      expect((await call(CLIENT_MANAGER, 'GET', '/api/session')).status).toBe(200);
      const [live] = (await stack.api.app.get(DataSource).query(
        `SELECT count(*)::int AS n FROM session
            WHERE tenant_id = $1 AND ended_at IS NULL AND idle_expires_at > now() AND absolute_expires_at > now()`,
        [acme.id],
      )) as Array<{ n: number }>;
      expect(live?.n).toBeGreaterThanOrEqual(2);
      const suspended = await call(ADMIN, 'PUT', `/api/admin/tenants/${acme.id}/status`, { status: 'suspended' });
      expect(suspended.status).toBe(200);
      // The answer says how many were ended, for the administrator to read: every live session of its members.
      expect(await suspended.json()).toMatchObject({ status: 'suspended', sessions_ended: live?.n });
      try {
        const refused = await call(CLIENT_MANAGER, 'GET', '/api/session');
        expect(refused.status).toBe(401);
        expect(await refused.json()).toMatchObject({ code: 'unauthenticated' });
        expect((await signIn(stack, CLIENT_MANAGER)).location).toBe('/access-denied?reason=tenant_suspended');
      } finally {
        const reactivated = await call(ADMIN, 'PUT', `/api/admin/tenants/${acme.id}/status`, { status: 'active' });
        expect(reactivated.status).toBe(200);
      }
      // Every Acme Health session this file holds ended with the suspension: sign its members in again.
      expect((await call(CLIENT_ADMIN, 'GET', '/api/session')).status).toBe(401);
      for (const email of [CLIENT_ADMIN, CLIENT_MANAGER]) cookiesOf.set(email, (await signIn(stack, email)).cookies);
      expect((await call(CLIENT_MANAGER, 'GET', '/api/session')).status).toBe(200);
    });

    it.each([
      ['/status', { status: 'suspended' }],
      ['/features', { sms_otp_enabled: true }],
    ])(
      'refuses %s of the internal tenant with 409 tenant_not_changeable, leaving it as it was',
      async (suffix, body) => {
        const internal = await tenantNamed('AiDial');
        const response = await call(ADMIN, 'PUT', `/api/admin/tenants/${internal.id}${suffix}`, body);
        expect(response.status).toBe(409);
        expect(await response.json()).toMatchObject({ code: 'tenant_not_changeable' });
        expect(await tenantNamed('AiDial')).toEqual(internal);
      },
    );

    it('turns the SMS flag on and off and keeps every other feature flag', async () => {
      const { id } = await create({ name: 'Flag Keeper', kind: 'partner' });
      const db = stack.api.app.get(DataSource);
      // No endpoint sets other flags yet, and the entity's type knows none: one is planted in SQL to prove the change
      // leaves it alone.
      await db.query(`UPDATE tenant SET feature_flags = '{"calls.recording.enabled": true}' WHERE id = $1`, [id]);
      for (const enabled of [true, false]) {
        const response = await call(ADMIN, 'PUT', `/api/admin/tenants/${id}/features`, { sms_otp_enabled: enabled });
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ id, sms_otp_enabled: enabled });
        const [row] = (await db.query(`SELECT feature_flags FROM tenant WHERE id = $1`, [id])) as Array<{
          feature_flags: Record<string, boolean>;
        }>;
        expect(row?.feature_flags).toEqual({ 'calls.recording.enabled': true, 'mfa.sms_otp.enabled': enabled });
      }
    });

    it('sets the MFA policy, including on the internal tenant', async () => {
      const internal = await tenantNamed('AiDial');
      for (const mfaPolicy of ['required', 'role_default']) {
        const response = await call(ADMIN, 'PUT', `/api/admin/tenants/${internal.id}/mfa-policy`, {
          mfa_policy: mfaPolicy,
        });
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ id: internal.id, mfa_policy: mfaPolicy });
        expect((await tenantNamed('AiDial')).mfa_policy).toBe(mfaPolicy);
      }
    });

    it.each([
      ['/status', { status: 'closed' }, 'status'],
      ['/status', {}, 'status'],
      ['/features', { sms_otp_enabled: 'yes' }, 'sms_otp_enabled'],
      ['/features', { sms_otp_enabled: true, other: true }, 'other'],
      ['/mfa-policy', { mfa_policy: 'always' }, 'mfa_policy'],
    ])('refuses PUT %s with %j: 400 validation_failed naming the field', async (suffix, body, field) => {
      const acme = await tenantNamed('Acme Health');
      const response = await call(ADMIN, 'PUT', `/api/admin/tenants/${acme.id}${suffix}`, body);
      expect(response.status).toBe(400);
      const envelope = (await response.json()) as { code: string; fields: Array<{ field: string }> };
      expect(envelope.code).toBe('validation_failed');
      expect(envelope.fields.map((error) => error.field)).toContain(field);
    });
  });

  describe('who may', () => {
    /** Every route of this controller with a valid body; `:id` is filled with Bluegum Dental's id. */
    const ROUTES: Array<[string, string, unknown]> = [
      ['GET', '/api/admin/tenants', undefined],
      ['GET', '/api/admin/tenants/:id', undefined],
      ['POST', '/api/admin/tenants', { name: 'Should Not Exist', kind: 'customer' }],
      ['PUT', '/api/admin/tenants/:id/status', { status: 'suspended' }],
      ['PUT', '/api/admin/tenants/:id/features', { sms_otp_enabled: true }],
      ['PUT', '/api/admin/tenants/:id/mfa-policy', { mfa_policy: 'required' }],
    ];
    const WRITES = ROUTES.filter(([method]) => method !== 'GET');
    // spec/05: an AiDial operator opts a tenant in to SMS one-time codes; every other change is the administrator's.
    const ADMIN_ONLY_WRITES = WRITES.filter(([, path]) => !path.endsWith('/features'));

    async function bluegumPath(path: string): Promise<string> {
      return path.replace(':id', (await tenantNamed('Bluegum Dental')).id);
    }

    it.each(ROUTES.filter(([method]) => method === 'GET'))('lets aidial_operator read: %s %s', async (method, path) => {
      expect((await call(OPERATOR, method, await bluegumPath(path))).status).toBe(200);
    });

    it('lets aidial_operator opt a tenant in to SMS one-time codes and out again', async () => {
      const path = await bluegumPath('/api/admin/tenants/:id/features');
      for (const enabled of [true, false]) {
        const response = await call(OPERATOR, 'PUT', path, { sms_otp_enabled: enabled });
        expect(response.status).toBe(200);
        expect(await tenantNamed('Bluegum Dental')).toMatchObject({ sms_otp_enabled: enabled });
      }
    });

    it.each(ADMIN_ONLY_WRITES)(
      'refuses aidial_operator %s %s with 403 insufficient_role, changing nothing',
      async (method, path, body) => {
        const before = await tenantNamed('Bluegum Dental');
        const response = await call(OPERATOR, method, await bluegumPath(path), body);
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'insufficient_role' });
        expect(await tenantNamed('Bluegum Dental')).toEqual(before);
        expect((await list({ q: 'Should Not Exist' })).items).toEqual([]);
      },
    );

    it.each(
      [CLIENT_ADMIN, PARTNER_ADMIN].flatMap((email) =>
        ROUTES.map(([method, path, body]) => [email, method, path, body]),
      ),
    )('answers %s 404 not_found on %s %s', async (email, method, path, body) => {
      const response = await call(email as string, method as string, await bluegumPath(path as string), body);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'not_found' });
    });

    it.each(WRITES)(
      'refuses %s %s without the CSRF header: 403 csrf_failed, changing nothing',
      async (method, path, body) => {
        const before = await tenantNamed('Bluegum Dental');
        const response = await call(ADMIN, method, await bluegumPath(path), body, { csrf: false });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'csrf_failed' });
        expect(await tenantNamed('Bluegum Dental')).toEqual(before);
        expect((await list({ q: 'Should Not Exist' })).items).toEqual([]);
      },
    );

    it('answers 401 unauthenticated without a session', async () => {
      const response = await fetch(`${stack.api.baseUrl}/api/admin/tenants`);
      expect(response.status).toBe(401);
    });
  });
});
