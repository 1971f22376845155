import { DataSource } from 'typeorm';
import { type Answer, auditCalls } from './support/audit-calls';
import { removeTotp, signInWith } from './support/mfa-flow';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink';
import {
  type SignInStack,
  cookieHeader,
  demoUser,
  passProvider,
  signIn,
  startLogin,
  startSignInStack,
} from './support/sign-in-flow';

const AMELIA = 'amelia.hart@acme-health.example'; // client_admin, Acme Health
const MARCUS = 'marcus.chen@acme-health.example'; // client_manager, Acme Health
const SOFIA = 'sofia.rossi@acme-health.example'; // client_staff, Acme Health
const PRIYA = 'priya.natarajan@northwind.example'; // partner_admin, Northwind (TOTP)
const OLIVER = 'oliver.bennett@northwind.example'; // partner_admin, Northwind
const GRACE = 'grace.okafor@aidial.example'; // aidial_admin (TOTP)
const NOAH = 'noah.williams@aidial.example'; // aidial_operator (TOTP)
const PHONE = {
  typed: '0491 570 156',
  forms: ['0491 570 156', '0491570156', '+61491570156', '+61 491 570 156', '491570156'],
};
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

/**
 * Security notices (issue 17, part 3), delivered by the API's outbox worker over real SMTP to a sink on loopback: one
 * for each kind of change, to the right people, and none carrying a secret, a code, a token or a full phone number.
 */
describe('security notices by e-mail, through a real SMTP server', () => {
  let stack: SignInStack;
  let sink: SmtpSink;
  const calls = auditCalls(() => stack);
  /** Every secret the test sees: none of them may reach any message. */
  const secrets: string[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    stack = await startSignInStack({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_TLS: 'none',
      NOTICE_FROM: 'AiDial Access <notices@aidial.example>',
      NOTICE_DELIVERY_INTERVAL_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await stack.close();
    await sink.stop();
  });

  const expectOk = (answer: Answer, status = 200) =>
    expect([answer.status, answer.body]).toEqual([status, answer.body]);
  const memberId = async (email: string, tenant: string): Promise<string> => {
    const [row] = (await stack.api.app.get(DataSource).query(
      `SELECT m.id FROM membership m JOIN portal_user u ON u.id = m.user_id JOIN tenant t ON t.id = m.tenant_id
        WHERE u.email = $1 AND t.name = $2`,
      [email, tenant],
    )) as Array<{ id: string }>;
    return row?.id ?? '';
  };

  it('tells the organisation’s administrators when an API key is created, naming the key and who made it', async () => {
    const priya = await calls.as(PRIYA);
    const created = await calls.call(priya, 'POST', '/api/integrations/keys', {
      name: 'Notice check key',
      scopes: ['projects:read'],
      expires_in_days: 30,
      client_id: await (async () => {
        const [row] = (await stack.api.app
          .get(DataSource)
          .query(`SELECT id FROM tenant WHERE name = 'Acme Health'`)) as Array<{ id: string }>;
        return row?.id;
      })(),
    });
    expectOk(created, 201);
    secrets.push(String(created.body['key']));
    for (const admin of [PRIYA, OLIVER]) {
      const [message] = await sink.waitFor(admin);
      expect(message?.text).toContain('Notice check key');
      expect(message?.text).toContain('Northwind');
    }
    // Not to the client's people, nor to a partner user.
    expect(sink.messages.some((message) => message.to.includes(AMELIA))).toBe(false);
  });

  it('tells a member whose role changed, and one whose sessions an administrator ended', async () => {
    const amelia = await calls.as(AMELIA);
    await calls.as(SOFIA); // a live session to end
    expectOk(
      await calls.call(amelia, 'PUT', `/api/team/members/${await memberId(MARCUS, 'Acme Health')}/role`, {
        role: 'client_staff',
      }),
    );
    const [roleNotice] = await sink.waitFor(MARCUS);
    expect(roleNotice?.text).toContain('Client Manager');
    expect(roleNotice?.text).toContain('Client Staff');
    expectOk(
      await calls.call(amelia, 'PUT', `/api/team/members/${await memberId(MARCUS, 'Acme Health')}/role`, {
        role: 'client_manager',
      }),
    );

    expectOk(
      await calls.call(amelia, 'POST', `/api/team/members/${await memberId(SOFIA, 'Acme Health')}/sessions/revoke`, {
        note: 'Laptop returned to IT',
      }),
    );
    const [ended] = await sink.waitFor(SOFIA);
    expect(ended?.text).toContain('Amelia Hart');
  });

  it('names AiDial support, not the staff member, when AiDial ends someone’s sessions', async () => {
    const grace = await calls.as(GRACE);
    await calls.as(NOAH);
    const [noah] = (await stack.api.app
      .get(DataSource)
      .query(`SELECT id FROM portal_user WHERE email = $1`, [NOAH])) as Array<{ id: string }>;
    expectOk(
      await calls.call(grace, 'POST', `/api/admin/users/${noah?.id}/sessions/revoke`, { note: 'Routine check' }),
    );
    const [message] = await sink.waitFor(NOAH);
    expect(message?.text).toContain('AiDial support');
    expect(message?.text).not.toContain('Grace');
  });

  it('tells a person an SMS factor was added, showing the number by its last two digits only', async () => {
    const amelia = await calls.as(AMELIA);
    expectOk(await calls.call(amelia, 'POST', '/api/auth/mfa-sms-enrol', { phone: PHONE.typed }));
    const notices = await sink.waitFor(AMELIA);
    const added = notices.find((message) => /text-message/i.test(message.text));
    expect(added?.text).toMatch(/56\b/);
  });

  it('tells a person who signs in from a new browser, with the browser and the coarse network', async () => {
    await signIn(stack, SOFIA); // a known device first (Node's own user agent)
    const before = sink.messages.filter((message) => message.to.includes(SOFIA)).length;
    const login = await startLogin(stack, SOFIA);
    const page = await passProvider(stack, login.url, demoUser(SOFIA));
    const response = await fetch(page.url, {
      redirect: 'manual',
      headers: { cookie: cookieHeader(login.cookies), 'user-agent': FIREFOX },
    });
    expect(response.status).toBe(302);
    const notices = await sink.waitFor(SOFIA, before + 1);
    const newDevice = notices.at(-1);
    expect(newDevice?.text).toContain('Firefox 133');
    expect(newDevice?.text).toContain('Windows');
    // The network as the API keeps it (the last octet zeroed), never the address itself.
    expect(newDevice?.text).toContain('the network 127.0.0.0');
  });

  it('ends a person’s other sessions and tells them when a sign-in shows their second factors changed', async () => {
    const secret = demoUser(PRIYA).mfa.totp?.secret ?? '';
    const first = await signInWith(stack, PRIYA, { kind: 'totp', secret });
    // The authenticator app is removed at the provider (by the person, or by someone who got in).
    await removeTotp(stack, PRIYA, secret);
    const before = sink.messages.filter((message) => message.to.includes(PRIYA)).length;
    const again = await signInWith(stack, PRIYA, { kind: 'none' });
    const notices = await sink.waitFor(PRIYA, before + 1);
    expect(notices.at(-1)?.text).toMatch(/authenticator app/i);
    const session = await fetch(`${stack.api.baseUrl}/api/session`, {
      headers: { cookie: cookieHeader(first.cookies) },
    });
    expect(session.status).toBe(401);
    // Its history says why, truthfully: not "You chose Sign out everywhere else".
    const reasons = (await stack.api.app.get(DataSource).query(
      `SELECT DISTINCT s.end_reason FROM session s JOIN portal_user u ON u.id = s.user_id
        WHERE u.email = $1 AND s.ended_at IS NOT NULL AND s.ended_at > now() - interval '1 minute'`,
      [PRIYA],
    )) as Array<{ end_reason: string }>;
    expect(reasons.map(({ end_reason }) => end_reason)).toContain('factors_changed');
    expect(again.cookies['aidial_session']).toBeTruthy();
  });

  it('puts no secret, code, token, cookie or full phone number in any message', async () => {
    expect(sink.messages.length).toBeGreaterThanOrEqual(7);
    const totp = [PRIYA, GRACE, NOAH].map((email) => demoUser(email).mfa.totp?.secret ?? '');
    for (const message of sink.messages) {
      const whole = `${message.subject}\n${message.text}\n${message.raw}`;
      for (const secret of [...secrets, ...totp].filter((value) => value.length > 8)) {
        expect(whole).not.toContain(secret);
        expect(whole).not.toContain(secret.slice(-12));
      }
      for (const form of PHONE.forms) expect(whole).not.toContain(form);
      expect(whole).not.toMatch(/aidial_[A-Za-z0-9]{8,}_|eyJ[A-Za-z0-9_-]{10,}|XSRF|aidial_session=/);
    }
  });
});
