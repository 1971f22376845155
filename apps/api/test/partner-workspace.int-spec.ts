import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { cookieHeader, signIn, startSignInStack, type SignInStack } from './support/sign-in-flow';
import { whileTenant } from '@aidial/api/testing';

/** A signed-in browser: its cookies, and the CSRF double-submit header for changes. */
type Browser = Record<string, string>;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

interface ProjectBody {
  id: string;
  name: string;
  status: string;
  client?: { id: string; name: string };
}

describe('partner workspace: clients, client selection and client-scoped data', () => {
  let stack: SignInStack;
  let priya: Browser;
  const tenant: Record<string, string> = {};
  const project: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startSignInStack();
    for (const row of (await db().query(`SELECT id, name FROM tenant`)) as Array<{ id: string; name: string }>)
      tenant[row.name] = row.id;
    for (const row of (await db().query(`SELECT id, name FROM project`)) as Array<{ id: string; name: string }>)
      project[row.name] = row.id;
    priya = await browserOf('priya.natarajan@northwind.example');
  });
  afterAll(() => stack.close());

  const db = () => stack.api.app.get(DataSource);

  async function browserOf(email: string): Promise<Browser> {
    return (await signIn(stack, email)).cookies;
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

  const select = (browser: Browser, clientId: string | null) =>
    call(browser, 'PUT', '/api/partner/client-selection', { client_id: clientId });
  const projectNames = (answer: Answer) => (answer.body['items'] as ProjectBody[]).map((item) => item.name).sort();
  const withoutRequestId = (answer: Answer) => ({ status: answer.status, body: { ...answer.body, request_id: null } });

  describe('Partner Clients', () => {
    it('lists the customer tenants the partner manages, with status and project counts, and no one else’s', async () => {
      await select(priya, null);
      const answer = await call(priya, 'GET', '/api/partner/clients');
      expect(answer.status).toBe(200);
      expect(answer.body['items']).toEqual([
        { id: tenant['Acme Health'], name: 'Acme Health', status: 'active', project_count: 2, selected: false },
        { id: tenant['Bluegum Dental'], name: 'Bluegum Dental', status: 'active', project_count: 1, selected: false },
      ]);
    });

    it('shows one managed client with its projects', async () => {
      const answer = await call(priya, 'GET', `/api/partner/clients/${tenant['Acme Health']}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ id: tenant['Acme Health'], name: 'Acme Health', project_count: 2 });
      expect(answer.body['projects']).toEqual([
        { id: project['Inbound reception'], name: 'Inbound reception', status: 'active' },
        { id: project['Outbound reminders'], name: 'Outbound reminders', status: 'active' },
      ]);
    });

    it('shows the second partner only its own client', async () => {
      const jack = await browserOf('jack.wilson@southerncross.example');
      const answer = await call(jack, 'GET', '/api/partner/clients');
      expect((answer.body['items'] as Array<{ name: string }>).map((item) => item.name)).toEqual(['Harbour Physio']);
    });

    it('answers the partner sections 404 to customer roles', async () => {
      const amelia = await browserOf('amelia.hart@acme-health.example');
      for (const [method, path, body] of [
        ['GET', '/api/partner/clients', undefined],
        ['GET', `/api/partner/clients/${tenant['Acme Health']}`, undefined],
        ['PUT', '/api/partner/client-selection', { client_id: tenant['Acme Health'] }],
        ['GET', '/api/partner/projects', undefined],
      ] as const) {
        const answer = await call(amelia, method, path, body);
        expect([path, answer.status, answer.body['code']]).toEqual([path, 404, 'not_found']);
      }
    });
  });

  describe('client selection', () => {
    it('lets a partner with no client selected land on the dashboard to pick one', async () => {
      await select(priya, null);
      const answer = await call(priya, 'GET', '/api/dashboard');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        organisation: { id: tenant['Northwind Partners'], name: 'Northwind Partners', kind: 'partner' },
        client: null,
        projects: [],
        member_count: null,
        managed_client_count: 2,
      });
    });

    it('answers 409 client_selection_required for client-scoped data until a client is selected', async () => {
      await select(priya, null);
      for (const path of ['/api/projects', `/api/projects/${project['Outbound reminders']}`]) {
        const answer = await call(priya, 'GET', path);
        expect([path, answer.status, answer.body['code']]).toEqual([path, 409, 'client_selection_required']);
      }
    });

    it('keeps the selection in the session across requests; dashboard and projects follow it', async () => {
      const selected = await select(priya, tenant['Acme Health'] ?? '');
      expect(selected).toEqual({ status: 200, body: { client: { id: tenant['Acme Health'], name: 'Acme Health' } } });

      const session = await call(priya, 'GET', '/api/session');
      expect(session.body['client']).toEqual({ id: tenant['Acme Health'], name: 'Acme Health' });
      const clients = (await call(priya, 'GET', '/api/partner/clients')).body['items'] as Array<{
        name: string;
        selected: boolean;
      }>;
      expect(clients.filter((client) => client.selected).map((client) => client.name)).toEqual(['Acme Health']);

      const [{ count }] = (await db().query(`SELECT count(*)::int AS count FROM membership WHERE tenant_id = $1`, [
        tenant['Acme Health'],
      ])) as Array<{ count: number }>;
      const dashboard = await call(priya, 'GET', '/api/dashboard');
      expect(dashboard.body).toMatchObject({
        organisation: { id: tenant['Northwind Partners'], kind: 'partner' },
        client: { id: tenant['Acme Health'], name: 'Acme Health' },
        member_count: count,
        managed_client_count: 2,
      });
      expect((dashboard.body['projects'] as ProjectBody[]).map((item) => item.name).sort()).toEqual([
        'Inbound reception',
        'Outbound reminders',
      ]);
      expect(projectNames(await call(priya, 'GET', '/api/projects'))).toEqual([
        'Inbound reception',
        'Outbound reminders',
      ]);
      expect((await call(priya, 'GET', `/api/projects/${project['Outbound reminders']}`)).body).toEqual({
        id: project['Outbound reminders'],
        name: 'Outbound reminders',
        status: 'active',
      });
      const otherClient = await call(priya, 'GET', `/api/projects/${project['Patient recalls']}`);
      expect([otherClient.status, otherClient.body['code']]).toEqual([404, 'not_found']);
    });

    it('switching to another client shows that client and hides the first', async () => {
      await select(priya, tenant['Acme Health'] ?? '');
      expect((await select(priya, tenant['Bluegum Dental'] ?? '')).status).toBe(200);
      expect(projectNames(await call(priya, 'GET', '/api/projects'))).toEqual(['Patient recalls']);
      expect((await call(priya, 'GET', `/api/projects/${project['Patient recalls']}`)).status).toBe(200);
      expect((await call(priya, 'GET', `/api/projects/${project['Outbound reminders']}`)).status).toBe(404);
      expect((await call(priya, 'GET', '/api/dashboard')).body['client']).toEqual({
        id: tenant['Bluegum Dental'],
        name: 'Bluegum Dental',
      });
    });

    it('belongs to the session: another sign-in of the same partner starts with none', async () => {
      await select(priya, tenant['Acme Health'] ?? '');
      const again = await browserOf('priya.natarajan@northwind.example');
      expect((await call(again, 'GET', '/api/dashboard')).body['client']).toBeNull();
      expect((await call(priya, 'GET', '/api/dashboard')).body['client']).toMatchObject({ name: 'Acme Health' });
    });

    it('is cleared with null', async () => {
      await select(priya, tenant['Acme Health'] ?? '');
      expect(await select(priya, null)).toEqual({ status: 200, body: { client: null } });
      expect((await call(priya, 'GET', '/api/session')).body['client']).toBeNull();
    });

    it('is open to partner_user too', async () => {
      const liam = await browserOf('liam.obrien@northwind.example');
      expect((await select(liam, tenant['Bluegum Dental'] ?? '')).status).toBe(200);
      expect(projectNames(await call(liam, 'GET', '/api/projects'))).toEqual(['Patient recalls']);
    });

    it('answers an unmanaged, unknown or malformed client id with the same 404, and keeps the selection', async () => {
      await select(priya, tenant['Acme Health'] ?? '');
      const expected = withoutRequestId(await select(priya, randomUUID()));
      expect(expected).toEqual({ status: 404, body: { code: 'not_found', message: 'Not found.', request_id: null } });
      for (const clientId of [
        tenant['Harbour Physio'],
        tenant['Coastal Realty'],
        tenant['Northwind Partners'],
        'not-a-uuid',
        '',
      ]) {
        expect(withoutRequestId(await select(priya, clientId ?? ''))).toEqual(expected);
      }
      expect((await call(priya, 'GET', '/api/dashboard')).body['client']).toMatchObject({ name: 'Acme Health' });
    });

    it('refuses a managed client that is not active with 409 client_not_active', async () => {
      await select(priya, null);
      await whileTenant(db(), { name: 'Bluegum Dental' }, { status: 'suspended' }, async () => {
        const answer = await select(priya, tenant['Bluegum Dental'] ?? '');
        expect([answer.status, answer.body['code']]).toEqual([409, 'client_not_active']);
        expect((await call(priya, 'GET', '/api/dashboard')).body['client']).toBeNull();
      });
    });

    it('drops a client that stops being managed by the partner from the very next request', async () => {
      await select(priya, tenant['Acme Health'] ?? '');
      await whileTenant(
        db(),
        { name: 'Acme Health' },
        { managingPartnerId: tenant['Southern Cross Resellers'] },
        async () => {
          expect((await call(priya, 'GET', '/api/dashboard')).body).toMatchObject({ client: null, projects: [] });
          expect((await call(priya, 'GET', '/api/projects')).body['code']).toBe('client_selection_required');
          expect((await call(priya, 'GET', `/api/projects/${project['Outbound reminders']}`)).status).toBe(409);
          expect((await call(priya, 'GET', `/api/partner/clients/${tenant['Acme Health']}`)).status).toBe(404);
        },
      );
    });

    it('drops a selected client that is suspended from the very next request', async () => {
      await select(priya, tenant['Acme Health'] ?? '');
      await whileTenant(db(), { name: 'Acme Health' }, { status: 'suspended' }, async () => {
        expect((await call(priya, 'GET', '/api/session')).body['client']).toBeNull();
        expect((await call(priya, 'GET', '/api/projects')).status).toBe(409);
      });
    });

    it('needs the CSRF token and a client_id', async () => {
      const withoutToken = await fetch(`${stack.api.baseUrl}/api/partner/client-selection`, {
        method: 'PUT',
        headers: { cookie: cookieHeader(priya), 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: tenant['Acme Health'] }),
      });
      expect(withoutToken.status).toBe(403);
      expect(((await withoutToken.json()) as { code: string }).code).toBe('csrf_failed');
      for (const body of [{}, { client_id: 7 }, { client_id: tenant['Acme Health'], extra: true }]) {
        const answer = await call(priya, 'PUT', '/api/partner/client-selection', body);
        expect([answer.status, answer.body['code']]).toEqual([400, 'validation_failed']);
      }
    });
  });

  describe('Partner Projects', () => {
    it('lists the projects of every managed client, each with its client, whatever client is selected', async () => {
      await select(priya, tenant['Bluegum Dental'] ?? '');
      const answer = await call(priya, 'GET', '/api/partner/projects');
      expect(answer.status).toBe(200);
      expect(answer.body['items']).toEqual([
        {
          id: project['Inbound reception'],
          name: 'Inbound reception',
          status: 'active',
          client: { id: tenant['Acme Health'], name: 'Acme Health' },
        },
        {
          id: project['Outbound reminders'],
          name: 'Outbound reminders',
          status: 'active',
          client: { id: tenant['Acme Health'], name: 'Acme Health' },
        },
        {
          id: project['Patient recalls'],
          name: 'Patient recalls',
          status: 'active',
          client: { id: tenant['Bluegum Dental'], name: 'Bluegum Dental' },
        },
      ]);
    });

    it('filters by a managed client, and answers any other client id with the same 404', async () => {
      const acme = await call(priya, 'GET', `/api/partner/projects?client_id=${tenant['Acme Health']}`);
      expect(projectNames(acme)).toEqual(['Inbound reception', 'Outbound reminders']);
      const expected = withoutRequestId(await call(priya, 'GET', `/api/partner/projects?client_id=${randomUUID()}`));
      expect(expected.status).toBe(404);
      for (const clientId of [tenant['Harbour Physio'], tenant['Coastal Realty'], 'nope']) {
        const answer = await call(priya, 'GET', `/api/partner/projects?client_id=${clientId ?? ''}`);
        expect(withoutRequestId(answer)).toEqual(expected);
      }
    });

    it('shows a managed client’s project by id, and another partner’s client’s project as not found', async () => {
      const own = await call(priya, 'GET', `/api/partner/projects/${project['Patient recalls']}`);
      expect(own.body).toMatchObject({ name: 'Patient recalls', client: { name: 'Bluegum Dental' } });
      const other = await call(priya, 'GET', `/api/partner/projects/${project['Appointment bookings']}`);
      expect([other.status, other.body['code']]).toEqual([404, 'not_found']);
    });
  });

  describe('customer dashboard and projects', () => {
    it('shows a customer their own organisation, projects and member count', async () => {
      const amelia = await browserOf('amelia.hart@acme-health.example');
      const [{ count }] = (await db().query(`SELECT count(*)::int AS count FROM membership WHERE tenant_id = $1`, [
        tenant['Acme Health'],
      ])) as Array<{ count: number }>;
      const answer = await call(amelia, 'GET', '/api/dashboard');
      expect(answer.body).toMatchObject({
        organisation: { id: tenant['Acme Health'], name: 'Acme Health', kind: 'customer' },
        client: null,
        member_count: count,
        managed_client_count: null,
      });
      expect((answer.body['projects'] as ProjectBody[]).length).toBe(2);
    });

    it('shows a user scoped to one project only that project', async () => {
      const sofia = await browserOf('sofia.rossi@acme-health.example');
      expect(projectNames(await call(sofia, 'GET', '/api/projects'))).toEqual(['Outbound reminders']);
      expect((await call(sofia, 'GET', '/api/dashboard')).body['projects']).toEqual([
        { id: project['Outbound reminders'], name: 'Outbound reminders', status: 'active' },
      ]);
    });
  });
});
