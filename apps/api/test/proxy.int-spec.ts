import { decodeJwt } from 'jose';
import { DataSource } from 'typeorm';
import { TEST_CLIENT } from '@aidial/stand-ins/testing';
import {
  type PortalSession,
  answerBytes,
  callV1,
  createKey,
  projectIdsOf,
  selectClient,
  sessionAs,
  tenantId,
} from './support/api-keys';
import { type SignInStack, startSignInStack } from './support/sign-in-flow';

const TIMEOUT_MS = 1_000;

describe('the proxy to the AiDial platform API', () => {
  let stack: SignInStack;
  let clientAdmin: PortalSession;
  let acmeId: string;

  beforeAll(async () => {
    stack = await startSignInStack({ AIDIAL_API_TIMEOUT_MS: String(TIMEOUT_MS) });
    clientAdmin = await sessionAs(stack, 'client_admin');
    acmeId = await tenantId(stack, 'Acme Health');
  });
  let platformRunning = true;
  afterEach(async () => {
    if (platformRunning) await stack.platform.reset();
  });
  afterAll(() => stack.close());

  const get = (path: string, session: PortalSession, headers: Record<string, string> = {}) =>
    fetch(`${stack.api.baseUrl}${path}`, { headers: { ...session.read, ...headers } });

  it('forwards a session’s read with its bearer and the server-resolved scope, and nothing of the caller’s credentials', async () => {
    const response = await get('/api/platform/calls?limit=5', clientAdmin, {
      'x-api-key': 'aidial_abcdefghijkl_forgedforgedforgedforgedforgedforgedforge',
      'x-aidial-tenant': '5f0c7a52-9d53-4c39-9d59-0c3f2d6e8a11',
      'x-aidial-client': '5f0c7a52-9d53-4c39-9d59-0c3f2d6e8a11',
      'x-aidial-projects': '*',
      authorization: 'Bearer caller-supplied',
      'accept-language': 'en-AU',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: Array<{ project_id: string }>; next_cursor: string | null };
    expect(body.items).toHaveLength(5);

    const seen = await stack.platform.lastRequest();
    expect(seen?.path).toBe('/calls');
    expect(seen?.query).toEqual({ limit: '5' });
    expect(seen?.headers['authorization']).toMatch(/^Bearer eyJ/);
    expect(seen?.headers['authorization']).not.toContain('caller-supplied');
    expect(seen?.headers['x-aidial-tenant']).toBe(acmeId);
    expect(seen?.headers['x-aidial-client']).toBe(acmeId);
    expect(seen?.headers['x-aidial-projects']).toBe('*');
    expect(seen?.headers['x-aidial-actor']).toMatch(/^user:/);
    expect(seen?.headers['accept-language']).toBe('en-AU');
    expect(seen?.headers).not.toHaveProperty('x-api-key');
    expect(seen?.headers).not.toHaveProperty('cookie');
    expect(seen?.headers).not.toHaveProperty('x-xsrf-token');
  });

  it.each([
    ['/calls?outcome=bogus', 'outcome'],
    ['/calls?direction=sideways', 'direction'],
    ['/calls?limit=abc', 'limit'],
    ['/calls?limit=100000', 'limit'],
    ['/calls?limit=0', 'limit'],
    ['/calls?cursor=garbage', 'cursor'],
    ['/calls?project_id=not-a-uuid', 'project_id'],
    ['/calls?secret=1', 'secret'],
    ['/billing/summary?period=2026-13', 'period'],
    ['/campaigns?status=bogus', 'status'],
  ])(
    'refuses the filter of %s with 400 validation_failed on both surfaces, sending nothing to the platform',
    async (query, field) => {
      const partner = await sessionAs(stack, 'partner_admin');
      const created = await createKey(stack, partner, {
        name: 'Filters',
        scopes: ['platform:read'],
        client_id: acmeId,
      });
      await stack.platform.reset();
      for (const response of [
        // partner_admin opens every platform section; the filters are checked before the client selection is.
        await get(`/api/platform${query}`, partner),
        await callV1(stack, `/v1/platform${query}`, created.key),
      ]) {
        expect(response.status).toBe(400);
        const body = (await response.json()) as { code: string; fields: Array<{ field: string }> };
        expect(body.code).toBe('validation_failed');
        expect(body.fields.map((error) => error.field)).toContain(field);
      }
      expect(await stack.platform.lastRequest()).toBeFalsy();
    },
  );

  it('passes valid filters on as they were sent', async () => {
    const response = await get('/api/platform/calls?direction=inbound&outcome=answered&limit=2&cursor=0', clientAdmin);
    expect(response.status).toBe(200);
    expect((await stack.platform.lastRequest())?.query).toEqual({
      direction: 'inbound',
      outcome: 'answered',
      limit: '2',
      cursor: '0',
    });
  });

  it('keeps the session’s token while it is valid (no refresh on every request)', async () => {
    await get('/api/platform/capacity', await sessionAs(stack, 'partner_admin'));
    const partner = await sessionAs(stack, 'partner_user');
    await get('/api/platform/capacity', partner);
    const first = (await stack.platform.lastRequest())?.headers['authorization'];
    await get('/api/platform/capacity', partner);
    expect((await stack.platform.lastRequest())?.headers['authorization']).toBe(first);
  });

  it('narrows to the caller’s project scope (client_staff sees one project)', async () => {
    const staff = await sessionAs(stack, 'client_staff');
    const response = await get('/api/platform/calls?limit=100', staff);
    const body = (await response.json()) as { items: Array<{ project_id: string }> };
    const seen = await stack.platform.lastRequest();
    const projects = seen?.headers['x-aidial-projects']?.split(',') ?? [];
    expect(projects).toHaveLength(1);
    expect(new Set(body.items.map((item) => item.project_id))).toEqual(new Set(projects));
  });

  it('follows a partner’s selected client: 409 client_selection_required without one, as the workspace does', async () => {
    const partner = await sessionAs(stack, 'partner_admin');
    const without = await get('/api/platform/billing/summary', partner);
    expect(without.status).toBe(409);
    expect(await without.json()).toMatchObject({ code: 'client_selection_required' });
    await selectClient(stack, partner, acmeId);
    const withClient = await get('/api/platform/billing/summary', partner);
    expect(withClient.status).toBe(200);
    const seen = await stack.platform.lastRequest();
    expect(seen?.headers['x-aidial-client']).toBe(acmeId);
    expect(seen?.headers['x-aidial-tenant']).toBe(await tenantId(stack, 'Northwind Partners'));
  });

  it('forwards a key’s read on /v1/platform with the service token and the key’s scope, never the key', async () => {
    const partner = await sessionAs(stack, 'partner_admin');
    const created = await createKey(stack, partner, { name: 'Platform', scopes: ['platform:read'], client_id: acmeId });
    const response = await callV1(stack, '/v1/platform/campaigns', created.key, {
      'x-aidial-client': await tenantId(stack, 'Harbour Physio'),
    });
    expect(response.status).toBe(200);
    const seen = await stack.platform.lastRequest();
    expect(seen?.headers['authorization']).toMatch(/^Bearer eyJ/);
    // ZITADEL's client-credentials token of the service account (a machine user), for the portal's project: the
    // project's audience comes only from the `urn:zitadel:iam:org:project:id:{id}:aud` scope.
    const claims = decodeJwt(seen?.headers['authorization']?.replace(/^Bearer /, '') ?? '');
    expect(claims['client_id']).toBe(TEST_CLIENT.machineClientId);
    expect(claims.aud).toEqual(expect.arrayContaining([TEST_CLIENT.projectId]));
    expect(seen?.headers['x-aidial-client']).toBe(acmeId);
    expect(seen?.headers['x-aidial-actor']).toBe(`api_key:${created.id}`);
    expect(JSON.stringify(seen)).not.toContain(created.key.slice(20));
    expect(seen?.headers).not.toHaveProperty('x-api-key');

    // partner_admin opens Billing; a partner_user's key would not (its creator role is checked section by section).
    expect((await callV1(stack, '/v1/platform/billing/summary', created.key)).status).toBe(200);
  });

  it('maps a platform answer slower than AIDIAL_API_TIMEOUT_MS to 504 upstream_timeout', async () => {
    await stack.platform.fault({ kind: 'delay', ms: TIMEOUT_MS * 3 });
    const started = Date.now();
    const response = await get('/api/platform/calls', clientAdmin);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ code: 'upstream_timeout' });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 2.5);
  });

  it('maps a platform 5xx to 502 upstream_unavailable, with nothing of the platform’s answer', async () => {
    await stack.platform.fault({ kind: 'status', status: 503 });
    const response = await get('/api/platform/billing/summary', clientAdmin);
    expect(response.status).toBe(502);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 'upstream_unavailable' });
    expect(JSON.stringify(body)).not.toContain('injected_fault');
  });

  it('maps a platform 404 to 404 not_found', async () => {
    const missingCall = await get('/api/platform/calls/call_doesnotexist00', clientAdmin);
    expect(missingCall.status).toBe(404);
    expect(await missingCall.json()).toMatchObject({ code: 'not_found' });
    await stack.platform.fault({ kind: 'status', status: 404 });
    expect((await get('/api/platform/dashboard/summary', clientAdmin)).status).toBe(404);
  });

  it('never reads another customer’s call: a call id of another tenant answers like a missing one', async () => {
    const partner = await sessionAs(stack, 'partner_admin');
    await selectClient(stack, partner, await tenantId(stack, 'Bluegum Dental'));
    const bluegumCalls = (await (await get('/api/platform/calls?limit=1', partner)).json()) as {
      items: Array<{ id: string }>;
    };
    const foreignId = bluegumCalls.items[0]?.id ?? '';
    expect(foreignId).toMatch(/^call_/);
    const foreign = await get(`/api/platform/calls/${foreignId}`, clientAdmin);
    const missing = await get('/api/platform/calls/call_doesnotexist00', clientAdmin);
    expect(await answerBytes(foreign)).toEqual(await answerBytes(missing));
  });

  it('refuses an oversized platform answer with 502', async () => {
    await stack.platform.fault({ kind: 'oversized', bytes: 2 * 1024 * 1024 });
    const response = await get('/api/platform/capacity', await sessionAs(stack, 'aidial_operator'));
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ code: 'upstream_unavailable' });
  });

  it('never passes a platform Set-Cookie back', async () => {
    await stack.platform.fault({ kind: 'set_cookie' });
    const response = await get('/api/platform/dashboard/summary', clientAdmin);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('answers 502 with the envelope, never a 500, when the platform cannot be reached', async () => {
    await stack.platform.stop();
    platformRunning = false;
    const response = await get('/api/platform/calls', clientAdmin);
    expect(response.status).toBe(502);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'request_id']);
    expect(body['code']).toBe('upstream_unavailable');
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/);
  });
});

describe('the proxy with an expired session access token', () => {
  let stack: SignInStack;

  beforeAll(async () => {
    // Access tokens live 5 s, inside the 30 s renewal margin: every use renews the token with the refresh token.
    stack = await startSignInStack({}, [], { idpEnv: { DEV_IDP_ACCESS_TOKEN_TTL_SECONDS: '5' } });
  });
  afterAll(() => stack.close());

  it('renews it with the refresh token at the identity provider and keeps the new tokens in the session row', async () => {
    const session = await sessionAs(stack, 'client_admin');
    const db = stack.api.app.get(DataSource);
    const sealed = async () =>
      (
        (await db.query(`SELECT tokens_encrypted FROM session ORDER BY created_at DESC LIMIT 1`)) as Array<{
          tokens_encrypted: string;
        }>
      )[0]?.tokens_encrypted;
    const before = await sealed();
    const first = await fetch(`${stack.api.baseUrl}/api/platform/dashboard/summary`, { headers: session.read });
    expect(first.status).toBe(200);
    const firstBearer = (await stack.platform.lastRequest())?.headers['authorization'];
    const afterFirst = await sealed();
    expect(afterFirst).not.toBe(before);

    const second = await fetch(`${stack.api.baseUrl}/api/platform/dashboard/summary`, { headers: session.read });
    expect(second.status).toBe(200);
    // The platform verified both against the provider's keys; they are different tokens.
    expect((await stack.platform.lastRequest())?.headers['authorization']).not.toBe(firstBearer);
    expect(await projectIdsOf(stack, 'Acme Health')).toHaveLength(2);
  });
});

// ZITADEL gives a machine user opaque access tokens unless its access token type is set to JWT (client_credentials.go:
// `tokenType: user.Machine.AccessTokenType`); the platform verifies JWTs by itself, so that deployment fault is named.
describe('the proxy with a service account left on opaque access tokens', () => {
  let stack: SignInStack;

  beforeAll(async () => {
    stack = await startSignInStack({}, [], { idpEnv: { DEV_IDP_MACHINE_ACCESS_TOKEN_TYPE: 'bearer' } });
  });
  afterAll(() => stack.close());

  it('answers a key’s platform read with 502 upstream_unavailable and sends nothing to the platform', async () => {
    const partner = await sessionAs(stack, 'partner_admin');
    const acme = await tenantId(stack, 'Acme Health');
    const created = await createKey(stack, partner, { name: 'Platform', scopes: ['platform:read'], client_id: acme });
    await stack.platform.reset();
    const response = await callV1(stack, '/v1/platform/campaigns', created.key);
    expect(response.status).toBe(502);
    expect(((await response.json()) as { code: string }).code).toBe('upstream_unavailable');
    expect(await stack.platform.lastRequest()).toBeFalsy();
  });
});
