import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { checksumOf } from '@aidial/api/integrations';
import { cloneTestDatabase, freePort, testApiEnv, expireApiKey, revokeApiKey } from '@aidial/api/testing';
import { startDevIdp } from '@aidial/stand-ins/testing';
import { seedDemoData } from '../src/database/demo-seed';
import {
  type CreatedKey,
  type PortalSession,
  answerBytes,
  callV1,
  createKey,
  sessionAs,
  tenantId,
} from './support/api-keys';
import { eventually } from './support/eventually';
import { spawnBuiltApi, waitForListening } from './support/built-api';
import { DEMO_SEED, type SignInStack, identityProviderEnv, signIn, startSignInStack } from './support/sign-in-flow';

/** A key with the right shape and checksum for `publicId`, whose secret is not the key's. */
function wrongSecretFor(publicId: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const secret = [...randomBytes(40)].map((byte) => alphabet[byte % 62]).join('');
  const body = `aidial_${publicId}_${secret}`;
  return `${body}${checksumOf(body)}`;
}

describe('API keys (Integrations)', () => {
  let stack: SignInStack;
  let partnerAdmin: PortalSession;
  let acmeId: string;

  beforeAll(async () => {
    stack = await startSignInStack();
    partnerAdmin = await sessionAs(stack, 'partner_admin');
    acmeId = await tenantId(stack, 'Acme Health');
  });
  afterAll(() => stack.close());

  const list = async (session: PortalSession) => {
    const response = await fetch(`${stack.api.baseUrl}/api/integrations/keys`, { headers: session.read });
    expect(response.status).toBe(200);
    return (await response.json()) as {
      items: Array<Record<string, unknown>>;
      grantable_scopes: string[];
      can_manage: boolean;
    };
  };

  it('runs the whole lifecycle: create, use, list with last use, rotate with overlap, revoke', async () => {
    const created = await createKey(stack, partnerAdmin, {
      name: 'CRM sync',
      scopes: ['projects:read', 'platform:read'],
      client_id: acmeId,
    });
    expect(created.key).toMatch(/^aidial_[a-z0-9]{12}_[A-Za-z0-9]{46}$/);
    expect(created.scopes).toEqual(['whoami', 'projects:read', 'platform:read']);

    const whoami = await callV1(stack, '/v1/whoami', created.key, { 'user-agent': 'crm-sync/1.0' });
    expect(whoami.status).toBe(200);
    expect(await whoami.json()).toMatchObject({
      key_id: created.id,
      key_name: 'CRM sync',
      tenant: { name: 'Northwind Partners', kind: 'partner' },
      client: { id: acmeId, name: 'Acme Health' },
      scopes: ['whoami', 'projects:read', 'platform:read'],
      project_scope: { kind: 'all', project_ids: [] },
      expires_at: created.expires_at,
    });

    const listed = (await list(partnerAdmin)).items.find((item) => item['id'] === created.id);
    expect(listed).toMatchObject({
      name: 'CRM sync',
      public_id: created.public_id,
      prefix: `aidial_${created.public_id}_`,
      last_four: created.key.slice(-4),
      status: 'active',
      client_name: 'Acme Health',
      created_by_name: 'Priya Natarajan',
      last_used_user_agent: 'crm-sync/1.0',
      last_used_ip: '127.0.0.0',
    });
    expect(typeof listed?.['last_used_at']).toBe('string');

    const rotation = await fetch(`${stack.api.baseUrl}/api/integrations/keys/${created.id}/rotate`, {
      method: 'POST',
      headers: partnerAdmin.write,
      body: JSON.stringify({ overlap_hours: 2 }),
    });
    expect(rotation.status).toBe(201);
    const successor = (await rotation.json()) as CreatedKey & { rotated_from_id: string };
    expect(successor.key).not.toBe(created.key);
    expect(successor.rotated_from_id).toBe(created.id);
    expect(successor.scopes).toEqual(created.scopes);
    // During the overlap both keys work; the old one now expires within the window.
    expect((await callV1(stack, '/v1/whoami', created.key)).status).toBe(200);
    expect((await callV1(stack, '/v1/whoami', successor.key)).status).toBe(200);
    const listedAfter = (await list(partnerAdmin)).items;
    const old = listedAfter.find((item) => item['id'] === created.id);
    // The list says which key replaced which, so two rows of one name can be told apart.
    expect(old).toMatchObject({
      status: 'active',
      replaced_by_id: successor.id,
      replaced_by_last_four: successor.key.slice(-4),
    });
    expect(listedAfter.find((item) => item['id'] === successor.id)).toMatchObject({
      replaced_by_id: null,
      rotated_from_id: created.id,
    });
    const oldExpiry = Date.parse(String(old?.['expires_at']));
    expect(oldExpiry).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000 + 5_000);
    expect(oldExpiry).toBeGreaterThan(Date.now() + 2 * 3_600_000 - 60_000);

    for (const key of [successor, created]) {
      const revoked = await fetch(`${stack.api.baseUrl}/api/integrations/keys/${key.id}`, {
        method: 'DELETE',
        headers: partnerAdmin.write,
      });
      expect(revoked.status).toBe(204);
      const refused = await callV1(stack, '/v1/whoami', key.key);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ code: 'api_key_invalid' });
    }
    const again = await fetch(`${stack.api.baseUrl}/api/integrations/keys/${created.id}`, {
      method: 'DELETE',
      headers: partnerAdmin.write,
    });
    expect(again.status).toBe(409);
    expect((await list(partnerAdmin)).items.find((item) => item['id'] === created.id)).toMatchObject({
      status: 'revoked',
    });

    // Rejected uses are recorded off the request's path: read until both are there.
    const actions = await eventually(
      async () =>
        (
          (await stack.api.app
            .get(DataSource)
            .query(
              `SELECT action FROM audit_event WHERE target_type = 'api_key' AND target_id IN ($1, $2) ORDER BY seq`,
              [created.id, successor.id],
            )) as Array<{ action: string }>
        ).map((event) => event.action),
      (found) => found.filter((action) => action === 'integrations.api_key.rejected').length >= 2,
    );
    expect(actions.filter((action) => action !== 'integrations.api_key.rejected')).toEqual([
      'integrations.api_key.created',
      'integrations.api_key.rotated',
      'integrations.api_key.revoked',
      'integrations.api_key.revoked',
    ]);
    // Each revoked key's refused use is in the log too.
    expect(actions.filter((action) => action === 'integrations.api_key.rejected')).toHaveLength(2);
  });

  it('never shows the secret again: not in the list, not in the audit log', async () => {
    const created = await createKey(stack, partnerAdmin, { name: 'Shown once', scopes: ['whoami'] });
    const secret = created.key.slice(`aidial_${created.public_id}_`.length);
    const listing = JSON.stringify(await list(partnerAdmin));
    expect(listing).toContain(created.public_id);
    expect(listing).not.toContain(secret);
    expect(listing).not.toContain('"key"');
    await callV1(stack, '/v1/whoami', wrongSecretFor(created.public_id));
    // The rejected-use event is written off the request's path: read until it is there.
    const events = await eventually(
      async () =>
        (await stack.api.app.get(DataSource).query(
          `SELECT * FROM audit_event WHERE tenant_id = (
        SELECT tenant_id FROM api_key WHERE id = $1)`,
          [created.id],
        )) as Array<{ action: string }>,
      (found) => found.some((event) => event.action === 'integrations.api_key.rejected'),
    );
    const rows = JSON.stringify(events);
    expect(rows).toContain(created.public_id);
    expect(rows).not.toContain(secret);
    const stored = JSON.stringify(
      await stack.api.app.get(DataSource).query(`SELECT * FROM api_key WHERE id = $1`, [created.id]),
    );
    expect(stored).not.toContain(secret);
  });

  it('answers missing, malformed, unknown, wrong, expired and revoked keys with the same 401 bytes', async () => {
    const wrongTarget = await createKey(stack, partnerAdmin, { name: 'Wrong', scopes: ['whoami'] });
    const expired = await createKey(stack, partnerAdmin, { name: 'Expired', scopes: ['whoami'] });
    const revoked = await createKey(stack, partnerAdmin, { name: 'Revoked', scopes: ['whoami'] });
    const db = stack.api.app.get(DataSource);
    await expireApiKey(db, expired.id);
    await revokeApiKey(db, revoked.id);
    const checksumBroken = `${wrongTarget.key.slice(0, -1)}${wrongTarget.key.endsWith('A') ? 'B' : 'A'}`;
    const cases: Record<string, string | undefined> = {
      missing: undefined,
      malformed: 'aidial_not-a-real-key',
      checksum: checksumBroken,
      unknown: wrongSecretFor('zzzzzzzzzzzz'),
      wrong: wrongSecretFor(wrongTarget.public_id),
      expired: expired.key,
      revoked: revoked.key,
    };
    const answers = new Map<string, string>();
    for (const [name, key] of Object.entries(cases))
      answers.set(name, await answerBytes(await callV1(stack, '/v1/whoami', key)));
    const reference = answers.get('missing');
    expect(reference).toContain('"status":401');
    expect(reference).toContain('"code":"api_key_invalid"');
    for (const [name, answer] of answers) expect([name, answer]).toEqual([name, reference]);

    const rejected = await eventually(
      async () =>
        (await db.query(
          `SELECT target_id, details->>'reason' AS reason FROM audit_event
        WHERE action = 'integrations.api_key.rejected' AND target_id IN ($1, $2, $3) ORDER BY seq`,
          [wrongTarget.id, expired.id, revoked.id],
        )) as Array<{ target_id: string; reason: string }>,
      (found) => found.length >= 3,
    );
    // Written off the requests' paths, so in any order.
    expect(rejected).toHaveLength(3);
    expect(rejected).toEqual(
      expect.arrayContaining([
        { target_id: wrongTarget.id, reason: 'wrong_secret' },
        { target_id: expired.id, reason: 'expired' },
        { target_id: revoked.id, reason: 'revoked' },
      ]),
    );
  });

  it('never gives a key more than its creator may: scopes, client, projects, expiry', async () => {
    const post = (session: PortalSession, body: Record<string, unknown>) =>
      fetch(`${stack.api.baseUrl}/api/integrations/keys`, {
        method: 'POST',
        headers: session.write,
        body: JSON.stringify({ name: 'Too much', expires_in_days: 30, scopes: ['whoami'], ...body }),
      });
    const admin = await sessionAs(stack, 'aidial_admin');
    const refused = await post(admin, { scopes: ['projects:read'] });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'scope_not_grantable' });
    expect((await post(admin, { scopes: ['audit:read', 'platform:read'] })).status).toBe(201);
    expect((await list(admin)).grantable_scopes).toEqual(['whoami', 'audit:read', 'platform:read']);

    const partnerUser = await sessionAs(stack, 'partner_user');
    const readOnly = await post(partnerUser, {});
    expect(readOnly.status).toBe(403);
    expect(await readOnly.json()).toMatchObject({ code: 'insufficient_role' });
    expect((await list(partnerUser)).can_manage).toBe(false);

    const harbour = await tenantId(stack, 'Harbour Physio');
    const [harbourProject] = (await stack.api.app
      .get(DataSource)
      .query(`SELECT id FROM project WHERE tenant_id = $1`, [harbour])) as Array<{ id: string }>;
    for (const [body, field] of [
      [{ client_id: harbour }, 'client_id'],
      [{ project_ids: [harbourProject?.id] }, 'project_ids'],
      [{ expires_in_days: 366 }, 'expires_in_days'],
      [{ expires_in_days: undefined }, 'expires_in_days'],
      [{ scopes: ['everything'] }, 'scopes'],
    ] as const) {
      const response = await post(partnerAdmin, body);
      expect(response.status).toBe(400);
      const envelope = (await response.json()) as { code: string; fields: Array<{ field: string }> };
      expect(envelope.code).toBe('validation_failed');
      expect(envelope.fields.map((error) => error.field)).toContain(field);
    }
  });

  it('keeps a key of one tenant away from another tenant’s administrators (404, like a missing id)', async () => {
    const created = await createKey(stack, partnerAdmin, { name: 'Northwind only', scopes: ['whoami'] });
    const admin = await sessionAs(stack, 'aidial_admin');
    const foreign = await fetch(`${stack.api.baseUrl}/api/integrations/keys/${created.id}`, {
      method: 'DELETE',
      headers: admin.write,
    });
    const missing = await fetch(`${stack.api.baseUrl}/api/integrations/keys/5f0c7a52-9d53-4c39-9d59-0c3f2d6e8a11`, {
      method: 'DELETE',
      headers: admin.write,
    });
    expect(await answerBytes(foreign)).toEqual(await answerBytes(missing));
    expect(JSON.stringify((await list(admin)).items)).not.toContain(created.id);
  });

  it('never authenticates /api with a key: a valid key without a session gets 401', async () => {
    const created = await createKey(stack, partnerAdmin, { name: 'Not for /api', scopes: ['whoami'] });
    const response = await fetch(`${stack.api.baseUrl}/api/integrations/keys`, {
      headers: { 'x-api-key': created.key },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'unauthenticated' });
    const session = await fetch(`${stack.api.baseUrl}/api/session`, { headers: { 'x-api-key': created.key } });
    expect(session.status).toBe(401);
  });
});

describe('API keys in the logs of the built API', () => {
  it('never writes a key to a log line, on /v1 or on /api', async () => {
    const database = await cloneTestDatabase();
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const idp = await startDevIdp({ DEV_IDP_REDIRECT_URIS: `${appUrl}/api/auth/callback` });
    const db = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    await seedDemoData(db, DEMO_SEED as never);
    const { child, result } = spawnBuiltApi(
      testApiEnv(database.url, {
        LOG_LEVEL: 'info',
        PORT: String(port),
        PUBLIC_URL: appUrl,
        ...identityProviderEnv(idp),
      }),
    );
    let key = '';
    try {
      await waitForListening(child);
      const pseudoStack = { api: { baseUrl: appUrl }, idp } as unknown as SignInStack;
      const { cookies } = await signIn(pseudoStack, 'priya.natarajan@northwind.example');
      const session: PortalSession = {
        cookies,
        read: {
          cookie: Object.entries(cookies)
            .map(([n, v]) => `${n}=${encodeURIComponent(v)}`)
            .join('; '),
        },
        write: {
          cookie: Object.entries(cookies)
            .map(([n, v]) => `${n}=${encodeURIComponent(v)}`)
            .join('; '),
          'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '',
          'content-type': 'application/json',
        },
      };
      key = (await createKey(pseudoStack, session, { name: 'Logged?', scopes: ['whoami'] })).key;
      expect((await callV1(pseudoStack, '/v1/whoami?probe=1', key)).status).toBe(200);
      expect((await callV1(pseudoStack, '/v1/whoami', `${key.slice(0, -2)}zz`)).status).toBe(401);
      const onApi = await fetch(`${appUrl}/api/integrations/keys`, {
        headers: { 'x-api-key': key, 'x-request-id': 'api-key-on-api-0001' },
      });
      expect(onApi.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
      await db.destroy();
    }
    const { stdout, stderr } = await result;
    await idp.stop();
    await database.drop();
    const secret = key.slice(20);
    expect(secret.length).toBeGreaterThan(30);
    expect(stdout + stderr).not.toContain(secret);
    expect(stdout + stderr).not.toContain(key.slice(0, 30));
    const apiLine = stdout.split('\n').find((line) => line.includes('api-key-on-api-0001'));
    expect(apiLine).toBeDefined();
    expect(apiLine).not.toContain('aidial_');
  });
});
