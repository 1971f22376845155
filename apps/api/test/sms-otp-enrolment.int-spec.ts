import { request as httpRequest } from 'node:http';
import { RateLimitKeys } from '@aidial/api/core';
import {
  testApiEnv,
  aRateLimitCounter,
  endRateLimitWindows,
  clearRateLimits,
  setFeatureFlags,
} from '@aidial/api/testing';
import { ERROR_CODES } from '@aidial/shared/access';
import { SMS_ENROL_LIMITS } from '@aidial/api/sms-otp';
import { type Answer, type Browser, auditCalls } from './support/audit-calls';
import { TEST_CLIENT } from '@aidial/stand-ins/testing';
import { authenticationMethods, resetIdp } from './support/mfa-flow';
import { type TestRedis, cuttableRedis, startTestRedis } from './support/redis';
import {
  type SignInStack,
  cookieHeader,
  deliverCallback,
  demoUser,
  passProvider,
  signIn,
  startLogin,
  startSignInStack,
} from './support/sign-in-flow';

const AMELIA = 'amelia.hart@acme-health.example'; // client_admin, Acme Health (flag on), no MFA
const CHLOE = 'chloe.nguyen@acme-health.example'; // client_admin, Acme Health, SMS already enrolled
const PRIYA = 'priya.natarajan@northwind.example'; // partner_admin, Northwind (flag on), TOTP
const OLIVER = 'oliver.bennett@northwind.example'; // partner_admin without MFA: must still complete MFA
const ELLA = 'ella.martin@harbour-physio.example'; // client_admin, Harbour Physio (flag off)
const NOT_ELIGIBLE = [
  ['client_manager', 'marcus.chen@acme-health.example'],
  ['client_staff', 'sofia.rossi@acme-health.example'],
  ['partner_user', 'liam.obrien@northwind.example'],
  ['aidial_admin', 'grace.okafor@aidial.example'],
  ['aidial_operator', 'noah.williams@aidial.example'],
] as const;

const ROUTE = '/api/auth/mfa-sms-enrol';
/** ACMA's numbers for fiction (0491 570 156–159 and friends): never a real subscriber. */
const NUMBER = { typed: '0491 570 156', e164: '+61491570156', tail: '+61 ... 156' };
const OTHER_NUMBERS = ['0491 570 157', '0491 570 158', '0491 570 159', '0491 570 110'];
const TRUSTED_PROXY = '127.0.0.1';

/** spec/05's troubleshooting sentences, word for word. */
const SPEC = {
  tenant: 'SMS one-time code is not available for this organisation',
  role: 'SMS one-time code is not available for this account type',
  country: 'Only Australian phone numbers are supported',
  rate: 'Too many SMS one-time code requests',
  provider: 'SMS OTP provider is not configured',
};

describe('POST /api/auth/mfa-sms-enrol (spec/05)', () => {
  let stack: SignInStack;
  const calls = auditCalls(() => stack);
  const keys = new RateLimitKeys(testApiEnv('postgres://unused')['SESSION_SECRET'] as string);

  const post = async (email: string, phone: unknown): Promise<Answer> =>
    calls.call(await calls.as(email), 'POST', ROUTE, { phone });

  /** The instance's SMS provider at dev-idp, as ZITADEL's admin API reports it (`POST /admin/v1/sms/_search`). */
  async function smsProvider(state: 'active' | 'inactive' | 'none'): Promise<void> {
    const response = await fetch(new URL('/dev/faults', stack.idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ smsProvider: state }),
    });
    if (!response.ok) throw new Error(`dev faults answered ${response.status}`);
  }

  /** A ZITADEL v2 call as the service account (the same token the API holds). */
  async function zitadel(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(new URL(path, stack.idp.issuer), {
      method,
      headers: { authorization: `Bearer ${TEST_CLIENT.serviceToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** Sets a counter as if `count` requests had already been counted in its current window. */
  async function preset(bucket: { name: string; key: string; windowSeconds: number }, count: number): Promise<void> {
    await aRateLimitCounter(calls.db(), keys.counterKey(bucket), count, bucket.windowSeconds);
  }

  async function counter(bucket: { name: string; key: string }): Promise<number> {
    const [row] = (await calls
      .db()
      .query(`SELECT count FROM rate_limit_counter WHERE key = $1 AND window_ends_at > now()`, [
        keys.counterKey(bucket),
      ])) as Array<{ count: number }>;
    return row?.count ?? 0;
  }

  /** A minute passes for every counter: the minute windows end, the hour and day windows go on. */
  async function aMinutePasses(): Promise<void> {
    await endRateLimitWindows(calls.db(), 60);
  }

  /** A request through a peer address of our choosing (127.0.0.0/8 is all loopback), with an X-Forwarded-For header. */
  async function enrolFrom(localAddress: string, forwardedFor: string, email: string, phone: string): Promise<Answer> {
    const browser: Browser = await calls.as(email);
    const url = new URL(ROUTE, stack.api.baseUrl);
    const body = JSON.stringify({ phone });
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          localAddress,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            cookie: cookieHeader(browser),
            'x-xsrf-token': browser['XSRF-TOKEN'] ?? '',
            'x-forwarded-for': forwardedFor,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
              text,
              headers: new Headers(res.headers as Record<string, string>),
              requestId: '',
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  beforeAll(async () => {
    stack = await startSignInStack({ TRUSTED_PROXIES: TRUSTED_PROXY });
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await resetIdp(stack);
    await clearRateLimits(calls.db());
  });

  describe('session and CSRF come first', () => {
    it('answers 403 csrf_failed to a browser that holds no session (the CSRF check runs first)', async () => {
      const answer = await calls.call(null, 'POST', ROUTE, { phone: NUMBER.typed });
      expect(answer.status).toBe(403);
      expect(answer.body['code']).toBe('csrf_failed');
    });

    it('answers 401 to a session that has ended, even with its CSRF token', async () => {
      const { cookies } = await signIn(stack, AMELIA);
      expect((await calls.call(cookies, 'POST', '/api/auth/logout')).status).toBeLessThan(400);
      const answer = await calls.call(cookies, 'POST', ROUTE, { phone: NUMBER.typed });
      expect(answer.status).toBe(401);
      expect(answer.body['code']).toBe('unauthenticated');
    });

    it('answers 403 csrf_failed without the CSRF token, and sends nothing to the provider', async () => {
      const browser = await calls.as(AMELIA);
      const response = await fetch(`${stack.api.baseUrl}${ROUTE}`, {
        method: 'POST',
        headers: { cookie: cookieHeader(browser), 'content-type': 'application/json' },
        body: JSON.stringify({ phone: NUMBER.typed }),
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { code: string }).code).toBe('csrf_failed');
      expect(await authenticationMethods(stack, demoUser(AMELIA))).not.toContain('AUTHENTICATION_METHOD_TYPE_OTP_SMS');
    });
  });

  describe('the role gate', () => {
    it.each(NOT_ELIGIBLE)(
      'refuses %s with mfa_sms_role_not_allowed and spec/05’s words, audited',
      async (role, email) => {
        const answer = await post(email, NUMBER.typed);
        expect(answer.status).toBe(403);
        expect(answer.body).toMatchObject({ code: 'mfa_sms_role_not_allowed', message: SPEC.role });
        expect((await calls.eventsOf(answer.requestId)).map((row) => [row.action, row.outcome, row.details])).toEqual([
          ['mfa.sms_otp.enrolment', 'denied', { reason: 'role_not_allowed' }],
        ]);
        expect(role).toBeTruthy();
      },
    );

    it('comes before the body is read: a role that may not enrol learns that even with a malformed body', async () => {
      const answer = await post('marcus.chen@acme-health.example', { not: 'a string' });
      expect(answer.body['code']).toBe('mfa_sms_role_not_allowed');
    });
  });

  describe('the tenant gate (deny by default)', () => {
    it('refuses a client_admin whose organisation is not opted in, with spec/05’s words', async () => {
      const answer = await post(ELLA, NUMBER.typed);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'mfa_sms_tenant_not_enabled', message: SPEC.tenant });
      expect((await calls.eventsOf(answer.requestId))[0]?.details).toEqual({ reason: 'tenant_not_enabled' });
    });

    it('opens on the next request once an operator turns the flag on, and closes again when it is turned off', async () => {
      const harbour = await calls.tenantId('Harbour Physio');
      const setFlag = (on: boolean) => setFeatureFlags(calls.db(), harbour, { 'mfa.sms_otp.enabled': on });
      try {
        await setFlag(true);
        expect((await post(ELLA, NUMBER.typed)).body).toEqual({ phone_tail: NUMBER.tail });
        await setFlag(false);
        expect((await post(ELLA, OTHER_NUMBERS[0])).body['code']).toBe('mfa_sms_tenant_not_enabled');
      } finally {
        await setFlag(false);
      }
    });

    it.each([
      ['the string "true"', '"true"'],
      ['the number 1', '1'],
      ['null', 'null'],
      ['an object', '{"on": true}'],
    ])('stays shut when the flag holds %s rather than the boolean true', async (_name, value) => {
      const harbour = await calls.tenantId('Harbour Physio');
      // Raw SQL: the entity types the flag as a boolean; only a hand-edited row can hold anything else.
      const setFlag = (json: string) =>
        calls
          .db()
          .query(
            `UPDATE tenant SET feature_flags = feature_flags || jsonb_build_object('mfa.sms_otp.enabled', $2::jsonb) WHERE id = $1`,
            [harbour, json],
          );
      try {
        await setFlag(value);
        expect((await post(ELLA, NUMBER.typed)).body['code']).toBe('mfa_sms_tenant_not_enabled');
      } finally {
        await setFlag('false');
      }
    });

    it('reads the partner’s own flag, not a selected client’s', async () => {
      const northwind = await calls.tenantId('Northwind Partners');
      await setFeatureFlags(calls.db(), northwind, { 'mfa.sms_otp.enabled': false });
      try {
        // Acme Health (a Northwind client) has the flag on; Priya selects it, and is still refused.
        const browser = await calls.as(PRIYA);
        const acme = await calls.tenantId('Acme Health');
        expect((await calls.call(browser, 'PUT', '/api/partner/client-selection', { client_id: acme })).status).toBe(
          200,
        );
        expect((await post(PRIYA, NUMBER.typed)).body['code']).toBe('mfa_sms_tenant_not_enabled');
      } finally {
        await setFeatureFlags(calls.db(), northwind, { 'mfa.sms_otp.enabled': true });
      }
    });
  });

  describe('the number', () => {
    it.each(['+44 7700 900123', '+1 202 555 0143', '+64 21 123 4567', '+999 1234'])(
      'refuses %j with mfa_sms_country_not_supported and spec/05’s words, before any count or provider call',
      async (typed) => {
        const answer = await post(AMELIA, typed);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ code: 'mfa_sms_country_not_supported', message: SPEC.country });
        expect(answer.text).not.toContain(typed.replace(/\D/g, '').slice(-6));
        expect(await counter({ ...SMS_ENROL_LIMITS.userMinute, key: await calls.userId(AMELIA) })).toBe(0);
      },
    );

    it.each([
      [{ phone: '' }, 'phone'],
      [{}, 'phone'],
      [{ phone: 412345678 }, 'phone'],
      [{ phone: 'x'.repeat(33) }, 'phone'],
      [{ phone: NUMBER.typed, country: 'AU' }, 'country'],
    ])('refuses the body %j with validation_failed on %s', async (body, field) => {
      const browser = await calls.as(AMELIA);
      const answer = await calls.call(browser, 'POST', ROUTE, body);
      expect(answer.status).toBe(400);
      expect(answer.body['code']).toBe('validation_failed');
      expect((answer.body['fields'] as Array<{ field: string }>).map((f) => f.field)).toContain(field);
    });

    it.each([
      ['abc', 'Enter an Australian mobile number, such as 0412 345 678.'],
      ['0491 570 1566', 'Enter an Australian mobile number, such as 0412 345 678.'],
      ['02 9374 4000', 'This is not an Australian mobile number: SMS codes can only be sent to a mobile (04…).'],
      ['1300 123 456', 'This is not an Australian mobile number: SMS codes can only be sent to a mobile (04…).'],
    ])('refuses %j with a field error that does not repeat the number', async (typed, message) => {
      const answer = await post(AMELIA, typed);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'validation_failed', fields: [{ field: 'phone', message }] });
      expect(await authenticationMethods(stack, demoUser(AMELIA))).not.toContain('AUTHENTICATION_METHOD_TYPE_OTP_SMS');
    });
  });

  describe('enrolment', () => {
    it.each([['0491 570 156'], ['+61 491 570 156'], ['(04) 9157 0156'], ['+61 (0) 491 570 156'], ['61491570156']])(
      'enrols %j at the provider and answers only the masked tail',
      async (typed) => {
        const answer = await post(AMELIA, typed);
        expect(answer.status).toBe(200);
        expect(answer.text).toBe(JSON.stringify({ phone_tail: NUMBER.tail }));
        expect(answer.headers.get('cache-control')).toBe('no-store');
        expect(await authenticationMethods(stack, demoUser(AMELIA))).toContain('AUTHENTICATION_METHOD_TYPE_OTP_SMS');
        const [event] = await calls.eventsOf(answer.requestId);
        expect(event).toMatchObject({
          action: 'mfa.sms_otp.enrolment',
          outcome: 'success',
          target_id: await calls.userId(AMELIA),
          details: { phone_tail: NUMBER.tail },
        });
      },
    );

    it('makes the provider text sign-in codes to the new number, and the next sign-in uses them', async () => {
      expect((await post(AMELIA, NUMBER.typed)).status).toBe(200);
      const login = await startLogin(stack, AMELIA);
      // Amelia as the provider now knows her: password, then a code texted to the enrolled number (the outbox).
      const page = await passProvider(stack, login.url, { ...demoUser(AMELIA), mfa: { sms: { phone: NUMBER.e164 } } });
      expect(page.left).toBe(true);
      const signedIn = await deliverCallback(page.url, login.cookies);
      expect(signedIn.location).toBe('/dashboard');
      const summary = await calls.call(signedIn.cookies, 'GET', '/api/mfa/summary');
      expect(summary.body).toMatchObject({ used_factors: ['sms_code'], allowed_factors: ['sms_code'] });
    });

    it('shows the new factor in this session at once and after a reload, and asks to store no recovery codes', async () => {
      // A sign-in of its own: the session's snapshot is what this test is about. Its snapshot shows the factors the
      // reset provider has (none), unlike the last one recorded, so it ends Amelia's other sessions (a factor change):
      // the next test signs her in again.
      const { cookies: browser } = await signIn(stack, AMELIA);
      calls.forget(AMELIA);
      const before = await calls.call(browser, 'GET', '/api/mfa/summary');
      expect(before.body).toMatchObject({ enrolment: 'not_enrolled', allowed_factors: [] });
      expect((await calls.call(browser, 'POST', ROUTE, { phone: NUMBER.typed })).status).toBe(200);
      // The same session, read again (what a reload asks): enrolled with SMS, and ZITADEL issued no recovery codes
      // for it, so nothing asks to store any.
      const after = await calls.call(browser, 'GET', '/api/mfa/summary');
      expect(after.body).toMatchObject({
        enrolment: 'enrolled',
        allowed_factors: ['sms_code'],
        lifecycle: { recovery_codes: 'none' },
      });
      expect(after.body['actions']).not.toContain('store_recovery_codes');
      // Not used in this sign-in: the optional policy does not ask for it, so this session stays as compliant as it was.
      expect(after.body).toMatchObject({ challenge: 'required', compliant: true });
    });

    it('lets a partner_admin who must still complete MFA enrol (the route is exempt from the MFA step)', async () => {
      const browser = await calls.as(OLIVER);
      expect((await calls.call(browser, 'GET', '/api/dashboard')).body['code']).toBe('mfa_required');
      const answer = await post(OLIVER, '0491 570 158');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ phone_tail: '+61 ... 158' });
    });

    it('answers 409 mfa_sms_already_enrolled when the user has the factor, and leaves it as it was', async () => {
      const answer = await post(CHLOE, NUMBER.typed);
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({
        code: 'mfa_sms_already_enrolled',
        message: ERROR_CODES.mfa_sms_already_enrolled.message,
      });
      expect((await calls.eventsOf(answer.requestId))[0]).toMatchObject({
        outcome: 'denied',
        details: { reason: 'already_enrolled', phone_tail: NUMBER.tail },
      });
      // The provider still texts Chloe's own number at sign-in: the portal changed nothing.
      const mobile = demoUser(CHLOE).mfa.sms?.phone ?? '';
      const outbox = await fetch(new URL(`/dev/outbox.json?to=${encodeURIComponent(mobile)}`, stack.idp.issuer));
      expect(outbox.status).toBe(200);
    });
  });

  describe('when ZITADEL cannot send codes', () => {
    afterEach(() => smsProvider('active'));

    // ZITADEL sends no text at enrolment (ChangeUserPhoneVerified generates no code, AddOTPSMS never calls the
    // provider): only its list of SMS providers tells whether a code could ever be sent.
    it.each([['none'], ['inactive']] as const)(
      'with SMS provider %s: 503 mfa_sms_provider_unavailable, audited with the tail, no factor and no phone added',
      async (state) => {
        await smsProvider(state);
        const answer = await post(AMELIA, NUMBER.typed);
        expect(answer.status).toBe(503);
        expect(answer.body).toMatchObject({ code: 'mfa_sms_provider_unavailable', message: SPEC.provider });
        expect(answer.text).not.toMatch(/491\s?570\s?156|COMMAND|DEVIDP/);
        expect((await calls.eventsOf(answer.requestId))[0]).toMatchObject({
          action: 'mfa.sms_otp.enrolment',
          outcome: 'failure',
          details: { reason: 'provider_not_configured', phone_tail: NUMBER.tail },
        });
        expect(await authenticationMethods(stack, demoUser(AMELIA))).not.toContain(
          'AUTHENTICATION_METHOD_TYPE_OTP_SMS',
        );
        const user = (await (await zitadel('GET', `/v2/users/${demoUser(AMELIA).sub}`)).json()) as {
          user?: { human?: { phone?: { phone?: string } } };
        };
        expect(user.user?.human?.phone?.phone ?? '').toBe('');
      },
    );

    // Not "not configured": the sign-in service is down, and says so (spec/05's sentence is for a missing provider).
    it('answers 503 identity_provider_unavailable when Zitadel’s API does not answer at all', async () => {
      const response = await fetch(new URL('/dev/faults', stack.idp.issuer), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ restApi: 'unavailable' }),
      });
      expect(response.ok).toBe(true);
      const answer = await post(AMELIA, NUMBER.typed);
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ code: 'identity_provider_unavailable' });
      expect(answer.body['message']).not.toBe(SPEC.provider);
    });
  });

  it('enrols a number the user already holds unverified (ZITADEL answers "not changed" before verifying it)', async () => {
    const held = await zitadel('POST', `/v2/users/${demoUser(AMELIA).sub}/phone`, {
      phone: NUMBER.e164,
      returnCode: {},
    });
    expect(held.status).toBe(200);
    const answer = await post(AMELIA, NUMBER.typed);
    expect(answer.status).toBe(200);
    expect(await authenticationMethods(stack, demoUser(AMELIA))).toContain('AUTHENTICATION_METHOD_TYPE_OTP_SMS');
    const user = (await (await zitadel('GET', `/v2/users/${demoUser(AMELIA).sub}`)).json()) as {
      user?: { human?: { phone?: { phone?: string; isVerified?: boolean } } };
    };
    expect(user.user?.human?.phone).toEqual({ phone: NUMBER.e164, isVerified: true });
  });

  describe('rate limits (one atomic step over every bucket)', () => {
    const admitted = (answer: Answer) => answer.status !== 429;

    it('per user: the 3rd request in a minute passes, the 4th is 429 with spec/05’s words and Retry-After', async () => {
      await smsProvider('none'); // each admitted request reaches ZITADEL and is refused: nothing is enrolled
      try {
        const answers = [];
        for (const typed of [NUMBER.typed, ...OTHER_NUMBERS.slice(0, 3)]) answers.push(await post(AMELIA, typed));
        expect(answers.map((a) => a.status)).toEqual([503, 503, 503, 429]);
        const refused = answers[3] as Answer;
        expect(refused.body).toMatchObject({ code: 'mfa_sms_rate_limited', message: SPEC.rate });
        const retryAfter = Number(refused.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
        // Refused means counted nowhere: the fourth number's own bucket is untouched.
        expect(await counter({ ...SMS_ENROL_LIMITS.phoneMinute, key: '+61491570158' })).toBe(1);
        expect(await counter({ ...SMS_ENROL_LIMITS.phoneMinute, key: '+61491570159' })).toBe(0);
        await aMinutePasses();
        expect((await post(AMELIA, OTHER_NUMBERS[2])).status).toBe(503);
      } finally {
        await smsProvider('active');
      }
    });

    it('per phone: three people may ask for one number in a minute, the fourth is refused', async () => {
      await smsProvider('none');
      try {
        const statuses = [];
        for (const email of [AMELIA, PRIYA, OLIVER, CHLOE]) statuses.push((await post(email, NUMBER.typed)).status);
        expect(statuses).toEqual([503, 503, 503, 429]);
      } finally {
        await smsProvider('active');
      }
    });

    it('per user per day: the 10th request in a day passes, the 11th is refused until the day window ends', async () => {
      const userId = await calls.userId(AMELIA);
      await preset({ ...SMS_ENROL_LIMITS.userDay, key: userId }, 9);
      await smsProvider('none');
      try {
        expect((await post(AMELIA, NUMBER.typed)).status).toBe(503);
        await aMinutePasses();
        const refused = await post(AMELIA, OTHER_NUMBERS[0]);
        expect(refused.status).toBe(429);
        expect(refused.body['code']).toBe('mfa_sms_rate_limited');
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(86_000);
      } finally {
        await smsProvider('active');
      }
    });

    it('per phone per day: the 10th request for a number in a day passes, the 11th is refused', async () => {
      await preset({ ...SMS_ENROL_LIMITS.phoneDay, key: NUMBER.e164 }, 9);
      expect(admitted(await post(AMELIA, NUMBER.typed))).toBe(true);
      await aMinutePasses();
      await resetIdp(stack);
      const refused = await post(PRIYA, '+61 491 570 156');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(86_000);
    });

    it('globally: the 100th request in a minute passes, the 101st is refused for everyone', async () => {
      await preset({ ...SMS_ENROL_LIMITS.globalMinute, key: 'all' }, 99);
      expect((await post(AMELIA, NUMBER.typed)).status).toBe(200);
      const refused = await post(PRIYA, OTHER_NUMBERS[0]);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'mfa_sms_rate_limited', message: SPEC.rate });
      expect(await counter({ ...SMS_ENROL_LIMITS.userMinute, key: await calls.userId(PRIYA) })).toBe(0);
    });

    describe('per source IP, only through a trusted proxy (TRUSTED_PROXIES=127.0.0.1)', () => {
      const client = '203.0.113.9';
      const ipBucket = (ip: string) => ({ ...SMS_ENROL_LIMITS.ipHour, key: ip });

      it('the 30th request from one client in an hour passes, the 31st is refused; another client is not', async () => {
        await preset(ipBucket(client), 29);
        expect((await enrolFrom(TRUSTED_PROXY, client, AMELIA, NUMBER.typed)).status).toBe(200);
        const refused = await enrolFrom(TRUSTED_PROXY, client, PRIYA, OTHER_NUMBERS[0]);
        expect(refused.status).toBe(429);
        expect(refused.body['code']).toBe('mfa_sms_rate_limited');
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3_000);
        expect((await enrolFrom(TRUSTED_PROXY, '203.0.113.10', PRIYA, OTHER_NUMBERS[0])).status).toBe(200);
      });

      it('ignores X-Forwarded-For from a peer that is not a trusted proxy: no IP is counted', async () => {
        await preset(ipBucket(client), 30);
        const answer = await enrolFrom('127.0.0.2', client, AMELIA, NUMBER.typed);
        expect(answer.status).toBe(200);
        expect(await counter(ipBucket(client))).toBe(30);
        expect(await counter(ipBucket('127.0.0.2'))).toBe(0);
      });

      it('does not count the proxy itself when it forwards no client address', async () => {
        const direct = await post(AMELIA, NUMBER.typed);
        expect(direct.status).toBe(200);
        expect(await counter(ipBucket(TRUSTED_PROXY))).toBe(0);
      });
    });
  });
});

describe('POST /api/auth/mfa-sms-enrol when the counters cannot be read', () => {
  let stack: SignInStack;
  let redis: TestRedis;
  let relay: Awaited<ReturnType<typeof cuttableRedis>>;

  beforeAll(async () => {
    redis = await startTestRedis();
    relay = await cuttableRedis(redis.url);
    stack = await startSignInStack({ REDIS_URL: relay.url });
  });
  afterAll(async () => {
    await stack.close();
    await redis.stop();
  });

  it('fails closed: 503 service_unavailable with Retry-After, and nothing reaches the provider', async () => {
    const { cookies } = await signIn(stack, AMELIA);
    // Signing in counts a sign-in start (docs/rate-limits.md): Redis goes away only after it.
    await relay.cut();
    const response = await fetch(`${stack.api.baseUrl}${ROUTE}`, {
      method: 'POST',
      headers: {
        cookie: cookieHeader(cookies),
        'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ phone: NUMBER.typed }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(((await response.json()) as { code: string }).code).toBe('service_unavailable');
    expect(await authenticationMethods(stack, demoUser(AMELIA))).not.toContain('AUTHENTICATION_METHOD_TYPE_OTP_SMS');
  });
});
