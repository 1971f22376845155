import { randomUUID } from 'node:crypto';
import { SESSION_REVOCATION_NOTE_MAX_LENGTH } from '@aidial/shared/access';
import { type Answer, type AuditRow, type Browser, auditCalls } from './support/audit-calls';
import { type SignInStack, signIn, startSignInStack } from './support/sign-in-flow';
import { aSession, asDatabaseOwner, removeSession, changeRole } from '@aidial/api/testing';

/**
 * Issue 9 "Session security": an AiDial administrator ends a user's or a tenant's sessions, a client or partner
 * administrator ends a member's sessions in their own tenant, each with a note; suspending a tenant, changing a
 * member's role and removing a membership end the sessions concerned in the same transaction as the change.
 */
const GRACE = 'grace.okafor@aidial.example'; // aidial_admin
const NOAH = 'noah.williams@aidial.example'; // aidial_operator
const AMELIA = 'amelia.hart@acme-health.example'; // client_admin, Acme Health
const MARCUS = 'marcus.chen@acme-health.example'; // client_manager, Acme Health
const SOFIA = 'sofia.rossi@acme-health.example'; // client_staff, Acme Health
const CHLOE = 'chloe.nguyen@acme-health.example'; // client_admin, Acme Health (SMS factor)
const PRIYA = 'priya.natarajan@northwind.example'; // partner_admin, Northwind Partners
const LIAM = 'liam.obrien@northwind.example'; // partner_user, Northwind Partners
const OLIVER = 'oliver.bennett@northwind.example'; // partner_admin, Northwind Partners
const JACK = 'jack.wilson@southerncross.example'; // partner_user, Southern Cross Resellers
const ELLA = 'ella.martin@harbour-physio.example'; // client_admin, Harbour Physio

const NOTE = 'Laptop reported stolen; please sign in again.';

interface SessionRow {
  id: string;
  tenant_id: string;
  ended_at: Date | null;
  end_reason: string | null;
  ended_by_user_id: string | null;
  end_note: string | null;
  tokens_encrypted: string | null;
}

describe('ending other people’s sessions', () => {
  let stack: SignInStack;
  const api = auditCalls(() => stack);
  const { as, call, db, eventsOf, userId, tenantId } = api;

  beforeAll(async () => {
    stack = await startSignInStack();
  });
  afterAll(() => stack.close());

  /** A new browser signed in as `email` (a session of its own, never shared with another test). */
  async function newBrowser(email: string): Promise<Browser> {
    return (await signIn(stack, email)).cookies;
  }

  /** The status and code `browser` gets on its next request. */
  async function nextRequest(browser: Browser): Promise<[number, unknown]> {
    const answer = await call(browser, 'GET', '/api/session');
    return [answer.status, answer.body['code']];
  }

  async function sessionsOf(email: string): Promise<SessionRow[]> {
    return (await db().query(
      `SELECT s.id, s.tenant_id, s.ended_at, s.end_reason, s.ended_by_user_id, s.end_note, s.tokens_encrypted
         FROM session s JOIN portal_user u ON u.id = s.user_id WHERE u.email = $1 ORDER BY s.created_at, s.id`,
      [email],
    )) as SessionRow[];
  }

  async function liveSessionIds(email: string, tenant?: string): Promise<string[]> {
    const tenantFilter = tenant ? await tenantId(tenant) : null;
    return (await sessionsOf(email))
      .filter((row) => row.ended_at === null && (tenantFilter === null || row.tenant_id === tenantFilter))
      .map((row) => row.id);
  }

  /**
   * A live session of `email` in another tenant. Sign-in always opens the person's first membership and the portal
   * has no tenant switch yet, so a row stands in for the session they would hold there; it is live as the auth module
   * defines it (not ended, not expired).
   */
  function liveSessionElsewhere(email: string, tenant: string): Promise<string> {
    return aSession(db(), { email }, { name: tenant });
  }

  async function endedRows(ids: readonly string[]): Promise<SessionRow[]> {
    return (await db().query(
      `SELECT id, tenant_id, ended_at, end_reason, ended_by_user_id, end_note, tokens_encrypted
         FROM session WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [ids],
    )) as SessionRow[];
  }

  async function membershipId(email: string, tenant: string): Promise<string> {
    const [row] = (await db().query(
      `SELECT m.id FROM membership m JOIN portal_user u ON u.id = m.user_id JOIN tenant t ON t.id = m.tenant_id
        WHERE u.email = $1 AND t.name = $2`,
      [email, tenant],
    )) as Array<{ id: string }>;
    if (!row) throw new Error(`${email} is not a member of ${tenant}`);
    return row.id;
  }

  /** The body with its request id blanked: what must be byte-identical between refusals that must not differ. */
  const withoutRequestId = (answer: Answer) => answer.text.replace(/"request_id":"[^"]*"/, '"request_id":""');

  /** No cookie value, CSRF token or session token of any of these browsers appears in any audit row. */
  async function expectNoCookieIn(rows: AuditRow[], browsers: Browser[]): Promise<void> {
    const serialised = JSON.stringify(rows);
    for (const browser of browsers)
      for (const value of Object.values(browser)) if (value.length >= 16) expect(serialised).not.toContain(value);
    const hashes = (await db().query(`SELECT encode(token_hash, 'hex') AS hash FROM session`)) as Array<{
      hash: string;
    }>;
    for (const { hash } of hashes) expect(serialised).not.toContain(hash);
  }

  /** The three ways a note is refused: missing, blank, too long (and not text). */
  const BAD_NOTES: Array<[string, unknown]> = [
    ['no note', {}],
    ['an empty note', { note: '' }],
    ['a note of spaces only', { note: '   ' }],
    [`a note longer than ${SESSION_REVOCATION_NOTE_MAX_LENGTH} characters`, { note: 'x'.repeat(501) }],
    ['a note that is not text', { note: 42 }],
    ['an unknown field', { note: NOTE, reason: 'revoked_by_admin' }],
  ];

  describe('an administrator ends a user’s sessions (POST /api/admin/users/:id/sessions/revoke)', () => {
    it('ends every live session of the user in every tenant, with the note, and records one event per tenant', async () => {
      const first = await newBrowser(JACK);
      const second = await newBrowser(JACK);
      const elsewhere = await liveSessionElsewhere(JACK, 'Bluegum Dental');
      const bystander = await newBrowser(LIAM);
      const grace = await as(GRACE);
      const jackSessions = await liveSessionIds(JACK);
      expect(jackSessions).toHaveLength(3);
      expect(jackSessions).toContain(elsewhere);

      const jack = await userId(JACK);
      const answer = await call(grace, 'POST', `/api/admin/users/${jack}/sessions/revoke`, { note: `  ${NOTE}  ` });
      expect([answer.status, answer.body]).toEqual([200, { revoked: 3 }]);

      expect(await nextRequest(first)).toEqual([401, 'unauthenticated']);
      expect(await nextRequest(second)).toEqual([401, 'unauthenticated']);
      expect(await nextRequest(bystander)).toEqual([200, undefined]);
      const graceId = await userId(GRACE);
      expect(await endedRows(jackSessions)).toEqual(
        [...jackSessions].sort().map((id) => ({
          id,
          tenant_id: expect.any(String),
          ended_at: expect.any(Date),
          end_reason: 'revoked_by_admin',
          ended_by_user_id: graceId,
          end_note: NOTE,
          tokens_encrypted: null,
        })),
      );

      const events = await eventsOf(answer.requestId);
      const southernCross = await tenantId('Southern Cross Resellers');
      const bluegum = await tenantId('Bluegum Dental');
      expect(
        events
          .map((event) => [event.tenant_id, event.details])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      ).toEqual(
        [
          [southernCross, { note: NOTE, count: 2 }],
          [bluegum, { note: NOTE, count: 1 }],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      for (const event of events) {
        expect(event).toMatchObject({
          action: 'admin.user.sessions_revoked',
          outcome: 'success',
          actor_user_id: graceId,
          actor_role: 'aidial_admin',
          target_type: 'user',
          target_id: jack,
          request_id: answer.requestId,
        });
      }
      await expectNoCookieIn(events, [first, second, grace]);
    });

    it('answers 0 and records the attempt in the log of no tenant when the user has no live session', async () => {
      const jack = await userId(JACK);
      expect(await liveSessionIds(JACK)).toEqual([]);
      const answer = await call(await as(GRACE), 'POST', `/api/admin/users/${jack}/sessions/revoke`, { note: NOTE });
      expect([answer.status, answer.body]).toEqual([200, { revoked: 0 }]);
      expect((await eventsOf(answer.requestId)).map((e) => [e.action, e.tenant_id, e.target_id, e.details])).toEqual([
        ['admin.user.sessions_revoked', null, jack, { note: NOTE, count: 0 }],
      ]);
    });

    it('lets the user sign in again at once', async () => {
      const again = await newBrowser(JACK);
      expect(await nextRequest(again)).toEqual([200, undefined]);
    });

    it(`accepts a note of exactly ${SESSION_REVOCATION_NOTE_MAX_LENGTH} characters`, async () => {
      const victim = await newBrowser(JACK);
      const live = await liveSessionIds(JACK);
      const note = 'n'.repeat(SESSION_REVOCATION_NOTE_MAX_LENGTH);
      const answer = await call(await as(GRACE), 'POST', `/api/admin/users/${await userId(JACK)}/sessions/revoke`, {
        note,
      });
      expect([answer.status, answer.body]).toEqual([200, { revoked: live.length }]);
      expect(await nextRequest(victim)).toEqual([401, 'unauthenticated']);
      expect((await endedRows(live)).map((row) => row.end_note)).toEqual(live.map(() => note));
    });

    it('refuses the administrator’s own account with 409 own_membership, ending nothing', async () => {
      const grace = await as(GRACE);
      const answer = await call(grace, 'POST', `/api/admin/users/${await userId(GRACE)}/sessions/revoke`, {
        note: NOTE,
      });
      expect([answer.status, answer.body['code']]).toEqual([409, 'own_membership']);
      expect(await nextRequest(grace)).toEqual([200, undefined]);
      expect(await eventsOf(answer.requestId)).toEqual([]);
    });
  });

  describe('an administrator ends a tenant’s sessions (POST /api/admin/tenants/:id/sessions/revoke)', () => {
    it('ends every live session of the tenant and no other, records the event in its log; members may sign in again', async () => {
      const first = await newBrowser(ELLA);
      const second = await newBrowser(ELLA);
      const outsider = await newBrowser(JACK);
      const harbour = await tenantId('Harbour Physio');
      const ended = await liveSessionIds(ELLA);
      expect(ended).toHaveLength(2);
      const grace = await as(GRACE);

      const answer = await call(grace, 'POST', `/api/admin/tenants/${harbour}/sessions/revoke`, { note: NOTE });
      expect([answer.status, answer.body]).toEqual([200, { revoked: 2 }]);
      expect(await nextRequest(first)).toEqual([401, 'unauthenticated']);
      expect(await nextRequest(second)).toEqual([401, 'unauthenticated']);
      expect(await nextRequest(outsider)).toEqual([200, undefined]);
      expect(await nextRequest(grace)).toEqual([200, undefined]);
      const graceId = await userId(GRACE);
      expect((await endedRows(ended)).map((row) => [row.end_reason, row.ended_by_user_id, row.end_note])).toEqual([
        ['revoked_by_admin', graceId, NOTE],
        ['revoked_by_admin', graceId, NOTE],
      ]);

      const events = await eventsOf(answer.requestId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'admin.tenant.sessions_revoked',
        outcome: 'success',
        tenant_id: harbour,
        actor_user_id: graceId,
        actor_role: 'aidial_admin',
        target_type: 'tenant',
        target_id: harbour,
        request_id: answer.requestId,
        details: { note: NOTE, count: 2 },
      });
      await expectNoCookieIn(events, [first, second, grace]);

      expect(await nextRequest(await newBrowser(ELLA))).toEqual([200, undefined]);
    });

    it('keeps the calling administrator’s own session when the tenant is their own', async () => {
      const grace = await as(GRACE);
      const otherBrowser = await newBrowser(GRACE);
      const answer = await call(grace, 'POST', `/api/admin/tenants/${await tenantId('AiDial')}/sessions/revoke`, {
        note: NOTE,
      });
      expect(answer.status).toBe(200);
      expect(answer.body['revoked']).toBeGreaterThanOrEqual(1);
      expect(await nextRequest(otherBrowser)).toEqual([401, 'unauthenticated']);
      expect(await nextRequest(grace)).toEqual([200, undefined]);
      // The operator's cached session (if any) was in the internal tenant too.
      api.forget(NOAH);
    });
  });

  describe('who may end sessions from the admin area', () => {
    const ROUTES = [
      ['users', (ids: { user: string; tenant: string }) => `/api/admin/users/${ids.user}/sessions/revoke`],
      ['tenants', (ids: { user: string; tenant: string }) => `/api/admin/tenants/${ids.tenant}/sessions/revoke`],
    ] as const;

    async function targets() {
      return { user: await userId(ELLA), tenant: await tenantId('Harbour Physio') };
    }

    it.each(ROUTES)(
      'refuses aidial_operator on /api/admin/%s/:id/sessions/revoke with 403 insufficient_role, ending nothing',
      async (_which, path) => {
        const victim = await newBrowser(ELLA);
        const answer = await call(await as(NOAH), 'POST', path(await targets()), { note: NOTE });
        expect([answer.status, answer.body['code']]).toEqual([403, 'insufficient_role']);
        expect(await nextRequest(victim)).toEqual([200, undefined]);
        expect((await eventsOf(answer.requestId)).map((event) => [event.action, event.outcome])).toEqual([
          ['access.denied', 'denied'],
        ]);
      },
    );

    it.each(ROUTES.flatMap(([which, path]) => [AMELIA, PRIYA, LIAM].map((email) => [which, email, path] as const)))(
      'answers /api/admin/%s/:id/sessions/revoke to %s with 404 not_found, ending nothing',
      async (_which, email, path) => {
        const victim = await newBrowser(ELLA);
        const answer = await call(await as(email), 'POST', path(await targets()), { note: NOTE });
        expect([answer.status, answer.body['code']]).toEqual([404, 'not_found']);
        expect(await nextRequest(victim)).toEqual([200, undefined]);
      },
    );

    it.each(ROUTES)(
      'answers /api/admin/%s with a malformed id exactly like a missing one: 404 not_found',
      async (_which, path) => {
        const grace = await as(GRACE);
        const malformed = await call(grace, 'POST', path({ user: 'not-a-uuid', tenant: '12345' }), { note: NOTE });
        const missing = await call(grace, 'POST', path({ user: randomUUID(), tenant: randomUUID() }), { note: NOTE });
        expect([malformed.status, missing.status]).toEqual([404, 404]);
        expect(malformed.headers.get('content-type')).toBe(missing.headers.get('content-type'));
        expect(withoutRequestId(malformed)).toBe(withoutRequestId(missing));
        expect(malformed.body).toMatchObject({ code: 'not_found' });
        expect(await eventsOf(missing.requestId)).toEqual([]);
      },
    );

    it.each(ROUTES.flatMap(([which, path]) => BAD_NOTES.map(([why, body]) => [which, why, path, body] as const)))(
      'refuses /api/admin/%s with %s: 400 validation_failed on the field, ending nothing',
      async (_which, _why, path, body) => {
        const victim = await newBrowser(ELLA);
        const answer = await call(await as(GRACE), 'POST', path(await targets()), body);
        expect([answer.status, answer.body['code']]).toEqual([400, 'validation_failed']);
        const fields = new Set((answer.body['fields'] as Array<{ field: string }>).map((error) => error.field));
        expect(fields).toEqual(new Set(['reason' in (body as object) ? 'reason' : 'note']));
        expect(await nextRequest(victim)).toEqual([200, undefined]);
        expect(await eventsOf(answer.requestId)).toEqual([]);
      },
    );

    it.each(ROUTES)('refuses /api/admin/%s without the CSRF header: 403 csrf_failed', async (_which, path) => {
      const victim = await newBrowser(ELLA);
      const grace = await as(GRACE);
      const response = await fetch(`${stack.api.baseUrl}${path(await targets())}`, {
        method: 'POST',
        headers: {
          cookie: Object.entries(grace)
            .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
            .join('; '),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ note: NOTE }),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'csrf_failed' });
      expect(await nextRequest(victim)).toEqual([200, undefined]);
    });
  });

  const TEAMS = [
    {
      name: 'Team',
      base: '/api/team',
      tenant: 'Acme Health',
      admin: AMELIA,
      victim: SOFIA,
      reader: MARCUS,
      readerRole: 'client_manager',
      team: 'team',
      /** Outside the section: 404 as if the route did not exist. */
      outsiders: [PRIYA, LIAM, SOFIA, GRACE],
      foreignMember: [ELLA, 'Harbour Physio'],
      elsewhere: 'Harbour Physio',
    },
    {
      name: 'Partner Team',
      base: '/api/partner/team',
      tenant: 'Northwind Partners',
      admin: PRIYA,
      victim: OLIVER,
      reader: LIAM,
      readerRole: 'partner_user',
      team: 'partner_team',
      outsiders: [AMELIA, MARCUS, GRACE],
      foreignMember: [JACK, 'Southern Cross Resellers'],
      elsewhere: 'Bluegum Dental',
    },
  ] as const;

  describe.each(TEAMS)('$name ends a member’s sessions ($base/members/:id/sessions/revoke)', (team) => {
    const path = (id: string) => `${team.base}/members/${id}/sessions/revoke`;

    it('ends the member’s live sessions in this tenant only, with the note, and records the event', async () => {
      const first = await newBrowser(team.victim);
      const second = await newBrowser(team.victim);
      const elsewhere = await liveSessionElsewhere(team.victim, team.elsewhere);
      const colleague = await newBrowser(team.reader);
      const here = await liveSessionIds(team.victim, team.tenant);
      expect(here).toHaveLength(2);
      const admin = await as(team.admin);

      const answer = await call(admin, 'POST', path(await membershipId(team.victim, team.tenant)), { note: NOTE });
      expect([answer.status, answer.body]).toEqual([200, { revoked: 2 }]);
      expect(await nextRequest(first)).toEqual([401, 'unauthenticated']);
      expect(await nextRequest(second)).toEqual([401, 'unauthenticated']);
      expect(await nextRequest(colleague)).toEqual([200, undefined]);
      expect(await liveSessionIds(team.victim)).toEqual([elsewhere]);
      const adminId = await userId(team.admin);
      expect((await endedRows(here)).map((row) => [row.end_reason, row.ended_by_user_id, row.end_note])).toEqual([
        ['revoked_by_tenant_admin', adminId, NOTE],
        ['revoked_by_tenant_admin', adminId, NOTE],
      ]);

      const events = await eventsOf(answer.requestId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'tenancy.member.sessions_revoked',
        outcome: 'success',
        tenant_id: await tenantId(team.tenant),
        actor_user_id: adminId,
        actor_role: team.admin === AMELIA ? 'client_admin' : 'partner_admin',
        target_type: 'user',
        target_id: await userId(team.victim),
        request_id: answer.requestId,
        details: { note: NOTE, count: 2, team: team.team },
      });
      await expectNoCookieIn(events, [first, second, admin]);
      await removeSession(db(), elsewhere);
    });

    it(`refuses ${team.readerRole} (read-only) with 403 insufficient_role, ending nothing`, async () => {
      const victim = await newBrowser(team.victim);
      const answer = await call(await as(team.reader), 'POST', path(await membershipId(team.victim, team.tenant)), {
        note: NOTE,
      });
      expect([answer.status, answer.body['code']]).toEqual([403, 'insufficient_role']);
      expect(await nextRequest(victim)).toEqual([200, undefined]);
    });

    it.each(team.outsiders)('answers %s, outside the section, with 404 not_found, ending nothing', async (email) => {
      const victim = await newBrowser(team.victim);
      const answer = await call(await as(email), 'POST', path(await membershipId(team.victim, team.tenant)), {
        note: NOTE,
      });
      expect([answer.status, answer.body['code']]).toEqual([404, 'not_found']);
      expect(await nextRequest(victim)).toEqual([200, undefined]);
    });

    it('answers a member of another tenant exactly like a missing or malformed id: 404, ending nothing', async () => {
      const [foreignEmail, foreignTenant] = team.foreignMember;
      const foreignVictim = await newBrowser(foreignEmail);
      const admin = await as(team.admin);
      const foreign = await call(admin, 'POST', path(await membershipId(foreignEmail, foreignTenant)), { note: NOTE });
      const missing = await call(admin, 'POST', path(randomUUID()), { note: NOTE });
      const malformed = await call(admin, 'POST', path('not-a-uuid'), { note: NOTE });
      for (const answer of [foreign, missing, malformed]) {
        expect([answer.status, answer.body['code']]).toEqual([404, 'not_found']);
        expect(answer.headers.get('content-type')).toBe(missing.headers.get('content-type'));
        expect(withoutRequestId(answer)).toBe(withoutRequestId(missing));
        expect(await eventsOf(answer.requestId)).toEqual([]);
      }
      expect(await nextRequest(foreignVictim)).toEqual([200, undefined]);
    });

    it('refuses the caller’s own membership with 409 own_membership, ending nothing', async () => {
      const admin = await as(team.admin);
      const answer = await call(admin, 'POST', path(await membershipId(team.admin, team.tenant)), { note: NOTE });
      expect([answer.status, answer.body['code']]).toEqual([409, 'own_membership']);
      expect(await nextRequest(admin)).toEqual([200, undefined]);
    });

    it('refuses a member whose role the caller could not give with 403 role_not_assignable, ending nothing', async () => {
      const victim = await newBrowser(team.victim);
      const id = await membershipId(team.victim, team.tenant);
      const [{ role }] = (await db().query(`SELECT role FROM membership WHERE id = $1`, [id])) as [{ role: string }];
      // A role no customer or partner administrator can give (a stored value the Team page shows as it is).
      await changeRole(db(), id, 'aidial_admin');
      try {
        const answer = await call(await as(team.admin), 'POST', path(id), { note: NOTE });
        expect([answer.status, answer.body['code']]).toEqual([403, 'role_not_assignable']);
        expect(await eventsOf(answer.requestId)).toEqual([]);
      } finally {
        await changeRole(db(), id, role);
      }
      expect(await nextRequest(victim)).toEqual([200, undefined]);
    });

    it.each(BAD_NOTES)('refuses %s with 400 validation_failed, ending nothing', async (_why, body) => {
      const victim = await newBrowser(team.victim);
      const answer = await call(await as(team.admin), 'POST', path(await membershipId(team.victim, team.tenant)), body);
      expect([answer.status, answer.body['code']]).toEqual([400, 'validation_failed']);
      expect(await nextRequest(victim)).toEqual([200, undefined]);
    });

    it('answers 0 when the member has no live session here, and still records it', async () => {
      const admin = await as(team.admin);
      const id = await membershipId(team.victim, team.tenant);
      expect((await call(admin, 'POST', path(id), { note: NOTE })).status).toBe(200);
      expect(await liveSessionIds(team.victim, team.tenant)).toEqual([]);
      const answer = await call(admin, 'POST', path(id), { note: NOTE });
      expect([answer.status, answer.body]).toEqual([200, { revoked: 0 }]);
      expect((await eventsOf(answer.requestId)).map((event) => [event.action, event.details])).toEqual([
        ['tenancy.member.sessions_revoked', { note: NOTE, count: 0, team: team.team }],
      ]);
    });
  });

  describe('changes that end sessions in the same transaction', () => {
    it('suspending a tenant ends its live sessions, and no other tenant’s; reactivating ends nothing', async () => {
      const member = await newBrowser(ELLA);
      const outsider = await newBrowser(JACK);
      const ended = await liveSessionIds(ELLA);
      expect(ended.length).toBeGreaterThanOrEqual(1);
      const harbour = await tenantId('Harbour Physio');
      const grace = await as(GRACE);

      const suspended = await call(grace, 'PUT', `/api/admin/tenants/${harbour}/status`, { status: 'suspended' });
      try {
        expect(suspended.status).toBe(200);
        expect(await nextRequest(member)).toEqual([401, 'unauthenticated']);
        expect(await nextRequest(outsider)).toEqual([200, undefined]);
        expect(await liveSessionIds(ELLA)).toEqual([]);
        const graceId = await userId(GRACE);
        expect((await endedRows(ended)).map((row) => [row.end_reason, row.ended_by_user_id, row.end_note])).toEqual(
          ended.map(() => ['tenant_suspended', graceId, null]),
        );
        expect((await eventsOf(suspended.requestId)).map((event) => [event.action, event.details])).toEqual([
          ['admin.tenant.status_changed', { status: 'suspended', sessions_ended: ended.length }],
        ]);
        expect((await signIn(stack, ELLA)).location).toBe('/access-denied?reason=tenant_suspended');
      } finally {
        const reactivated = await call(grace, 'PUT', `/api/admin/tenants/${harbour}/status`, { status: 'active' });
        expect(reactivated.status).toBe(200);
        expect((await eventsOf(reactivated.requestId)).map((event) => event.details)).toEqual([
          { status: 'active', sessions_ended: 0 },
        ]);
      }
      const back = await newBrowser(ELLA);
      expect(await nextRequest(back)).toEqual([200, undefined]);
      const again = await call(grace, 'PUT', `/api/admin/tenants/${harbour}/status`, { status: 'active' });
      expect(again.status).toBe(200);
      expect(await nextRequest(back)).toEqual([200, undefined]);
    });

    it('leaves the tenant active and its sessions live when the suspension’s event cannot be written', async () => {
      const member = await newBrowser(ELLA);
      const harbour = await tenantId('Harbour Physio');
      // Only the tables' owner may add a trigger.
      const asOwner = (sql: string) => asDatabaseOwner(stack.api.database, (owner) => owner.query(sql));
      await asOwner(`
        CREATE FUNCTION session_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit insert refused by the test'; END $$`);
      await asOwner(`
        CREATE TRIGGER session_test_refuse BEFORE INSERT ON audit_event FOR EACH ROW
          WHEN (NEW.action = 'admin.tenant.status_changed') EXECUTE FUNCTION session_test_refuse()`);
      try {
        const answer = await call(await as(GRACE), 'PUT', `/api/admin/tenants/${harbour}/status`, {
          status: 'suspended',
        });
        expect(answer.status).toBe(500);
      } finally {
        await asOwner(`DROP TRIGGER session_test_refuse ON audit_event`);
        await asOwner(`DROP FUNCTION session_test_refuse()`);
      }
      expect(await db().query(`SELECT status FROM tenant WHERE id = $1`, [harbour])).toEqual([{ status: 'active' }]);
      expect(await nextRequest(member)).toEqual([200, undefined]);
    });

    it.each(TEAMS)(
      '$name: a role change ends that member’s sessions in this tenant only (role_changed); back again, the same',
      async (team) => {
        const victim = await newBrowser(team.victim);
        const elsewhere = await liveSessionElsewhere(team.victim, team.elsewhere);
        const colleague = await newBrowser(team.reader);
        const here = await liveSessionIds(team.victim, team.tenant);
        const id = await membershipId(team.victim, team.tenant);
        const [from] = (await db().query(`SELECT role FROM membership WHERE id = $1`, [id])) as Array<{ role: string }>;
        const to = team.team === 'team' ? 'client_manager' : 'partner_user';
        const admin = await as(team.admin);
        try {
          const answer = await call(admin, 'PUT', `${team.base}/members/${id}/role`, { role: to });
          expect(answer.status).toBe(200);
          expect(await nextRequest(victim)).toEqual([401, 'unauthenticated']);
          expect(await nextRequest(colleague)).toEqual([200, undefined]);
          expect(await liveSessionIds(team.victim)).toEqual([elsewhere]);
          expect((await endedRows(here)).map((row) => [row.end_reason, row.ended_by_user_id])).toEqual([
            ['role_changed', await userId(team.admin)],
          ]);
          expect((await eventsOf(answer.requestId)).map((event) => [event.action, event.details])).toEqual([
            [
              'tenancy.member.role_changed',
              {
                user_id: await userId(team.victim),
                from_role: from?.role,
                to_role: to,
                team: team.team,
                sessions_ended: 1,
              },
            ],
          ]);
          const signedInAgain = await newBrowser(team.victim);
          expect((await call(signedInAgain, 'GET', '/api/session')).body).toMatchObject({ role: to });
        } finally {
          await call(admin, 'PUT', `${team.base}/members/${id}/role`, { role: from?.role });
          await removeSession(db(), elsewhere);
        }
      },
    );

    it('Team: removing a member ends their sessions in this tenant (membership_removed)', async () => {
      const victim = await newBrowser(MARCUS);
      const colleague = await newBrowser(SOFIA);
      const here = await liveSessionIds(MARCUS, 'Acme Health');
      const id = await membershipId(MARCUS, 'Acme Health');
      const answer = await call(await as(AMELIA), 'DELETE', `/api/team/members/${id}`);
      expect(answer.status).toBe(204);
      expect(await nextRequest(victim)).toEqual([401, 'unauthenticated']);
      expect(await nextRequest(colleague)).toEqual([200, undefined]);
      expect(await liveSessionIds(MARCUS)).toEqual([]);
      expect((await endedRows(here)).every((row) => row.end_reason === 'membership_removed')).toBe(true);
      expect((await eventsOf(answer.requestId)).map((event) => event.details)).toEqual([
        {
          user_id: await userId(MARCUS),
          role: 'client_manager',
          team: 'team',
          sessions_ended: here.length,
        },
      ]);
      expect(here.length).toBeGreaterThanOrEqual(1);
    });

    it('admin: a new role ends the user’s sessions in that tenant; the same role again and a new membership end none', async () => {
      const grace = await as(GRACE);
      const chloe = await userId(CHLOE);
      const acme = await tenantId('Acme Health');
      const victim = await newBrowser(CHLOE);
      const elsewhere = await liveSessionElsewhere(CHLOE, 'Bluegum Dental');
      const assign = (tenant: string, role: string) =>
        call(grace, 'PUT', `/api/admin/users/${chloe}/memberships/${tenant}`, { role });

      const same = await assign(acme, 'client_admin');
      expect(same.status).toBe(200);
      expect(await nextRequest(victim)).toEqual([200, undefined]);
      expect((await eventsOf(same.requestId)).map((event) => event.details)).toEqual([
        { role: 'client_admin', sessions_ended: 0 },
      ]);

      const added = await assign(await tenantId('Bluegum Dental'), 'client_staff');
      expect(added.status).toBe(200);
      expect((await eventsOf(added.requestId)).map((event) => event.details)).toEqual([
        { role: 'client_staff', sessions_ended: 0 },
      ]);
      expect(await liveSessionIds(CHLOE, 'Bluegum Dental')).toEqual([elsewhere]);

      const changed = await assign(acme, 'client_manager');
      expect(changed.status).toBe(200);
      expect(await nextRequest(victim)).toEqual([401, 'unauthenticated']);
      expect(await liveSessionIds(CHLOE)).toEqual([elsewhere]);
      expect((await eventsOf(changed.requestId)).map((event) => [event.tenant_id, event.details])).toEqual([
        [acme, { from_role: 'client_admin', role: 'client_manager', sessions_ended: 1 }],
      ]);
      const [row] = (await sessionsOf(CHLOE)).filter((session) => session.end_reason === 'role_changed');
      expect(row).toMatchObject({ ended_by_user_id: await userId(GRACE), end_note: null, tokens_encrypted: null });

      const removed = await call(
        grace,
        'DELETE',
        `/api/admin/users/${chloe}/memberships/${await tenantId('Bluegum Dental')}`,
      );
      expect(removed.status).toBe(204);
      expect(await liveSessionIds(CHLOE)).toEqual([]);
      expect((await sessionsOf(CHLOE)).find((session) => session.id === elsewhere)?.end_reason).toBe(
        'membership_removed',
      );
      expect((await eventsOf(removed.requestId)).map((event) => event.details)).toEqual([{ sessions_ended: 1 }]);
      expect((await assign(acme, 'client_admin')).status).toBe(200);
    });
  });
});
