import { createHash } from 'node:crypto';
import {
  Browser,
  type DevIdp,
  type DevPlatform,
  PROJECT_ID,
  TEST_CLIENT,
  authorization,
  demoUsers,
  exchange,
  startDevIdp,
  startDevPlatform,
} from '@aidial/stand-ins/testing';

/** The API's demo-seed ids (apps/api/src/database/demo-seed.ts). */
function demoId(kind: string, key: string): string {
  const hex = createHash('sha256').update(`aidial-demo:${kind}:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const ACME = demoId('tenant', 'acme-health');
const NORTHWIND = demoId('tenant', 'northwind-partners');
const HARBOUR = demoId('tenant', 'harbour-physio');
const AIDIAL = demoId('tenant', 'aidial');
const ACME_OUTBOUND = demoId('project', 'acme-outbound');

/** A demo user's access token from a complete code flow at the dev-idp (the portal's sign-in). */
async function portalUserAccessToken(idp: DevIdp): Promise<string> {
  const user = demoUsers.clientManager;
  const browser = new Browser(idp.issuer);
  const request = authorization(idp, { loginHint: user.email });
  let page = await browser.open(request.url);
  page = await browser.submit(page, '/login-name', { loginName: user.email });
  page = await browser.submit(page, '/password', { password: user.password });
  return (await exchange(idp, page, request)).access_token;
}

describe('dev-platform, the AiDial platform API stand-in', () => {
  let idp: DevIdp;
  let platform: DevPlatform;
  let token: string;

  /** The service account's token (client credentials), asking for the project's audience or not. */
  async function serviceAccountToken(scope: string): Promise<string> {
    const response = await fetch(`${idp.issuer}/oauth/v2/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${TEST_CLIENT.machineClientId}:${TEST_CLIENT.machineClientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  beforeAll(async () => {
    idp = await startDevIdp();
    platform = await startDevPlatform(idp.issuer);
    token = await serviceAccountToken(`openid urn:zitadel:iam:org:project:id:${PROJECT_ID}:aud`);
  });
  afterEach(() => platform.reset());
  afterAll(async () => {
    await platform.stop();
    await idp.stop();
  });

  const call = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${platform.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  const acmeScope = { 'x-aidial-tenant': ACME, 'x-aidial-client': ACME, 'x-aidial-projects': '*' };

  it('refuses a request without a bearer, or with one not signed by the identity provider', async () => {
    expect((await fetch(`${platform.url}/capacity`)).status).toBe(401);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await call('/capacity', { authorization: `Bearer ${forged}`, ...acmeScope })).status).toBe(401);
  });

  it('refuses a service-account token without the project in its audience, as the platform API would', async () => {
    const withoutProject = await serviceAccountToken('openid');
    const response = await call('/capacity', { authorization: `Bearer ${withoutProject}`, ...acmeScope });

    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_token');
  });

  it('accepts a user access token of the portal app (aud: client and project)', async () => {
    const userToken = await portalUserAccessToken(idp);

    expect((await call('/capacity', { authorization: `Bearer ${userToken}`, ...acmeScope })).status).toBe(200);
  });

  it('refuses a request without scope headers: it never guesses whose data is asked for', async () => {
    const response = await call('/calls');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'scope_required' });
  });

  it('serves the same calls every time, narrowed to the projects header', async () => {
    const first = (await (await call('/calls?limit=100', acmeScope)).json()) as {
      items: Array<{ project_id: string }>;
    };
    const again = (await (await call('/calls?limit=100', acmeScope)).json()) as typeof first;
    expect(first).toEqual(again);
    expect(new Set(first.items.map((item) => item.project_id)).size).toBe(2);
    const narrowed = (await (
      await call('/calls?limit=100', { ...acmeScope, 'x-aidial-projects': ACME_OUTBOUND })
    ).json()) as typeof first;
    expect(new Set(narrowed.items.map((item) => item.project_id))).toEqual(new Set([ACME_OUTBOUND]));
  });

  it('serves a partner its managed client, and refuses a client it does not manage', async () => {
    const partner = { 'x-aidial-tenant': NORTHWIND, 'x-aidial-projects': '*' };
    expect((await call('/billing/summary', { ...partner, 'x-aidial-client': ACME })).status).toBe(200);
    expect((await call('/billing/summary', { ...partner, 'x-aidial-client': HARBOUR })).status).toBe(403);
    expect((await call('/billing/summary', partner)).status).toBe(400);
  });

  it('answers capacity platform-wide to AiDial and per tenant to a partner', async () => {
    const internal = (await (
      await call('/capacity', { 'x-aidial-tenant': AIDIAL, 'x-aidial-projects': '*' })
    ).json()) as {
      scope: string;
    };
    expect(internal.scope).toBe('platform');
    const partner = (await (
      await call('/capacity', { 'x-aidial-tenant': NORTHWIND, 'x-aidial-projects': '*' })
    ).json()) as {
      scope: string;
    };
    expect(partner.scope).toBe('tenant');
  });

  it('reports the last request it received, headers included', async () => {
    await call('/campaigns?status=running', { ...acmeScope, 'x-extra': 'seen' });
    const seen = await platform.lastRequest();
    expect(seen).toMatchObject({ method: 'GET', path: '/campaigns', query: { status: 'running' } });
    expect(seen?.headers['x-extra']).toBe('seen');
  });

  it('fails on demand: status, oversized body, delay', async () => {
    await platform.fault({ kind: 'status', status: 502 });
    expect((await call('/capacity', acmeScope)).status).toBe(502);
    await platform.fault({ kind: 'oversized', bytes: 2_000_000 });
    expect((await (await call('/capacity', acmeScope)).text()).length).toBeGreaterThan(2_000_000);
    await platform.fault({ kind: 'delay', ms: 400 });
    const started = Date.now();
    expect((await call('/capacity', acmeScope)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('dates the calls it counts as today today: the dashboard’s figure is the newest calls of the list', async () => {
    const summary = (await (await call('/dashboard/summary', acmeScope)).json()) as { calls_today: number };
    const calls = (await (await call('/calls?limit=100', acmeScope)).json()) as {
      items: Array<{ started_at: string }>;
    };
    const midnight = new Date(new Date().setHours(0, 0, 0, 0)).getTime();
    const today = calls.items.filter((item) => Date.parse(item.started_at) >= midnight);
    expect(summary.calls_today).toBeGreaterThan(0);
    expect(today).toHaveLength(summary.calls_today);
    expect(calls.items.slice(0, today.length)).toEqual(today);
  });

  it('serves the customer’s compliance checks and settings, and asks a partner for a client first', async () => {
    const records = (await (await call('/compliance/records?result=blocked', acmeScope)).json()) as {
      totals: { blocked: number };
      items: Array<{ result: string; project_id: string }>;
    };
    expect(records.items.length).toBe(records.totals.blocked);
    expect(new Set(records.items.map((item) => item.result))).toEqual(new Set(['blocked']));
    const settings = (await (await call('/compliance/settings', acmeScope)).json()) as {
      calling_hours: Array<{ days: string; from: string | null }>;
      do_not_call_lists: Array<{ name: string }>;
    };
    expect(settings.calling_hours.find((hours) => hours.days === 'sunday')?.from).toBeNull();
    expect(settings.do_not_call_lists.map((list) => list.name)).toContain('Acme Health opt-outs');
    const partner = { 'x-aidial-tenant': NORTHWIND, 'x-aidial-projects': '*' };
    expect((await call('/compliance/records', partner)).status).toBe(400);
  });

  it('answers incidents, discounts and adjustments to the AiDial tenant only', async () => {
    const internal = { 'x-aidial-tenant': AIDIAL, 'x-aidial-projects': '*' };
    for (const path of ['/incidents', '/discounts', '/adjustments']) {
      const answer = await call(path, internal);
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
      expect((await call(path, acmeScope)).status).toBe(403);
    }
    const acmeOnly = (await (await call(`/discounts?tenant_id=${ACME}`, internal)).json()) as {
      items: Array<{ tenant: { id: string; name: string } }>;
    };
    expect(acmeOnly.items.map((item) => item.tenant)).toEqual([{ id: ACME, name: 'Acme Health' }]);
    const open = (await (await call('/incidents?status=open', internal)).json()) as {
      items: Array<{ resolved_at: string | null }>;
    };
    expect(open.items.map((item) => item.resolved_at)).toEqual([null]);
  });

  it('answers 404 for a call it does not have in the caller’s scope', async () => {
    const harbourScope = { 'x-aidial-tenant': HARBOUR, 'x-aidial-client': HARBOUR, 'x-aidial-projects': '*' };
    const harbourCall = (
      (await (await call('/calls?limit=1', harbourScope)).json()) as { items: Array<{ id: string }> }
    ).items[0]?.id;
    expect((await call(`/calls/${harbourCall}`, harbourScope)).status).toBe(200);
    expect((await call(`/calls/${harbourCall}`, acmeScope)).status).toBe(404);
  });
});
