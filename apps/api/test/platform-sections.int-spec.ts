import type { Role } from '@aidial/shared/access';
import {
  type PortalSession,
  callV1,
  createKey,
  projectIdsOf,
  selectClient,
  sessionAs,
  tenantId,
} from './support/api-keys';
import { type SignInStack, startSignInStack } from './support/sign-in-flow';

const TIMEOUT_MS = 1_000;

/** The sections issue 15 connected: each route, the roles the matrix lets in, and the roles it keeps out. */
const ROUTES: ReadonlyArray<{ path: string; allowed: readonly Role[]; refused: readonly Role[] }> = [
  {
    path: '/compliance/records',
    allowed: ['client_admin', 'client_manager'],
    refused: ['client_staff', 'partner_admin', 'partner_user', 'aidial_admin', 'aidial_operator'],
  },
  {
    path: '/compliance/settings',
    allowed: ['client_admin'],
    refused: ['client_manager', 'client_staff', 'partner_admin', 'partner_user', 'aidial_admin', 'aidial_operator'],
  },
  ...['/incidents', '/discounts', '/adjustments'].map((path) => ({
    path,
    allowed: ['aidial_admin', 'aidial_operator'] as Role[],
    refused: ['client_admin', 'client_manager', 'client_staff', 'partner_admin', 'partner_user'] as Role[],
  })),
];

/** The body with its request id blanked: what must be identical between two refusals. */
async function withoutRequestId(response: Response): Promise<string> {
  return (await response.text()).replace(/"request_id":"[^"]*"/, '"request_id":""');
}

describe('Compliance, Incidents, Discounts and Adjustments through the proxy to the AiDial platform API', () => {
  let stack: SignInStack;
  const sessions = new Map<Role, PortalSession>();
  let acmeId: string;
  let platformRunning = true;

  beforeAll(async () => {
    stack = await startSignInStack({ AIDIAL_API_TIMEOUT_MS: String(TIMEOUT_MS) });
    acmeId = await tenantId(stack, 'Acme Health');
    for (const role of [
      'client_admin',
      'client_manager',
      'client_staff',
      'partner_admin',
      'partner_user',
      'aidial_admin',
      'aidial_operator',
    ] as const) {
      sessions.set(role, await sessionAs(stack, role));
    }
    // The partners look at Acme Health, whose Compliance they still may not open.
    await selectClient(stack, session('partner_admin'), acmeId);
    await selectClient(stack, session('partner_user'), acmeId);
  });
  afterEach(async () => {
    if (platformRunning) await stack.platform.reset();
  });
  afterAll(() => stack.close());

  function session(role: Role): PortalSession {
    const found = sessions.get(role);
    if (!found) throw new Error(`no session for ${role}`);
    return found;
  }
  const get = (path: string, who: PortalSession, headers: Record<string, string> = {}) =>
    fetch(`${stack.api.baseUrl}/api/platform${path}`, { headers: { ...who.read, ...headers } });

  it.each(ROUTES.flatMap((route) => route.allowed.map((role) => [route.path, role] as const)))(
    '%s serves %s the platform’s data, with the scope the server resolved',
    async (path, role) => {
      const response = await get(path, session(role));
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body).length).toBeGreaterThan(0);
      if (Array.isArray(body['items'])) expect(body['items'].length).toBeGreaterThan(0);
      const seen = await stack.platform.lastRequest();
      expect(seen?.path).toBe(path);
      if (path.startsWith('/compliance')) {
        expect(seen?.headers['x-aidial-client']).toBe(acmeId);
        expect(seen?.headers['x-aidial-tenant']).toBe(acmeId);
      } else {
        // Platform-wide: the AiDial tenant acting, no customer.
        expect(seen?.headers['x-aidial-tenant']).toBe(await tenantId(stack, 'AiDial'));
        expect(seen?.headers).not.toHaveProperty('x-aidial-client');
      }
    },
  );

  it.each(ROUTES.flatMap((route) => route.refused.map((role) => [route.path, role] as const)))(
    '%s is refused to %s with the not-found answer, and the platform is never asked',
    async (path, role) => {
      const refused = await get(path, session(role));
      const missing = await fetch(`${stack.api.baseUrl}/api/platform/no-such-route`, { headers: session(role).read });
      expect(refused.status).toBe(404);
      expect(await withoutRequestId(refused)).toBe(await withoutRequestId(missing));
      expect(await stack.platform.lastRequest()).toBeFalsy();
    },
  );

  it('keeps a customer to its own compliance data, whatever project or scope headers it sends', async () => {
    const harbourProject = (await projectIdsOf(stack, 'Harbour Physio'))[0] ?? '';
    const forged = {
      'x-aidial-tenant': await tenantId(stack, 'Harbour Physio'),
      'x-aidial-client': await tenantId(stack, 'Harbour Physio'),
      'x-aidial-projects': '*',
    };
    const foreign = await get(`/compliance/records?project_id=${harbourProject}`, session('client_admin'), forged);
    expect(foreign.status).toBe(200);
    const body = (await foreign.json()) as { totals: { checked: number }; items: unknown[] };
    expect(body.items).toEqual([]);
    expect(body.totals.checked).toBe(0);
    const seen = await stack.platform.lastRequest();
    expect(seen?.headers['x-aidial-client']).toBe(acmeId);
    expect(seen?.headers['x-aidial-tenant']).toBe(acmeId);

    const own = (await (await get('/compliance/records', session('client_admin'))).json()) as {
      items: Array<{ project_id: string }>;
    };
    const acmeProjects = await projectIdsOf(stack, 'Acme Health');
    expect(new Set(own.items.map((item) => item.project_id))).toEqual(new Set(acmeProjects));

    const settings = (await (await get('/compliance/settings', session('client_admin'), forged)).json()) as {
      do_not_call_lists: Array<{ name: string }>;
      exceptions: Array<{ project_id: string }>;
    };
    expect(settings.do_not_call_lists.map((list) => list.name)).toContain('Acme Health opt-outs');
    expect(JSON.stringify(settings)).not.toContain('Harbour');
    for (const exception of settings.exceptions) expect(acmeProjects).toContain(exception.project_id);
  });

  it('shows another customer only its own: Harbour Physio’s administrator never sees Acme Health', async () => {
    const harbour = await sessionAs(stack, 'ella.martin@harbour-physio.example');
    const settings = await (await get('/compliance/settings', harbour)).text();
    expect(settings).toContain('Harbour Physio opt-outs');
    expect(settings).not.toContain('Acme');
    const records = (await (await get('/compliance/records', harbour)).json()) as {
      items: Array<{ project_id: string }>;
    };
    const harbourProjects = await projectIdsOf(stack, 'Harbour Physio');
    expect(records.items.every((item) => harbourProjects.includes(item.project_id))).toBe(true);
  });

  it.each([
    ['/compliance/records?result=bogus', 'client_admin', 'result'],
    ['/compliance/records?project_id=not-a-uuid', 'client_admin', 'project_id'],
    ['/incidents?status=closed', 'aidial_operator', 'status'],
    ['/discounts?tenant_id=acme', 'aidial_operator', 'tenant_id'],
    ['/discounts?status=forever', 'aidial_operator', 'status'],
    ['/adjustments?period=2026-13', 'aidial_operator', 'period'],
    ['/adjustments?secret=1', 'aidial_operator', 'secret'],
  ] as const)('refuses the filter of %s with 400, sending nothing to the platform', async (path, role, field) => {
    const response = await get(path, session(role));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; fields: Array<{ field: string }> };
    expect(body.code).toBe('validation_failed');
    expect(body.fields.map((error) => error.field)).toContain(field);
    expect(await stack.platform.lastRequest()).toBeFalsy();
  });

  it('passes the admin area’s filters on as they were sent', async () => {
    const discounts = (await (
      await get(`/discounts?tenant_id=${acmeId}&status=active`, session('aidial_admin'))
    ).json()) as {
      items: Array<{ tenant: { id: string } }>;
    };
    expect((await stack.platform.lastRequest())?.query).toEqual({ tenant_id: acmeId, status: 'active' });
    expect(discounts.items.map((item) => item.tenant.id)).toEqual([acmeId]);
    await get('/incidents?status=open', session('aidial_admin'));
    expect((await stack.platform.lastRequest())?.query).toEqual({ status: 'open' });
  });

  it('serves these sections to the portal only: no API key reaches them on /v1', async () => {
    const created = await createKey(stack, session('aidial_admin'), { name: 'Admin data', scopes: ['platform:read'] });
    for (const path of ['/incidents', '/discounts', '/adjustments', '/compliance/records', '/compliance/settings']) {
      const response = await callV1(stack, `/v1/platform${path}`, created.key);
      expect([path, response.status]).toEqual([path, 404]);
    }
    expect(await stack.platform.lastRequest()).toBeFalsy();
  });

  it('maps a platform answer slower than AIDIAL_API_TIMEOUT_MS to 504 upstream_timeout', async () => {
    await stack.platform.fault({ kind: 'delay', ms: TIMEOUT_MS * 3 });
    const response = await get('/incidents', session('aidial_operator'));
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ code: 'upstream_timeout' });
  });

  it.each(ROUTES.map((route) => [route.path, route.allowed[0] ?? 'client_admin'] as const))(
    '%s answers 502 upstream_unavailable in the envelope when the platform answers with an error',
    async (path, role) => {
      await stack.platform.fault({ kind: 'status', status: 503 });
      const response = await get(path, session(role));
      expect(response.status).toBe(502);
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['code', 'message', 'request_id']);
      expect(body['code']).toBe('upstream_unavailable');
    },
  );

  it('answers 502 upstream_unavailable on every new route once the platform cannot be reached', async () => {
    await stack.platform.stop();
    platformRunning = false;
    for (const route of ROUTES) {
      const response = await get(route.path, session(route.allowed[0] ?? 'client_admin'));
      const body = (await response.json()) as Record<string, unknown>;
      expect([route.path, response.status, body['code']]).toEqual([route.path, 502, 'upstream_unavailable']);
      expect(Object.keys(body).sort()).toEqual(['code', 'message', 'request_id']);
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/);
    }
  });
});
