import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AuditService } from '@aidial/api/audit';
import { type Answer, type Browser, auditCalls } from './support/audit-calls';
import { type CreatedKey, callV1, createKey, sessionAs } from './support/api-keys';
import { type SignInStack, cookieHeader, startSignInStack } from './support/sign-in-flow';

interface Actor {
  kind: string;
  id: string;
  name: string;
  email: string | null;
}

interface EventBody {
  id: string;
  tenant_id: string | null;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  actor_role: string | null;
  actor: Actor;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_description: string | null;
  details: Record<string, unknown>;
}

const AMELIA = 'amelia.hart@acme-health.example';
const MARCUS = 'marcus.chen@acme-health.example';
const SOFIA = 'sofia.rossi@acme-health.example';
const PRIYA = 'priya.natarajan@northwind.example';
const GRACE = 'grace.okafor@aidial.example';
const ELLA = 'ella.martin@harbour-physio.example';

/** What no reader outside AiDial may ever read of AiDial's own staff, and of one customer's people outside it. */
const GRACE_WORDS = ['Grace Okafor', GRACE];
const ACME_WORDS = ['Amelia Hart', AMELIA, 'Marcus Chen', MARCUS, 'Sofia Rossi', SOFIA];

/**
 * Issue 15: the Audit Log names people (name and email) and what each event is about, at read time, from the modules
 * that own them; AiDial's staff are "AiDial support" to customers and partners; no reader learns a name from a tenant
 * it may not see; the person picker lists the actors of the reader's scope and its ids filter the log; a page costs the
 * same few statements whatever its size. Stored rows, and so the hash chain, are untouched.
 */
describe('the Audit Log in words', () => {
  let stack: SignInStack;
  const { as, call, db, userId, tenantId } = auditCalls(() => stack);
  const tenants: Record<string, string> = {};
  let crmSync: CreatedKey;
  const deletedKeyId = randomUUID();
  const invited = `ana.names.${Date.now()}@acme-health.example`;

  beforeAll(async () => {
    stack = await startSignInStack();
    for (const name of ['Acme Health', 'Northwind Partners', 'Harbour Physio', 'Bluegum Dental']) {
      tenants[name] = await tenantId(name);
    }
    for (const email of [AMELIA, MARCUS, PRIYA, GRACE, ELLA]) await as(email);

    // Amelia invites someone, and changes Sofia's role and back: invitation and membership targets.
    const amelia = await as(AMELIA);
    expect((await call(amelia, 'POST', '/api/team/invitations', { email: invited, role: 'client_staff' })).status).toBe(
      201,
    );
    const members = (await call(amelia, 'GET', '/api/team/members')).body['items'] as Array<{
      id: string;
      email: string;
    }>;
    const sofia = members.find((member) => member.email === SOFIA);
    if (!sofia) throw new Error('Sofia is not in the Team list');
    for (const role of ['client_manager', 'client_staff']) {
      expect((await call(amelia, 'PUT', `/api/team/members/${sofia.id}/role`, { role })).status).toBe(200);
    }

    // Priya makes a key that may read the log, and uses it where it may not go: the key is the actor of that refusal.
    const priya = await sessionAs(stack, PRIYA);
    crmSync = await createKey(stack, priya, { name: 'CRM sync', scopes: ['audit:read'] });
    expect((await callV1(stack, '/v1/projects', crmSync.key)).status).toBe(403);

    // An AiDial administrator's change to Acme Health, in Acme Health's log; a key that no longer exists; an event
    // of no one in Northwind's log.
    const audit = stack.api.app.get(AuditService);
    await audit.record({
      action: 'admin.tenant.sms_otp_changed',
      outcome: 'success',
      tenantId: tenants['Acme Health'],
      actor: { userId: await userId(GRACE), role: 'aidial_admin' },
      targetId: tenants['Acme Health'],
      details: { enabled: false },
    });
    await audit.record({
      action: 'integrations.api_key.revoked',
      outcome: 'success',
      tenantId: tenants['Northwind Partners'],
      actor: { userId: await userId(PRIYA), role: 'partner_admin' },
      targetId: deletedKeyId,
      details: { name: 'Old sync', public_id: 'k3v9x0a1b2c3' },
    });
    await audit.record({
      action: 'integrations.api_key.rejected',
      outcome: 'denied',
      tenantId: tenants['Northwind Partners'],
      actor: { userId: null, apiKeyId: null, role: null },
      targetId: crmSync.id,
      details: { public_id: crmSync.public_id, reason: 'wrong_secret' },
    });
  });
  afterAll(() => stack.close());

  async function everyPage(browser: Browser, query = ''): Promise<{ items: EventBody[]; text: string }> {
    const items: EventBody[] = [];
    let text = '';
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const answer: Answer = await call(
        browser,
        'GET',
        `/api/audit-events?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(answer.status).toBe(200);
      items.push(...(answer.body['items'] as EventBody[]));
      text += answer.text;
      cursor = answer.body['next_cursor'] as string | null;
      if (!cursor) return { items, text };
    }
    throw new Error('pagination did not end');
  }

  async function picker(browser: Browser, query = ''): Promise<{ status: number; items: Actor[]; text: string }> {
    const answer = await call(browser, 'GET', `/api/audit-events/actors${query}`);
    return { status: answer.status, items: (answer.body['items'] as Actor[] | undefined) ?? [], text: answer.text };
  }

  async function exportCsv(browser: Browser, query = ''): Promise<string> {
    const response = await fetch(`${stack.api.baseUrl}/api/audit-events/export.csv${query}`, {
      headers: { cookie: cookieHeader(browser) },
    });
    expect(response.status).toBe(200);
    return response.text();
  }

  const only = <T>(list: T[], what: string): T => {
    expect([what, list.length]).toEqual([what, 1]);
    return list[0] as T;
  };

  it('names who acted and what they acted on, on the page and in the export, with the ids kept', async () => {
    const amelia = await as(AMELIA);
    const { items } = await everyPage(amelia);
    const ameliaId = await userId(AMELIA);
    const invitation = only(
      items.filter((item) => item.action === 'tenancy.invitation.created' && item.details['email'] === invited),
      'invitation',
    );
    expect(invitation.actor).toEqual({ kind: 'person', id: ameliaId, name: 'Amelia Hart', email: AMELIA });
    expect(invitation.actor_user_id).toBe(ameliaId);
    expect(invitation.target_description).toBe(`Invitation for ${invited}`);

    const roleChanges = items.filter((item) => item.action === 'tenancy.member.role_changed');
    expect(roleChanges.length).toBeGreaterThanOrEqual(2);
    expect(new Set(roleChanges.map((item) => item.target_description))).toEqual(new Set(['Member Sofia Rossi']));

    const signIn = items.find((item) => item.action === 'auth.sign_in' && item.actor_user_id === ameliaId);
    expect(signIn?.target_description).toBe('User Amelia Hart');
    const smsChange = only(
      items.filter((item) => item.action === 'admin.tenant.sms_otp_changed'),
      'AiDial change',
    );
    expect(smsChange.target_description).toBe('Tenant Acme Health');

    const [header, ...lines] = (await exportCsv(amelia, '?action=tenancy.invitation.created')).trim().split('\r\n');
    expect(header).toBe(
      '"occurred_at","id","tenant_id","actor_user_id","actor_api_key_id","actor_role","action","outcome","target_type",' +
        '"target_id","request_id","ip","user_agent","details","actor_name","actor_email","target_description"',
    );
    const line = lines.find((candidate) => candidate.includes(invitation.id)) ?? '';
    expect(line).toContain(`"${ameliaId}"`);
    expect(line).toContain(`"${invitation.target_id}"`);
    expect(line.endsWith(`"Amelia Hart","${AMELIA}","Invitation for ${invited}"`)).toBe(true);
  });

  it('shows AiDial staff to a customer as AiDial support, and by name only to AiDial', async () => {
    const amelia = await as(AMELIA);
    const { items, text } = await everyPage(amelia);
    const change = only(
      items.filter((item) => item.action === 'admin.tenant.sms_otp_changed'),
      'AiDial change',
    );
    expect(change.actor).toEqual({ kind: 'aidial_support', id: 'aidial_support', name: 'AiDial support', email: null });
    const csv = await exportCsv(amelia);
    const choices = await picker(amelia);
    for (const word of GRACE_WORDS) {
      expect([word, text.includes(word), csv.includes(word), choices.text.includes(word)]).toEqual([
        word,
        false,
        false,
        false,
      ]);
    }

    const grace = await as(GRACE);
    const internal = await everyPage(grace, `&tenant_id=${tenants['Acme Health']}&action=admin.tenant.sms_otp_changed`);
    expect(only(internal.items, 'AiDial change').actor).toMatchObject({
      kind: 'person',
      name: 'Grace Okafor',
      email: GRACE,
    });
  });

  it('never gives a reader a name from a tenant it may not see', async () => {
    const ella = await as(ELLA);
    const page = await everyPage(ella);
    expect(page.items.length).toBeGreaterThan(0);
    const csv = await exportCsv(ella);
    const choices = await picker(ella);
    // Asking for Amelia's events by her id finds nothing in Harbour Physio's log, so names nothing either.
    const byAmelia = await everyPage(ella, `&actor=${await userId(AMELIA)}`);
    expect(byAmelia.items).toEqual([]);
    for (const word of [...ACME_WORDS, ...GRACE_WORDS, 'Priya Natarajan', 'CRM sync']) {
      expect([word, page.text.includes(word), csv.includes(word), choices.text.includes(word)]).toEqual([
        word,
        false,
        false,
        false,
      ]);
    }
  });

  it('lists the actors of the reader’s scope for the picker, each once, and refuses what the log refuses', async () => {
    const amelia = await picker(await as(AMELIA));
    expect(amelia.status).toBe(200);
    const acmeActors = (await db().query(
      `SELECT DISTINCT u.display_name FROM audit_event e JOIN portal_user u ON u.id = e.actor_user_id
        WHERE e.tenant_id = $1 AND e.actor_role NOT IN ('aidial_admin', 'aidial_operator')`,
      [tenants['Acme Health']],
    )) as Array<{ display_name: string }>;
    expect(amelia.items.filter((item) => item.kind === 'person').map((item) => item.name)).toEqual(
      acmeActors.map((row) => row.display_name).sort((a, b) => a.localeCompare(b)),
    );
    expect(amelia.items.map((item) => item.name)).toContain('Amelia Hart');
    expect(amelia.items.filter((item) => item.kind === 'aidial_support')).toEqual([
      { kind: 'aidial_support', id: 'aidial_support', name: 'AiDial support', email: null },
    ]);
    expect(new Set(amelia.items.map((item) => item.id)).size).toBe(amelia.items.length);

    const priya = await as(PRIYA);
    const partner = await picker(priya);
    expect(partner.items).toContainEqual({
      kind: 'api_key',
      id: `api_key:${crmSync.id}`,
      name: `API key CRM sync …${crmSync.last_four}`,
      email: null,
    });
    expect(partner.items.map((item) => item.name)).toEqual(
      expect.arrayContaining(['Priya Natarajan', 'Amelia Hart', 'AiDial support', 'System']),
    );
    const acmeOnly = await picker(priya, `?client_id=${tenants['Acme Health']}`);
    expect(acmeOnly.items.map((item) => item.name)).toContain('Amelia Hart');
    expect(acmeOnly.items.map((item) => item.name)).not.toContain('Priya Natarajan');
    expect(acmeOnly.items.filter((item) => item.kind === 'api_key')).toEqual([]);

    const grace = await picker(await as(GRACE));
    expect(grace.items.filter((item) => item.kind === 'person').map((item) => item.name)).toEqual(
      expect.arrayContaining(['Grace Okafor', 'Amelia Hart', 'Ella Martin', 'Priya Natarajan']),
    );
    expect(grace.items.filter((item) => item.kind === 'aidial_support')).toEqual([]);

    const refusals = [
      [await as(SOFIA), ''],
      [await as(AMELIA), `?tenant_id=${tenants['Acme Health']}`],
      [await as(AMELIA), `?client_id=${tenants['Acme Health']}`],
      [priya, `?client_id=${tenants['Harbour Physio']}`],
      [priya, `?tenant_id=${tenants['Northwind Partners']}`],
    ] as const;
    for (const [browser, query] of refusals) {
      const answer = await call(browser, 'GET', `/api/audit-events/actors${query}`);
      expect([query, answer.status, answer.body['code']]).toEqual([query, 404, 'not_found']);
    }
    expect((await call(null, 'GET', '/api/audit-events/actors')).status).toBe(401);
  });

  it('filters by each actor the picker offers: a person, AiDial support, an API key, System', async () => {
    const priya = await as(PRIYA);
    const all = (await everyPage(priya)).items;
    const choices = (await picker(priya)).items;
    for (const kind of ['person', 'aidial_support', 'api_key', 'system']) {
      expect(choices.map((choice) => choice.kind)).toContain(kind);
    }
    for (const choice of choices) {
      const filtered = (await everyPage(priya, `&actor=${encodeURIComponent(choice.id)}`)).items;
      const expected = all.filter((item) => item.actor.id === choice.id).map((item) => item.id);
      expect([choice.name, filtered.length > 0]).toEqual([choice.name, true]);
      expect([choice.name, filtered.map((item) => item.id)]).toEqual([choice.name, expected]);
      const csv = await exportCsv(priya, `?actor=${encodeURIComponent(choice.id)}`);
      expect(csv.trim().split('\r\n')).toHaveLength(expected.length + 1);
    }
    for (const actor of ['nope', 'api_key:nope', 'person:x', 'aidial']) {
      const answer = await call(priya, 'GET', `/api/audit-events?actor=${actor}`);
      expect([actor, answer.status, answer.body['code']]).toEqual([actor, 400, 'validation_failed']);
    }
  });

  it('labels keys and says plainly when a target no longer exists', async () => {
    const { items } = await everyPage(await as(PRIYA), '&target_type=api_key');
    const created = only(
      items.filter((item) => item.action === 'integrations.api_key.created' && item.target_id === crmSync.id),
      'key created',
    );
    expect(created.target_description).toBe(`API key CRM sync …${crmSync.last_four}`);
    const rejected = only(
      items.filter((item) => item.action === 'integrations.api_key.rejected' && item.target_id === crmSync.id),
      'key rejected',
    );
    expect(rejected.actor).toEqual({ kind: 'system', id: 'system', name: 'System', email: null });
    const revoked = only(
      items.filter((item) => item.target_id === deletedKeyId),
      'key deleted',
    );
    expect(revoked.target_description).toBe('API key Old sync (deleted)');
    const denied = (await everyPage(await as(PRIYA), `&actor=api_key:${crmSync.id}`)).items;
    expect(denied.map((item) => [item.action, item.actor.name])).toContainEqual([
      'access.denied',
      `API key CRM sync …${crmSync.last_four}`,
    ]);
  });

  it('gives /v1 the same words beside the same ids, under the same rules', async () => {
    const response = await callV1(stack, `/v1/audit-events?limit=200&client_id=${tenants['Acme Health']}`, crmSync.key);
    expect(response.status).toBe(200);
    const text = await response.text();
    const items = (JSON.parse(text) as { items: EventBody[] }).items;
    const change = only(
      items.filter((item) => item.action === 'admin.tenant.sms_otp_changed'),
      'AiDial change',
    );
    expect(change.actor.kind).toBe('aidial_support');
    expect(change.actor_user_id).toBe(await userId(GRACE));
    for (const word of GRACE_WORDS) expect([word, text.includes(word)]).toEqual([word, false]);
    const invitation = items.find((item) => item.details['email'] === invited);
    expect(invitation?.actor).toMatchObject({ name: 'Amelia Hart', email: AMELIA });
    expect(invitation?.target_description).toBe(`Invitation for ${invited}`);
  });

  it('costs the same few statements for a page of one event as for a page of fifty, and writes nothing', async () => {
    const priya = await as(PRIYA);
    const statements = async (query: string) => {
      const path = `/api/audit-events?${query}`;
      expect((await call(priya, 'GET', path)).status).toBe(200);
      const spy = jest.spyOn(Client.prototype, 'query');
      try {
        const answer = await call(priya, 'GET', path);
        expect(answer.status).toBe(200);
        const sent = spy.mock.calls.map(([sentQuery]: unknown[]) => {
          const config = (typeof sentQuery === 'string' ? { text: sentQuery } : sentQuery) as {
            text?: string;
            name?: string;
          };
          return { text: (config.text ?? '').trim(), name: config.name ?? null };
        });
        return { sent, count: (answer.body['items'] as unknown[]).length };
      } finally {
        spy.mockRestore();
      }
    };
    const hashesBefore = (await db().query(`SELECT id, hash FROM audit_event WHERE tenant_id = $1 ORDER BY seq`, [
      tenants['Northwind Partners'],
    ])) as unknown[];
    // Fifty more events in Northwind's log, by and about several people and keys.
    const audit = stack.api.app.get(AuditService);
    const people = await Promise.all(
      [PRIYA, 'oliver.bennett@northwind.example', 'liam.obrien@northwind.example'].map((email) => userId(email)),
    );
    for (let index = 0; index < 50; index++) {
      const person = people[index % people.length] ?? null;
      await audit.record({
        action: index % 2 ? 'tenancy.member.sessions_revoked' : 'integrations.api_key.revoked',
        outcome: 'success',
        tenantId: tenants['Northwind Partners'],
        actor: { userId: person, role: 'partner_admin' },
        targetId: index % 2 ? people[(index + 1) % people.length] : crmSync.id,
        details: index % 2 ? { count: 0, team: 'partner_team' } : { name: 'CRM sync', public_id: crmSync.public_id },
      });
    }
    const one = await statements('limit=1&action=integrations.api_key.created');
    const many = await statements('limit=50');
    expect(one.count).toBe(1);
    expect(many.count).toBe(50);
    // The session, its access context, the partner's clients, the page, then one lookup per owner of names (side by
    // side, so in either order): as many for fifty events as for one.
    const named = (sent: Array<{ name: string | null }>) =>
      sent.map(({ name }) => name?.replace(/_[0-9a-f]{16}$/, '') ?? 'unnamed').sort();
    const expected = [
      'access_membership',
      'api_key_labels',
      'audit_page',
      'directory_names',
      'managed_client_ids',
      'session_lookup',
    ];
    expect(named(one.sent)).toEqual(expected);
    expect(named(many.sent)).toEqual(expected);
    expect(many.sent.filter(({ text }) => !/^SELECT\b/i.test(text)).map(({ text }) => text)).toEqual([]);
    const hashesAfter = (await db().query(`SELECT id, hash FROM audit_event WHERE tenant_id = $1 ORDER BY seq`, [
      tenants['Northwind Partners'],
    ])) as unknown[];
    expect(hashesAfter.slice(0, hashesBefore.length)).toEqual(hashesBefore);
    const verified = await call(
      await as(GRACE),
      'GET',
      `/api/admin/audit-events/verify?tenant_id=${tenants['Northwind Partners']}`,
    );
    expect(verified.body).toMatchObject({ ok: true, first_broken: null });
  });
});
