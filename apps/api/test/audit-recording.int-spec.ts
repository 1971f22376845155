import { type AuditRow, type Browser, auditCalls, newRequestId } from './support/audit-calls';
import {
  type SignInStack,
  demoUser,
  passProvider,
  setCookies,
  startLogin,
  startSignInStack,
} from './support/sign-in-flow';
import { asDatabaseOwner, whileTenant, removeMemberships } from '@aidial/api/testing';

/**
 * Issue 7 "each event type is written when its action happens, with actor, tenant, outcome and request id", and
 * "where an event describes a database change, it is written in the same transaction, so neither exists without the
 * other". Every request sends its own X-Request-Id, so each case finds exactly the rows its request wrote.
 */
describe('audit events are recorded', () => {
  let stack: SignInStack;
  const api = auditCalls(() => stack);
  const { as, call, eventsOf, userId, tenantId, db } = api;

  beforeAll(async () => {
    stack = await startSignInStack();
  });
  afterAll(() => stack.close());

  /** One whole sign-in whose callback carries `requestId`; answers where the API sent the browser and its cookies. */
  async function signInWithRequestId(email: string, requestId: string) {
    const login = await startLogin(stack, email);
    const page = await passProvider(stack, login.url, demoUser(email));
    const response = await fetch(page.url, {
      redirect: 'manual',
      headers: {
        cookie: Object.entries(login.cookies)
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
        'x-request-id': requestId,
      },
    });
    return {
      location: response.headers.get('location') ?? '',
      cookies: setCookies(response),
      callbackUrl: page.url,
      login,
    };
  }

  const created: Record<string, string> = {};

  interface Expected {
    tenant: string | null;
    actor: string | null;
    role: string | null;
    outcome: 'success' | 'denied' | 'failure';
    target?: string | null;
    details?: Record<string, unknown>;
  }

  /** Each case performs one action with the given request id and says what its event must hold. */
  const CASES: Array<[string, string, (requestId: string) => Promise<Expected>]> = [
    [
      'auth.sign_in',
      'a sign-in that succeeds',
      async (requestId) => {
        const result = await signInWithRequestId('amelia.hart@acme-health.example', requestId);
        expect(result.location).not.toMatch(/^\/(sign-in|access-denied)/);
        const amelia = await userId('amelia.hart@acme-health.example');
        return {
          tenant: await tenantId('Acme Health'),
          actor: amelia,
          role: 'client_admin',
          outcome: 'success',
          target: amelia,
          details: { role: 'client_admin', amr: expect.any(Array) },
        };
      },
    ],
    [
      'auth.sign_in',
      'a sign-in that fails (a replayed callback): no tenant, no actor',
      async (requestId) => {
        const first = await signInWithRequestId('marcus.chen@acme-health.example', newRequestId());
        const replay = await fetch(first.callbackUrl, {
          redirect: 'manual',
          headers: {
            cookie: Object.entries(first.login.cookies)
              .map(([k, v]) => `${k}=${v}`)
              .join('; '),
            'x-request-id': requestId,
          },
        });
        expect(replay.headers.get('location')).toBe('/sign-in?error=sign_in_failed');
        return {
          tenant: null,
          actor: null,
          role: null,
          outcome: 'failure',
          target: null,
          details: { reason: 'sign_in_failed' },
        };
      },
    ],
    [
      'auth.sign_in',
      'a sign-in refused for want of a membership: the person, no tenant',
      async (requestId) => {
        const result = await signInWithRequestId('ava.morris@acme-health.example', requestId);
        expect(result.location).toBe('/access-denied?reason=no_membership');
        const ava = await userId('ava.morris@acme-health.example');
        return {
          tenant: null,
          actor: ava,
          role: null,
          outcome: 'denied',
          target: ava,
          details: { reason: 'no_membership', amr: ['pwd'] },
        };
      },
    ],
    [
      'auth.sign_out',
      'signing out',
      async (requestId) => {
        const { cookies } = await signInWithRequestId('marcus.chen@acme-health.example', newRequestId());
        const answer = await call(cookies, 'POST', '/api/auth/logout', undefined, requestId);
        expect(answer.status).toBe(200);
        return {
          tenant: await tenantId('Acme Health'),
          actor: await userId('marcus.chen@acme-health.example'),
          role: null,
          outcome: 'success',
          target: expect.any(String),
        };
      },
    ],
    [
      'tenancy.client.selected',
      'a partner selecting a client',
      async (requestId) => {
        const acme = await tenantId('Acme Health');
        const answer = await call(
          await as('priya.natarajan@northwind.example'),
          'PUT',
          '/api/partner/client-selection',
          { client_id: acme },
          requestId,
        );
        expect(answer.status).toBe(200);
        return {
          tenant: await tenantId('Northwind Partners'),
          actor: await userId('priya.natarajan@northwind.example'),
          role: 'partner_admin',
          outcome: 'success',
          target: acme,
          details: { client_name: 'Acme Health' },
        };
      },
    ],
    [
      'tenancy.client.cleared',
      'a partner clearing the selection',
      async (requestId) => {
        const answer = await call(
          await as('priya.natarajan@northwind.example'),
          'PUT',
          '/api/partner/client-selection',
          { client_id: null },
          requestId,
        );
        expect(answer.status).toBe(200);
        return {
          tenant: await tenantId('Northwind Partners'),
          actor: await userId('priya.natarajan@northwind.example'),
          role: 'partner_admin',
          outcome: 'success',
        };
      },
    ],
    [
      'tenancy.invitation.created',
      'a Team invitation',
      async (requestId) => {
        const answer = await call(
          await as('amelia.hart@acme-health.example'),
          'POST',
          '/api/team/invitations',
          { email: 'New.Person@Acme-Health.example', role: 'client_staff' },
          requestId,
        );
        expect(answer.status).toBe(201);
        created['invitation'] = String(answer.body['id']);
        return {
          tenant: await tenantId('Acme Health'),
          actor: await userId('amelia.hart@acme-health.example'),
          role: 'client_admin',
          outcome: 'success',
          target: created['invitation'],
          details: { email: 'new.person@acme-health.example', role: 'client_staff', team: 'team' },
        };
      },
    ],
    [
      'tenancy.invitation.revoked',
      'a Team invitation withdrawn',
      async (requestId) => {
        const answer = await call(
          await as('amelia.hart@acme-health.example'),
          'DELETE',
          `/api/team/invitations/${created['invitation']}`,
          undefined,
          requestId,
        );
        expect(answer.status).toBe(204);
        return {
          tenant: await tenantId('Acme Health'),
          actor: await userId('amelia.hart@acme-health.example'),
          role: 'client_admin',
          outcome: 'success',
          target: created['invitation'],
          details: { team: 'team' },
        };
      },
    ],
    [
      'tenancy.invitation.created',
      'a Partner Team invitation',
      async (requestId) => {
        const answer = await call(
          await as('priya.natarajan@northwind.example'),
          'POST',
          '/api/partner/team/invitations',
          { email: 'reseller@northwind.example', role: 'partner_user' },
          requestId,
        );
        expect(answer.status).toBe(201);
        return {
          tenant: await tenantId('Northwind Partners'),
          actor: await userId('priya.natarajan@northwind.example'),
          role: 'partner_admin',
          outcome: 'success',
          target: String(answer.body['id']),
          details: { email: 'reseller@northwind.example', role: 'partner_user', team: 'partner_team' },
        };
      },
    ],
    [
      'tenancy.member.role_changed',
      'a Team role change, which ends the member’s session there',
      async (requestId) => {
        const chloe = await membership('chloe.nguyen@acme-health.example');
        await as('chloe.nguyen@acme-health.example');
        const answer = await call(
          await as('amelia.hart@acme-health.example'),
          'PUT',
          `/api/team/members/${chloe}/role`,
          { role: 'client_manager' },
          requestId,
        );
        expect(answer.status).toBe(200);
        return {
          tenant: await tenantId('Acme Health'),
          actor: await userId('amelia.hart@acme-health.example'),
          role: 'client_admin',
          outcome: 'success',
          target: chloe,
          details: {
            user_id: await userId('chloe.nguyen@acme-health.example'),
            from_role: 'client_admin',
            to_role: 'client_manager',
            team: 'team',
            sessions_ended: 1,
          },
        };
      },
    ],
    [
      'tenancy.member.removed',
      'a Team member removed, which ends their session there',
      async (requestId) => {
        const chloe = await membership('chloe.nguyen@acme-health.example');
        api.forget('chloe.nguyen@acme-health.example');
        await as('chloe.nguyen@acme-health.example');
        const answer = await call(
          await as('amelia.hart@acme-health.example'),
          'DELETE',
          `/api/team/members/${chloe}`,
          undefined,
          requestId,
        );
        expect(answer.status).toBe(204);
        return {
          tenant: await tenantId('Acme Health'),
          actor: await userId('amelia.hart@acme-health.example'),
          role: 'client_admin',
          outcome: 'success',
          target: chloe,
          details: {
            user_id: await userId('chloe.nguyen@acme-health.example'),
            role: 'client_manager',
            team: 'team',
            sessions_ended: 1,
          },
        };
      },
    ],
    [
      'admin.tenant.created',
      'an administrator creating a tenant: the event is in the new tenant’s log',
      async (requestId) => {
        const answer = await call(
          await as('grace.okafor@aidial.example'),
          'POST',
          '/api/admin/tenants',
          { name: 'Audit Trail Clinic', kind: 'customer' },
          requestId,
        );
        expect(answer.status).toBe(201);
        created['tenant'] = String(answer.body['id']);
        return {
          tenant: created['tenant'],
          actor: await userId('grace.okafor@aidial.example'),
          role: 'aidial_admin',
          outcome: 'success',
          target: created['tenant'],
          details: { name: 'Audit Trail Clinic', kind: 'customer', managing_partner_id: null },
        };
      },
    ],
    ...(
      [
        ['admin.tenant.status_changed', 'status', { status: 'suspended' }, { status: 'suspended', sessions_ended: 0 }],
        ['admin.tenant.sms_otp_changed', 'features', { sms_otp_enabled: true }, { enabled: true }],
        ['admin.tenant.mfa_policy_changed', 'mfa-policy', { mfa_policy: 'required' }, { mfa_policy: 'required' }],
      ] as const
    ).map(
      ([action, path, body, details]) =>
        [
          action,
          `an administrator changing a tenant (${path})`,
          async (requestId: string): Promise<Expected> => {
            const answer = await call(
              await as('grace.okafor@aidial.example'),
              'PUT',
              `/api/admin/tenants/${created['tenant']}/${path}`,
              body,
              requestId,
            );
            expect(answer.status).toBe(200);
            return {
              tenant: created['tenant'] ?? null,
              actor: await userId('grace.okafor@aidial.example'),
              role: 'aidial_admin',
              outcome: 'success',
              target: created['tenant'],
              details,
            };
          },
        ] as [string, string, (requestId: string) => Promise<Expected>],
    ),
    [
      'admin.membership.assigned',
      'an administrator assigning a role',
      async (requestId) => {
        const ava = await userId('ava.morris@acme-health.example');
        const answer = await call(
          await as('grace.okafor@aidial.example'),
          'PUT',
          `/api/admin/users/${ava}/memberships/${created['tenant']}`,
          { role: 'client_staff' },
          requestId,
        );
        expect(answer.status).toBe(200);
        return {
          tenant: created['tenant'] ?? null,
          actor: await userId('grace.okafor@aidial.example'),
          role: 'aidial_admin',
          outcome: 'success',
          target: ava,
          details: { role: 'client_staff', sessions_ended: 0 },
        };
      },
    ],
    [
      'admin.membership.removed',
      'an administrator removing a membership',
      async (requestId) => {
        const ava = await userId('ava.morris@acme-health.example');
        const answer = await call(
          await as('grace.okafor@aidial.example'),
          'DELETE',
          `/api/admin/users/${ava}/memberships/${created['tenant']}`,
          undefined,
          requestId,
        );
        expect(answer.status).toBe(204);
        return {
          tenant: created['tenant'] ?? null,
          actor: await userId('grace.okafor@aidial.example'),
          role: 'aidial_admin',
          outcome: 'success',
          target: ava,
          details: { sessions_ended: 0 },
        };
      },
    ],
    [
      'tenancy.member.sessions_revoked',
      'a Partner Team administrator ending a member’s sessions, with a note',
      async (requestId) => {
        await as('oliver.bennett@northwind.example');
        const answer = await call(
          await as('priya.natarajan@northwind.example'),
          'POST',
          `/api/partner/team/members/${await membership('oliver.bennett@northwind.example')}/sessions/revoke`,
          { note: 'Shared laptop.' },
          requestId,
        );
        expect([answer.status, answer.body]).toEqual([200, { revoked: 1 }]);
        return {
          tenant: await tenantId('Northwind Partners'),
          actor: await userId('priya.natarajan@northwind.example'),
          role: 'partner_admin',
          outcome: 'success',
          target: await userId('oliver.bennett@northwind.example'),
          details: { note: 'Shared laptop.', count: 1, team: 'partner_team' },
        };
      },
    ],
    [
      'admin.user.sessions_revoked',
      'an administrator ending a user’s sessions: the event is in the log of the tenant they were in',
      async (requestId) => {
        await as('liam.obrien@northwind.example');
        const liam = await userId('liam.obrien@northwind.example');
        const answer = await call(
          await as('grace.okafor@aidial.example'),
          'POST',
          `/api/admin/users/${liam}/sessions/revoke`,
          { note: 'Account compromised.' },
          requestId,
        );
        expect([answer.status, answer.body]).toEqual([200, { revoked: 1 }]);
        return {
          tenant: await tenantId('Northwind Partners'),
          actor: await userId('grace.okafor@aidial.example'),
          role: 'aidial_admin',
          outcome: 'success',
          target: liam,
          details: { note: 'Account compromised.', count: 1 },
        };
      },
    ],
    [
      'admin.tenant.sessions_revoked',
      'an administrator ending a tenant’s sessions',
      async (requestId) => {
        const answer = await call(
          await as('grace.okafor@aidial.example'),
          'POST',
          `/api/admin/tenants/${created['tenant']}/sessions/revoke`,
          { note: 'Contract ended.' },
          requestId,
        );
        expect([answer.status, answer.body]).toEqual([200, { revoked: 0 }]);
        return {
          tenant: created['tenant'] ?? null,
          actor: await userId('grace.okafor@aidial.example'),
          role: 'aidial_admin',
          outcome: 'success',
          target: created['tenant'],
          details: { note: 'Contract ended.', count: 0 },
        };
      },
    ],
    [
      'access.denied',
      'a recognised role outside the section (404)',
      async (requestId) => {
        const answer = await call(
          await as('sofia.rossi@acme-health.example'),
          'GET',
          '/api/audit-events',
          undefined,
          requestId,
        );
        expect([answer.status, answer.body['code']]).toEqual([404, 'not_found']);
        return {
          tenant: await tenantId('Acme Health'),
          actor: await userId('sofia.rossi@acme-health.example'),
          role: 'client_staff',
          outcome: 'denied',
          target: 'GET /api/audit-events',
          details: { reason: 'not_found', method: 'GET', section: 'audit_log', action: null },
        };
      },
    ],
    [
      'access.denied',
      'a read-only role attempting a change (403 insufficient_role)',
      async (requestId) => {
        const sofia = await membership('sofia.rossi@acme-health.example');
        const answer = await call(
          await as('marcus.chen@acme-health.example'),
          'PUT',
          `/api/team/members/${sofia}/role`,
          { role: 'client_manager' },
          requestId,
        );
        expect([answer.status, answer.body['code']]).toEqual([403, 'insufficient_role']);
        return {
          tenant: await tenantId('Acme Health'),
          actor: await userId('marcus.chen@acme-health.example'),
          role: 'client_manager',
          outcome: 'denied',
          target: 'PUT /api/team/members/:id/role',
          details: { reason: 'insufficient_role', method: 'PUT', section: 'team', action: 'team.manage' },
        };
      },
    ],
    [
      'access.denied',
      'a member of a suspended tenant (403 tenant_suspended)',
      async (requestId) => {
        const ella = await as('ella.martin@harbour-physio.example');
        const answer = await whileTenant(db(), { name: 'Harbour Physio' }, { status: 'suspended' }, () =>
          call(ella, 'GET', '/api/team/members', undefined, requestId),
        );
        expect([answer.status, answer.body['code']]).toEqual([403, 'tenant_suspended']);
        return {
          tenant: await tenantId('Harbour Physio'),
          actor: await userId('ella.martin@harbour-physio.example'),
          role: null,
          outcome: 'denied',
          details: { reason: 'tenant_suspended', method: 'GET', section: 'team', action: null },
        };
      },
    ],
    [
      'access.denied',
      'a session whose membership was removed (403 access_denied)',
      async (requestId) => {
        const jack = await as('jack.wilson@southerncross.example');
        await removeMemberships(db(), { email: 'jack.wilson@southerncross.example' });
        const answer = await call(jack, 'GET', '/api/partner/clients', undefined, requestId);
        expect([answer.status, answer.body['code']]).toEqual([403, 'access_denied']);
        return {
          tenant: await tenantId('Southern Cross Resellers'),
          actor: await userId('jack.wilson@southerncross.example'),
          role: null,
          outcome: 'denied',
          details: { reason: 'access_denied', method: 'GET', section: 'partner_clients', action: null },
        };
      },
    ],
  ];

  async function membership(email: string): Promise<string> {
    const [row] = (await db().query(
      `SELECT m.id FROM membership m JOIN portal_user u ON u.id = m.user_id WHERE u.email = $1`,
      [email],
    )) as Array<{ id: string }>;
    if (!row) throw new Error(`${email} has no membership`);
    return row.id;
  }

  it.each(CASES)('%s: %s', async (action, _name, run) => {
    const requestId = newRequestId();
    const expected = await run(requestId);
    const events = await eventsOf(requestId);
    expect(events).toHaveLength(1);
    const event = events[0] as AuditRow;
    expect(event).toMatchObject({
      action,
      outcome: expected.outcome,
      tenant_id: expected.tenant,
      actor_user_id: expected.actor,
      actor_role: expected.role,
      actor_api_key_id: null,
      request_id: requestId,
      ip_coarse: '127.0.0.0',
    });
    if (expected.target !== undefined) expect(event.target_id).toEqual(expected.target);
    if (expected.details) expect(event.details).toEqual(expected.details);
  });

  it('covers every event type this issue records', () => {
    expect(new Set(CASES.map(([action]) => action))).toEqual(
      new Set([
        'auth.sign_in',
        'auth.sign_out',
        'tenancy.client.selected',
        'tenancy.client.cleared',
        'tenancy.invitation.created',
        'tenancy.invitation.revoked',
        'tenancy.member.role_changed',
        'tenancy.member.removed',
        'admin.tenant.created',
        'admin.tenant.status_changed',
        'admin.tenant.sms_otp_changed',
        'admin.tenant.mfa_policy_changed',
        'admin.membership.assigned',
        'admin.membership.removed',
        'tenancy.member.sessions_revoked',
        'admin.user.sessions_revoked',
        'admin.tenant.sessions_revoked',
        'access.denied',
      ]),
    );
  });

  it('never stores a cookie, a CSRF token, a session token or a phone number', async () => {
    const browsers: Browser[] = await Promise.all(
      ['amelia.hart@acme-health.example', 'priya.natarajan@northwind.example', 'grace.okafor@aidial.example'].map(as),
    );
    const rows = JSON.stringify(await db().query(`SELECT * FROM audit_event`));
    for (const browser of browsers)
      for (const value of Object.values(browser)) {
        if (value.length >= 16) expect(rows).not.toContain(value);
      }
    expect(rows).not.toMatch(/\+61\d{9}|eyJ[A-Za-z0-9_-]+\.|Bearer /);
  });

  describe('a change and its event commit together', () => {
    it('writes no event for a change that is refused', async () => {
      const grace = await as('grace.okafor@aidial.example');
      const internal = await tenantId('AiDial');
      const refused = await call(grace, 'PUT', `/api/admin/tenants/${internal}/status`, { status: 'suspended' });
      expect([refused.status, refused.body['code']]).toEqual([409, 'tenant_not_changeable']);
      expect(await eventsOf(refused.requestId)).toEqual([]);

      const amelia = await as('amelia.hart@acme-health.example');
      const invite = { email: 'twice@acme-health.example', role: 'client_staff' };
      expect((await call(amelia, 'POST', '/api/team/invitations', invite)).status).toBe(201);
      const again = await call(amelia, 'POST', '/api/team/invitations', invite);
      expect([again.status, again.body['code']]).toEqual([409, 'invitation_exists']);
      expect(await eventsOf(again.requestId)).toEqual([]);

      const missing = await call(amelia, 'DELETE', '/api/team/invitations/00000000-0000-4000-8000-000000000000');
      expect(missing.status).toBe(404);
      expect(await eventsOf(missing.requestId)).toEqual([]);
    });

    it('an operator refused a tenant change gets only the denial recorded, not the change', async () => {
      const answer = await call(await as('noah.williams@aidial.example'), 'POST', '/api/admin/tenants', {
        name: 'Never Created',
        kind: 'customer',
      });
      expect([answer.status, answer.body['code']]).toEqual([403, 'insufficient_role']);
      expect((await eventsOf(answer.requestId)).map((row) => [row.action, row.outcome])).toEqual([
        ['access.denied', 'denied'],
      ]);
      expect(await db().query(`SELECT id FROM tenant WHERE name = 'Never Created'`)).toEqual([]);
    });

    /** Makes the audit insert of one action fail inside PostgreSQL, as a full disk or a broken constraint would. */
    async function failingAuditInsertOf(action: string, work: () => Promise<void>): Promise<void> {
      // Only the tables' owner may add a trigger.
      const asOwner = (sql: string) => asDatabaseOwner(stack.api.database, (owner) => owner.query(sql));
      await asOwner(`
        CREATE FUNCTION audit_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit insert refused by the test'; END $$`);
      await asOwner(`
        CREATE TRIGGER audit_test_refuse BEFORE INSERT ON audit_event FOR EACH ROW
          WHEN (NEW.action = '${action}') EXECUTE FUNCTION audit_test_refuse()`);
      try {
        await work();
      } finally {
        await asOwner(`DROP TRIGGER audit_test_refuse ON audit_event`);
        await asOwner(`DROP FUNCTION audit_test_refuse()`);
      }
    }

    it('rolls an admin change back when its event cannot be written', async () => {
      const bluegum = await tenantId('Bluegum Dental');
      await failingAuditInsertOf('admin.tenant.mfa_policy_changed', async () => {
        const answer = await call(
          await as('grace.okafor@aidial.example'),
          'PUT',
          `/api/admin/tenants/${bluegum}/mfa-policy`,
          {
            mfa_policy: 'required',
          },
        );
        expect(answer.status).toBe(500);
      });
      expect(await db().query(`SELECT mfa_policy FROM tenant WHERE id = $1`, [bluegum])).toEqual([
        { mfa_policy: 'role_default' },
      ]);
    });

    it('rolls a Team change back when its event cannot be written', async () => {
      const marcus = await membership('marcus.chen@acme-health.example');
      await failingAuditInsertOf('tenancy.member.removed', async () => {
        const answer = await call(await as('amelia.hart@acme-health.example'), 'DELETE', `/api/team/members/${marcus}`);
        expect(answer.status).toBe(500);
      });
      expect(await membership('marcus.chen@acme-health.example')).toBe(marcus);
    });

    it('keeps a partner’s client selection unchanged when its event cannot be written', async () => {
      const priya = await as('priya.natarajan@northwind.example');
      const bluegum = await tenantId('Bluegum Dental');
      await failingAuditInsertOf('tenancy.client.selected', async () => {
        expect((await call(priya, 'PUT', '/api/partner/client-selection', { client_id: bluegum })).status).toBe(500);
      });
      const [session] = (await db().query(
        `SELECT selected_client_id FROM session WHERE user_id = $1 AND ended_at IS NULL ORDER BY created_at DESC LIMIT 1`,
        [await userId('priya.natarajan@northwind.example')],
      )) as Array<{ selected_client_id: string | null }>;
      expect(session?.selected_client_id).toBeNull();
    });

    it('answers a denial exactly as before when the denial cannot be recorded', async () => {
      await failingAuditInsertOf('access.denied', async () => {
        const answer = await call(await as('sofia.rossi@acme-health.example'), 'GET', '/api/audit-events');
        expect([answer.status, answer.body['code']]).toEqual([404, 'not_found']);
        expect(await eventsOf(answer.requestId)).toEqual([]);
      });
    });
  });

  it('leaves every chain it wrote intact', async () => {
    const grace = await as('grace.okafor@aidial.example');
    const chains = (await db().query(`SELECT DISTINCT tenant_id FROM audit_event`)) as Array<{
      tenant_id: string | null;
    }>;
    expect(chains.length).toBeGreaterThan(3);
    for (const { tenant_id } of chains) {
      const query = tenant_id ? `?tenant_id=${tenant_id}` : '';
      const answer = await call(grace, 'GET', `/api/admin/audit-events/verify${query}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ ok: true, first_broken: null });
    }
  });
});
