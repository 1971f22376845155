import { type Answer, type AuditRow, auditCalls } from './support/audit-calls';
import { type SignInStack, startSignInStack } from './support/sign-in-flow';
import { clearRateLimits } from '@aidial/api/testing';

const AMELIA = 'amelia.hart@acme-health.example'; // client_admin, Acme Health
const CHLOE = 'chloe.nguyen@acme-health.example'; // client_admin, Acme Health
const MARCUS = 'marcus.chen@acme-health.example'; // client_manager, Acme Health
const SOFIA = 'sofia.rossi@acme-health.example'; // client_staff, Acme Health
const PRIYA = 'priya.natarajan@northwind.example'; // partner_admin, Northwind Partners (manages Acme Health)
const LIAM = 'liam.obrien@northwind.example'; // partner_user, Northwind Partners
const ELLA = 'ella.martin@harbour-physio.example'; // client_admin, Harbour Physio
const GRACE = 'grace.okafor@aidial.example'; // aidial_admin
const NOAH = 'noah.williams@aidial.example'; // aidial_operator

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIzMTAwMDAwMDAwMDAwMDAwMDEiLCJhdWQiOiJwb3J0YWwifQ.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu';
const API_KEY = 'aidial_k3v9x0a1b2c3_Q2x8Zr4Tn7Lp0Wv5Yb3Hc6Jd9Kf2Mg8Ns1Pq4Rt7Uv0Wx3Yz';

/** Each secret shape the backend refuses: where it is put, the value (what must appear nowhere), the reason recorded. */
const SECRETS = [
  { name: 'a JWT', field: 'body', secret: JWT, text: `It fails with ${JWT}`, reason: 'jwt' },
  { name: 'an API key', field: 'body', secret: API_KEY, text: `Key ${API_KEY} is refused`, reason: 'api_key' },
  {
    name: 'a bearer token',
    field: 'body',
    secret: 'Zq81Lm4Tx0Pw7Rv2Ns5Ky9',
    text: 'Sent Authorization: Bearer Zq81Lm4Tx0Pw7Rv2Ns5Ky9',
    reason: 'authorization_header',
  },
  {
    name: 'a session cookie',
    field: 'body',
    secret: 'Hk29Vn3Qp8Lx5Tz1Rw7Ms4Jb',
    text: 'Cookie: aidial_session=Hk29Vn3Qp8Lx5Tz1Rw7Ms4Jb',
    reason: 'session_cookie',
  },
  {
    name: 'a one-time code',
    field: 'subject',
    secret: '481302',
    text: 'OTP: 481302 rejected',
    reason: 'one_time_code',
  },
  {
    name: 'a code in the body',
    field: 'body',
    secret: '9081726',
    text: 'The code 9081726 did not work',
    reason: 'one_time_code',
  },
  {
    name: 'a recovery code',
    field: 'body',
    secret: 'K7M2P-Q9R4T',
    text: 'I used K7M2P-Q9R4T',
    reason: 'recovery_code',
  },
  {
    name: 'an otpauth URI',
    field: 'body',
    secret: 'JBSWY3DPEHPK3PXP',
    text: 'otpauth://totp/AiDial:me?secret=JBSWY3DPEHPK3PXP',
    reason: 'otpauth_uri,totp_seed',
  },
  {
    name: 'a TOTP seed',
    field: 'body',
    secret: 'KW5RYI4QGFNJJOVIOY5JBQZDO23GAE2D',
    text: 'seed KW5RYI4QGFNJJOVIOY5JBQZDO23GAE2D',
    reason: 'totp_seed',
  },
  {
    name: 'a private key',
    field: 'body',
    secret: 'MIIEowIBAAKCAQEA3x',
    text: '-----BEGIN PRIVATE KEY-----\nMIIEowIBAAKCAQEA3x\n-----END PRIVATE KEY-----',
    reason: 'private_key',
  },
  {
    name: 'an AWS key',
    field: 'subject',
    secret: 'AKIAIOSFODNN7EXAMPLE',
    text: 'Using AKIAIOSFODNN7EXAMPLE',
    reason: 'cloud_key',
  },
] as const;

const HARMLESS = [
  ['a phone number', 'Please call me on 0412 345 678 or +61 412 345 678.'],
  ['a ticket number', 'Following up on ticket 123456 and invoice 87654321.'],
  ['an error code', 'The page shows error code 500123 after sign-in.'],
  ['codes mentioned without a value', 'My one-time code never arrives; where do I find my recovery codes?'],
  ['ordinary words', 'A basic question about token expiry and the cookie banner.'],
] as const;

describe('support tickets', () => {
  let stack: SignInStack;
  const calls = auditCalls(() => stack);
  const { as, call, db, eventsOf, userId, tenantId } = calls;

  beforeAll(async () => {
    stack = await startSignInStack();
  }, 60_000);
  afterAll(() => stack.close());

  // Every person may open 5 tickets in 10 minutes; the tests below open more, so each starts with fresh counters.
  beforeEach(() => clearRateLimits(db()));

  const create = async (email: string, ticket: Record<string, unknown>) =>
    call(await as(email), 'POST', '/api/support/tickets', ticket);
  const list = async (email: string) => call(await as(email), 'GET', '/api/support/tickets');
  const ticketCount = async () =>
    ((await db().query(`SELECT count(*)::int AS n FROM support_ticket`)) as Array<{ n: number }>)[0]!.n;
  const subjectsOf = (answer: Answer) => (answer.body['items'] as Array<{ subject: string }>).map((t) => t.subject);

  it('opens a ticket and answers it, audited with its category only', async () => {
    const answer = await create(AMELIA, {
      category: 'account',
      subject: '  Please correct my display name  ',
      body: 'It should read Amelia Hart-Jones.',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      category: 'account',
      subject: 'Please correct my display name',
      body: 'It should read Amelia Hart-Jones.',
      status: 'open',
      created_at: expect.any(String),
      created_by_id: await userId(AMELIA),
      created_by_name: expect.any(String),
      is_yours: true,
    });
    const [row] = (await db().query(`SELECT tenant_id, user_id FROM support_ticket WHERE id = $1`, [
      answer.body['id'],
    ])) as Array<{ tenant_id: string; user_id: string }>;
    expect(row).toEqual({ tenant_id: await tenantId('Acme Health'), user_id: await userId(AMELIA) });

    const events = await eventsOf(answer.requestId);
    expect(events.map((event) => [event.action, event.outcome, event.target_type, event.target_id])).toEqual([
      ['support.ticket.created', 'success', 'ticket', answer.body['id']],
    ]);
    expect(events[0]!.details).toEqual({ category: 'account' });
    expect(JSON.stringify(events[0])).not.toContain('Hart-Jones');

    const listed = await list(AMELIA);
    expect(listed.status).toBe(200);
    expect(listed.body['items']).toContainEqual(answer.body);
  });

  describe('who sees which tickets', () => {
    const subjects: Record<string, string> = {
      [SOFIA]: 'Staff: cannot see call recordings',
      [MARCUS]: 'Manager: report export',
      [CHLOE]: 'Admin: billing contact',
      [LIAM]: 'Partner user: campaign access',
      [PRIYA]: 'Partner admin: new client onboarding',
      [ELLA]: 'Harbour: sign-in trouble',
    };

    beforeAll(async () => {
      for (const [email, subject] of Object.entries(subjects)) {
        expect((await create(email, { category: 'access', subject, body: 'Details.' })).status).toBe(201);
      }
    });

    it('shows client_staff and client_manager only their own tickets', async () => {
      for (const email of [SOFIA, MARCUS]) {
        const answer = await list(email);
        expect(answer.body['scope']).toBe('own');
        expect(subjectsOf(answer)).toEqual([subjects[email]]);
      }
    });

    it('shows a client_admin every ticket of their organisation, newest first, marking their own', async () => {
      const answer = await list(CHLOE);
      expect(answer.body['scope']).toBe('tenant');
      const items = answer.body['items'] as Array<{ subject: string; is_yours: boolean; created_at: string }>;
      expect(items.map((item) => item.subject)).toEqual(
        expect.arrayContaining([subjects[SOFIA], subjects[MARCUS], subjects[CHLOE]]),
      );
      expect(items.filter((item) => item.is_yours).map((item) => item.subject)).toEqual([subjects[CHLOE]]);
      const times = items.map((item) => item.created_at);
      expect([...times].sort().reverse()).toEqual(times);
      // Never another organisation's, even the managing partner's.
      for (const other of [subjects[LIAM], subjects[PRIYA], subjects[ELLA]]) {
        expect(items.map((item) => item.subject)).not.toContain(other);
      }
    });

    it('keeps a partner’s tickets in the partner: partner_admin sees the partner’s, partner_user their own, never the client’s', async () => {
      const admin = await list(PRIYA);
      expect(admin.body['scope']).toBe('tenant');
      expect(subjectsOf(admin).sort()).toEqual([subjects[LIAM], subjects[PRIYA]].sort());
      const user = await list(LIAM);
      expect(user.body['scope']).toBe('own');
      expect(subjectsOf(user)).toEqual([subjects[LIAM]]);
      const [row] = (await db().query(`SELECT tenant_id FROM support_ticket WHERE subject = $1`, [
        subjects[PRIYA],
      ])) as Array<{ tenant_id: string }>;
      expect(row?.tenant_id).toBe(await tenantId('Northwind Partners'));
    });

    it('never lists another organisation’s tickets', async () => {
      expect(subjectsOf(await list(ELLA))).toEqual([subjects[ELLA]]);
    });
  });

  it.each([
    ['no category', { subject: 'Hi', body: 'Text' }, ['category']],
    ['an unknown category', { category: 'billing', subject: 'Hi', body: 'Text' }, ['category']],
    ['a blank subject', { category: 'other', subject: '   ', body: 'Text' }, ['subject']],
    ['a subject over 200 characters', { category: 'other', subject: 'x'.repeat(201), body: 'Text' }, ['subject']],
    ['an empty body', { category: 'other', subject: 'Hi', body: '' }, ['body']],
    ['a body over 5000 characters', { category: 'other', subject: 'Hi', body: 'x'.repeat(5001) }, ['body']],
    ['a body that is not text', { category: 'other', subject: 'Hi', body: 42 }, ['body']],
    [
      'a tenant chosen by the caller',
      { category: 'other', subject: 'Hi', body: 'Text', tenant_id: 'x' },
      ['tenant_id'],
    ],
  ])('refuses %s with 400 validation_failed naming the field, storing nothing', async (_name, ticket, fields) => {
    const before = await ticketCount();
    const answer = await create(SOFIA, ticket);
    expect(answer.status).toBe(400);
    expect(answer.body['code']).toBe('validation_failed');
    const named = (answer.body['fields'] as Array<{ field: string }>).map((field) => field.field);
    expect([...new Set(named)]).toEqual(fields);
    expect(await ticketCount()).toBe(before);
  });

  it('accepts the longest subject and body', async () => {
    const answer = await create(SOFIA, { category: 'other', subject: 's'.repeat(200), body: 'b'.repeat(5000) });
    expect(answer.status).toBe(201);
  });

  it.each(SECRETS)(
    'refuses $name with 400 ticket_contains_secret, stores nothing and audits only the kind',
    async ({ field, secret, text, reason }) => {
      const before = await ticketCount();
      const ticket = {
        category: 'access',
        subject: field === 'subject' ? text : 'Sign-in help',
        body: field === 'body' ? text : 'Please help.',
      };
      const answer = await create(MARCUS, ticket);
      expect(answer.status).toBe(400);
      expect(answer.body['code']).toBe('ticket_contains_secret');
      const fields = answer.body['fields'] as Array<{ field: string; message: string }>;
      expect([...new Set(fields.map((f) => f.field))]).toEqual([field]);
      expect(answer.text).not.toContain(secret);
      expect(await ticketCount()).toBe(before);
      expect(
        await db().query(`SELECT id FROM support_ticket WHERE body LIKE $1 OR subject LIKE $1`, [`%${secret}%`]),
      ).toEqual([]);

      const events: AuditRow[] = await eventsOf(answer.requestId);
      expect(events.map((event) => [event.action, event.outcome, event.target_id])).toEqual([
        ['support.ticket.refused', 'denied', null],
      ]);
      expect(events[0]!.details).toEqual({ category: 'access', reason });
      expect(JSON.stringify(events[0])).not.toContain(secret);
      const anywhere = (await db().query(`SELECT count(*)::int AS n FROM audit_event WHERE details::text LIKE $1`, [
        `%${secret}%`,
      ])) as Array<{ n: number }>;
      expect(anywhere[0]!.n).toBe(0);
    },
  );

  it.each(HARMLESS)('accepts %s', async (_name, text) => {
    const answer = await create(MARCUS, { category: 'other', subject: 'A question', body: text });
    expect(answer.status).toBe(201);
    expect(answer.body['body']).toBe(text);
  });

  it('allows 5 tickets per person in 10 minutes, then 429 rate_limited with Retry-After; others are unaffected', async () => {
    for (let i = 1; i <= 5; i++) {
      expect((await create(SOFIA, { category: 'other', subject: `Ticket ${i}`, body: 'Text' })).status).toBe(201);
    }
    const refused = await create(SOFIA, { category: 'other', subject: 'Ticket 6', body: 'Text' });
    expect(refused.status).toBe(429);
    expect(refused.body['code']).toBe('rate_limited');
    expect(refused.body['message']).toMatch(/support tickets/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // Refused tickets (even with a secret) count too, and a refused request is not stored.
    expect((await create(SOFIA, { category: 'other', subject: 'code 123456', body: 'x' })).status).toBe(429);
    expect((await create(MARCUS, { category: 'other', subject: 'Mine', body: 'Text' })).status).toBe(201);
  });

  it('counts refused tickets against the limit, so the secret check cannot be probed without end', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await create(CHLOE, { category: 'other', subject: `OTP: 12345${i}`, body: 'x' })).status).toBe(400);
    }
    expect((await create(CHLOE, { category: 'other', subject: 'Plain', body: 'Text' })).status).toBe(429);
  });

  it.each([
    ['aidial_admin', GRACE],
    ['aidial_operator', NOAH],
  ])('answers %s 404 not_found, as for any route outside their sections', async (_role, email) => {
    const before = await ticketCount();
    expect([(await list(email)).status, (await list(email)).body['code']]).toEqual([404, 'not_found']);
    const created = await create(email, { category: 'other', subject: 'Hi', body: 'Text' });
    expect([created.status, created.body['code']]).toEqual([404, 'not_found']);
    expect(await ticketCount()).toBe(before);
  });

  it('answers 401 without a session and 403 csrf_failed without the CSRF header', async () => {
    expect((await call(null, 'GET', '/api/support/tickets')).status).toBe(401);
    const browser = await as(SOFIA);
    const response = await fetch(`${stack.api.baseUrl}/api/support/tickets`, {
      method: 'POST',
      headers: {
        cookie: Object.entries(browser)
          .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
          .join('; '),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ category: 'other', subject: 'Hi', body: 'Text' }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe('csrf_failed');
  });
});
