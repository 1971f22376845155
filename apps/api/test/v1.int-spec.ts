import { DataSource } from 'typeorm';
import {
  type PortalSession,
  answerBytes,
  callV1,
  createKey,
  projectIdsOf,
  sessionAs,
  tenantId,
} from './support/api-keys';
import { enrolTotp, signInWith } from './support/mfa-flow';
import { type SignInStack, cookieHeader, startSignInStack } from './support/sign-in-flow';
import { changeRole, firstMembershipOf } from '@aidial/api/testing';

describe('/v1, the integration surface', () => {
  let stack: SignInStack;
  let northwindAdmin: PortalSession;
  let acmeId: string;
  let acmeKey: string;
  let northwindKey: string;
  let southernCrossKey: string;
  let harbourProject: string;

  beforeAll(async () => {
    stack = await startSignInStack();
    northwindAdmin = await sessionAs(stack, 'partner_admin');
    acmeId = await tenantId(stack, 'Acme Health');
    acmeKey = (
      await createKey(stack, northwindAdmin, {
        name: 'Acme integration',
        scopes: ['projects:read', 'audit:read', 'platform:read'],
        client_id: acmeId,
      })
    ).key;
    northwindKey = (
      await createKey(stack, northwindAdmin, { name: 'All clients', scopes: ['projects:read', 'audit:read'] })
    ).key;
    // Southern Cross's only user is a partner_user: an AiDial administrator would be asked to make keys for them in
    // production; here the test gives the membership admin rights for one request, through the product's own rules.
    const db = stack.api.app.get(DataSource);
    const jack = 'jack.wilson@southerncross.example';
    await changeRole(db, (await firstMembershipOf(db, { email: jack })).id, 'partner_admin');
    // partner_admin requires MFA (docs/mfa.md): Jack sets up an authenticator app at the provider and signs in with it.
    const { secret } = await enrolTotp(stack, jack);
    const { cookies } = await signInWith(stack, jack, { kind: 'totp', secret });
    const read = { cookie: cookieHeader(cookies) };
    const southernCross: PortalSession = {
      cookies,
      read,
      write: { ...read, 'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '', 'content-type': 'application/json' },
    };
    southernCrossKey = (await createKey(stack, southernCross, { name: 'Southern Cross', scopes: ['projects:read'] }))
      .key;
    [harbourProject = ''] = await projectIdsOf(stack, 'Harbour Physio');
  });
  afterAll(() => stack.close());

  it('tells a key who it is', async () => {
    const response = await callV1(stack, '/v1/whoami', acmeKey);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({
      tenant: { name: 'Northwind Partners' },
      client: { name: 'Acme Health' },
      scopes: ['whoami', 'projects:read', 'audit:read', 'platform:read'],
    });
  });

  it('ignores session cookies: a signed-in browser without a key gets 401 api_key_invalid', async () => {
    const response = await fetch(`${stack.api.baseUrl}/v1/whoami`, { headers: northwindAdmin.read });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'api_key_invalid' });
  });

  it.each([
    ['Origin', { origin: 'https://app.example' }],
    ['Sec-Fetch-Site', { 'sec-fetch-site': 'same-origin' }],
    ['Cookie', { cookie: 'anything=1' }],
  ])('refuses a key sent with browser signals (%s): 403 browser_credentials_refused', async (_name, headers) => {
    const response = await callV1(stack, '/v1/whoami', acmeKey, headers);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'browser_credentials_refused' });
  });

  it('lists the projects a key can see: its client’s, all managed clients’, never another partner’s', async () => {
    const names = async (key: string) => {
      const response = await callV1(stack, '/v1/projects', key);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { items: Array<{ name: string; client: { name: string } }> };
      return body.items.map((item) => `${item.client.name}/${item.name}`).sort();
    };
    expect(await names(acmeKey)).toEqual(['Acme Health/Inbound reception', 'Acme Health/Outbound reminders']);
    expect(await names(northwindKey)).toEqual([
      'Acme Health/Inbound reception',
      'Acme Health/Outbound reminders',
      'Bluegum Dental/Patient recalls',
    ]);
    expect(await names(southernCrossKey)).toEqual(['Harbour Physio/Appointment bookings']);
  });

  it('never lets tenant A’s key read tenant B: 404 with the bytes of a missing id', async () => {
    const foreign = await callV1(stack, `/v1/projects/${harbourProject}`, northwindKey);
    const missing = await callV1(stack, '/v1/projects/5f0c7a52-9d53-4c39-9d59-0c3f2d6e8a11', northwindKey);
    const malformed = await callV1(stack, '/v1/projects/not-an-id', northwindKey);
    const reference = await answerBytes(missing);
    expect(reference).toContain('"status":404');
    expect(await answerBytes(foreign)).toEqual(reference);
    expect(await answerBytes(malformed)).toEqual(reference);
    expect((await callV1(stack, `/v1/projects/${harbourProject}`, southernCrossKey)).status).toBe(200);

    const southernCrossTenant = await tenantId(stack, 'Southern Cross Resellers');
    const foreignAudit = await callV1(stack, `/v1/audit-events?client_id=${southernCrossTenant}`, northwindKey);
    const missingAudit = await callV1(
      stack,
      '/v1/audit-events?client_id=5f0c7a52-9d53-4c39-9d59-0c3f2d6e8a11',
      northwindKey,
    );
    expect(await answerBytes(foreignAudit)).toEqual(await answerBytes(missingAudit));
  });

  it('refuses a route outside the key’s scopes with 403 api_key_scope_missing', async () => {
    const whoamiOnly = (await createKey(stack, northwindAdmin, { name: 'Whoami only', scopes: ['whoami'] })).key;
    const response = await callV1(stack, '/v1/projects', whoamiOnly);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'api_key_scope_missing' });
    expect((await callV1(stack, '/v1/audit-events', southernCrossKey)).status).toBe(403);
  });

  it('reads the audit log in the key’s scope, a page at a time', async () => {
    // Events of tenants outside the key's scope exist: another partner's client signs in, the other partner made a key.
    await sessionAs(stack, 'ella.martin@harbour-physio.example');
    const harbour = await tenantId(stack, 'Harbour Physio');
    const southernCross = await tenantId(stack, 'Southern Cross Resellers');
    const [outside] = (await stack.api.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS count FROM audit_event WHERE tenant_id IN ($1, $2)`, [
        harbour,
        southernCross,
      ])) as [{ count: number }];
    expect(outside.count).toBeGreaterThan(1);
    const first = await callV1(stack, '/v1/audit-events?limit=2', northwindKey);
    expect(first.status).toBe(200);
    const page = (await first.json()) as {
      items: Array<{ action: string; tenant_id: string }>;
      next_cursor: string | null;
    };
    expect(page.items).toHaveLength(2);
    expect(page.next_cursor).not.toBeNull();
    const next = await callV1(stack, `/v1/audit-events?limit=50&cursor=${page.next_cursor ?? ''}`, northwindKey);
    const rest = (await next.json()) as { items: Array<{ action: string; tenant_id: string }> };
    const actions = [...page.items, ...rest.items].map((item) => item.action);
    expect(actions).toContain('integrations.api_key.created');
    for (const item of [...page.items, ...rest.items]) expect([harbour, southernCross]).not.toContain(item.tenant_id);
  });

  it('needs no CSRF token and never sets a cookie', async () => {
    const response = await callV1(stack, '/v1/whoami', acmeKey);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});
