import { Browser, alertText } from './support/browser.ts';
import { type DemoUser, demoUsers } from './support/demo-seed.ts';
import { type DevIdp, startDevIdp } from './support/dev-idp-process.ts';
import { authorization, latestSmsCode, outbox, signIn } from './support/oidc.ts';

let idp: DevIdp;

beforeAll(async () => {
  idp = await startDevIdp();
});

afterAll(async () => {
  await idp.stop();
});

interface ApiAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

async function api(
  method: string,
  path: string,
  body?: unknown,
  token: string | null = idp.serviceToken,
): Promise<ApiAnswer> {
  const response = await fetch(new URL(path, idp.issuer), {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Zitadel's error body: gRPC code, "message (ID)", and the id in details[0]. */
function zitadelError(code: number, id: string) {
  return {
    code,
    message: expect.stringMatching(new RegExp(`\\(${id}\\)$`)),
    details: [{ '@type': 'type.googleapis.com/zitadel.v1.ErrorDetail', id, message: expect.any(String) }],
  };
}

const methodsOf = async (user: DemoUser) => (await api('GET', `/v2/users/${user.sub}/authentication_methods`)).body;

describe('service-token authentication', () => {
  it('answers 401 UNAUTHENTICATED (16) without an Authorization header', async () => {
    const answer = await api('GET', `/v2/users/${demoUsers.passwordOnly.sub}/authentication_methods`, undefined, null);

    expect(answer).toEqual({ status: 401, body: zitadelError(16, 'AUTH-7fs1e') });
  });

  it('answers 401 UNAUTHENTICATED (16) for a wrong token', async () => {
    const answer = await api(
      'GET',
      `/v2/users/${demoUsers.passwordOnly.sub}/authentication_methods`,
      undefined,
      'not-the-token',
    );

    expect(answer).toEqual({ status: 401, body: zitadelError(16, 'AUTH-7fs1e') });
  });

  it('answers 401 before saying whether a path exists', async () => {
    expect((await api('GET', '/v2/nothing-here', undefined, null)).status).toBe(401);
    expect(await api('GET', '/v2/nothing-here')).toEqual({
      status: 404,
      body: zitadelError(5, 'DEVIDP-ROUTE-NOT-FOUND'),
    });
  });
});

describe('GET /v2/users/{id}/authentication_methods', () => {
  it.each([
    ['a password-only user', demoUsers.passwordOnly, ['AUTHENTICATION_METHOD_TYPE_PASSWORD']],
    [
      'a user with TOTP and recovery codes',
      demoUsers.totp,
      [
        'AUTHENTICATION_METHOD_TYPE_PASSWORD',
        'AUTHENTICATION_METHOD_TYPE_TOTP',
        'AUTHENTICATION_METHOD_TYPE_RECOVERY_CODE',
      ],
    ],
    [
      'a user with the SMS factor',
      demoUsers.sms,
      ['AUTHENTICATION_METHOD_TYPE_PASSWORD', 'AUTHENTICATION_METHOD_TYPE_OTP_SMS'],
    ],
  ])('lists the methods of %s in Zitadel’s shape', async (_label, user, types) => {
    const answer = await api('GET', `/v2/users/${user.sub}/authentication_methods`);

    expect(answer).toEqual({
      status: 200,
      body: {
        details: {
          totalResult: String(types.length),
          processedSequence: expect.any(String),
          timestamp: expect.any(String),
        },
        authMethodTypes: types,
      },
    });
  });

  it('answers 404 NOT_FOUND (5) for an unknown user', async () => {
    expect(await api('GET', '/v2/users/999/authentication_methods')).toEqual({
      status: 404,
      body: zitadelError(5, 'DEVIDP-USER-NOT-FOUND'),
    });
  });
});

describe('the SMS factor: phone, verification, add and remove', () => {
  it('walks the whole enrolment: unverified phone, code to the outbox, verification, factor added', async () => {
    const user = demoUsers.passwordOnly;
    const phone = '+61412000111';

    const set = await api('POST', `/v2/users/${user.sub}/phone`, { phone });
    expect(set).toEqual({
      status: 200,
      body: {
        details: { sequence: expect.any(String), changeDate: expect.any(String), resourceOwner: expect.any(String) },
      },
    });
    expect((await outbox(idp, phone))[0]).toMatchObject({ to: phone, purpose: 'phone-verification' });

    expect(await api('POST', `/v2/users/${user.sub}/otp_sms`, {})).toEqual({
      status: 400,
      body: zitadelError(9, 'COMMAND-Q54j2'),
    });
    expect(await api('POST', `/v2/users/${user.sub}/phone/verify`, { verificationCode: 'wrong' })).toEqual({
      status: 400,
      body: zitadelError(3, 'COMMAND-eis9R'),
    });
    expect(await api('POST', `/v2/users/${user.sub}/phone/verify`, {})).toEqual({
      status: 400,
      body: zitadelError(3, 'COMMAND-Fia4a'),
    });

    const code = await latestSmsCode(idp, phone);
    expect((await api('POST', `/v2/users/${user.sub}/phone/verify`, { verificationCode: code })).status).toBe(200);
    expect((await api('POST', `/v2/users/${user.sub}/otp_sms`, {})).status).toBe(200);
    expect((await methodsOf(user)).authMethodTypes).toEqual([
      'AUTHENTICATION_METHOD_TYPE_PASSWORD',
      'AUTHENTICATION_METHOD_TYPE_OTP_SMS',
    ]);
  });

  it('answers 409 ALREADY_EXISTS (6) COMMAND-Ad3g2 when the SMS factor is already added', async () => {
    expect(await api('POST', `/v2/users/${demoUsers.sms.sub}/otp_sms`, {})).toEqual({
      status: 409,
      body: zitadelError(6, 'COMMAND-Ad3g2'),
    });
  });

  it('answers 400 FAILED_PRECONDITION (9) COMMAND-Q54j2 when the user has no verified phone', async () => {
    expect(await api('POST', `/v2/users/${demoUsers.clientStaff.sub}/otp_sms`, {})).toEqual({
      status: 400,
      body: zitadelError(9, 'COMMAND-Q54j2'),
    });
  });

  it('sets a phone as verified when told so, and returns the code instead of texting it when asked', async () => {
    const verified = await api('POST', `/v2/users/${demoUsers.partnerUser.sub}/phone`, {
      phone: '+61 412 000 222',
      isVerified: true,
    });
    expect(verified.body).not.toHaveProperty('verificationCode');
    expect((await api('POST', `/v2/users/${demoUsers.partnerUser.sub}/otp_sms`, {})).status).toBe(200);

    const returned = await api('POST', `/v2/users/${demoUsers.clientManager.sub}/phone`, {
      phone: '+61412000333',
      returnCode: {},
    });
    expect(returned.body.verificationCode).toMatch(/^\d{6}$/);
    expect(await outbox(idp, '+61412000333')).toEqual([]);
  });

  it('answers 400 COMMAND-Uch5e when the phone is the one already set, and 400 for a number that is not one', async () => {
    expect(await api('POST', `/v2/users/${demoUsers.sms.sub}/phone`, { phone: demoUsers.sms.mfa.sms?.phone })).toEqual({
      status: 400,
      body: zitadelError(9, 'COMMAND-Uch5e'),
    });
    expect(await api('POST', `/v2/users/${demoUsers.sms.sub}/phone`, { phone: 'call me maybe' })).toEqual({
      status: 400,
      body: zitadelError(3, 'PHONE-so0wa'),
    });
  });

  it('answers 404 NOT_FOUND (5) COMMAND-ieJ2e when setting the phone of an unknown user', async () => {
    expect(await api('POST', '/v2/users/999/phone', { phone: '+61412000444' })).toEqual({
      status: 404,
      body: zitadelError(5, 'COMMAND-ieJ2e'),
    });
  });

  it('removes the SMS factor, then answers 404 NOT_FOUND (5) COMMAND-Sr3h3 for a second removal', async () => {
    const user = demoUsers.sms;

    expect((await api('DELETE', `/v2/users/${user.sub}/otp_sms`)).status).toBe(200);
    expect((await methodsOf(user)).authMethodTypes).toEqual(['AUTHENTICATION_METHOD_TYPE_PASSWORD']);
    expect(await api('DELETE', `/v2/users/${user.sub}/otp_sms`)).toEqual({
      status: 404,
      body: zitadelError(5, 'COMMAND-Sr3h3'),
    });

    // The phone stays verified, so the factor can be added back straight away.
    expect((await api('POST', `/v2/users/${user.sub}/otp_sms`, {})).status).toBe(200);
  });

  it('fails the SMS factor endpoints with 503 UNAVAILABLE (14) while the fault is switched on, and recovers when it is off', async () => {
    const user = demoUsers.suspendedTenant;
    const switchFault = (smsFactor: string) =>
      fetch(new URL('/dev/faults', idp.issuer), { method: 'POST', body: JSON.stringify({ smsFactor }) });

    expect((await switchFault('unavailable')).status).toBe(200);
    expect(await api('POST', `/v2/users/${user.sub}/phone`, { phone: '+61412000555', isVerified: true })).toEqual({
      status: 503,
      body: zitadelError(14, 'DEVIDP-SMS-UNAVAILABLE'),
    });
    expect(await api('POST', `/v2/users/${user.sub}/otp_sms`, {})).toEqual({
      status: 503,
      body: zitadelError(14, 'DEVIDP-SMS-UNAVAILABLE'),
    });

    await switchFault('none');
    expect((await api('POST', `/v2/users/${user.sub}/phone`, { phone: '+61412000555', isVerified: true })).status).toBe(
      200,
    );
    expect((await api('POST', `/v2/users/${user.sub}/otp_sms`, {})).status).toBe(200);
  });
});

describe('the SMS fault modes (POST /dev/faults {"smsFactor": …})', () => {
  const switchSmsFault = (smsFactor: string) =>
    fetch(new URL('/dev/faults', idp.issuer), { method: 'POST', body: JSON.stringify({ smsFactor }) });
  const outboxSize = async () =>
    ((await (await fetch(new URL('/dev/outbox.json', idp.issuer))).json()) as { messages: unknown[] }).messages.length;
  /** Has a verified phone and no SMS factor, so only the fault stands between it and `POST …/otp_sms`. */
  const readyForSms = demoUsers.unrecognisedRole;

  beforeAll(async () => {
    const phone = await api('POST', `/v2/users/${readyForSms.sub}/phone`, { phone: '+61412000777', isVerified: true });
    expect(phone.status).toBe(200);
  });

  afterEach(async () => {
    await switchSmsFault('none');
  });

  it.each([
    ['unavailable', 503, 14, 'DEVIDP-SMS-UNAVAILABLE', 'SMS provider is unavailable (fault injected)'],
    ['not_configured', 400, 9, 'COMMAND-M0odsf', 'SMS configuration not found'],
    ['delivery_failed', 400, 9, 'DEVIDP-SMS-DELIVERY-FAILED', 'The SMS could not be delivered'],
    [
      'carrier_blocked',
      400,
      9,
      'DEVIDP-SMS-CARRIER-BLOCKED',
      'The carrier blocked delivery to this number (recipient opted out)',
    ],
  ])(
    '%s: …/phone and …/otp_sms answer %i (gRPC %i, %s), nothing reaches the outbox and no phone or factor changes',
    async (fault, status, code, id, message) => {
      const smsUser = demoUsers.sms;
      const newPhone = '+61412000888';
      const failure = {
        status,
        body: {
          code,
          message: `${message} (${id})`,
          details: [{ '@type': 'type.googleapis.com/zitadel.v1.ErrorDetail', id, message }],
        },
      };
      const sentBefore = await outboxSize();

      const switched = await switchSmsFault(fault);
      expect(switched.status).toBe(200);
      expect(((await switched.json()) as { smsFactor: string }).smsFactor).toBe(fault);
      expect(await api('POST', `/v2/users/${smsUser.sub}/phone`, { phone: newPhone })).toEqual(failure);
      expect(await api('POST', `/v2/users/${readyForSms.sub}/otp_sms`, {})).toEqual(failure);
      expect(await outboxSize()).toBe(sentBefore);

      await switchSmsFault('none');
      expect(await api('POST', `/v2/users/${smsUser.sub}/phone`, { phone: smsUser.mfa.sms?.phone })).toEqual({
        status: 400,
        body: zitadelError(9, 'COMMAND-Uch5e'),
      });
      expect((await methodsOf(readyForSms)).authMethodTypes).not.toContain('AUTHENTICATION_METHOD_TYPE_OTP_SMS');
      expect(await api('DELETE', `/v2/users/${readyForSms.sub}/otp_sms`)).toEqual({
        status: 404,
        body: zitadelError(5, 'COMMAND-Sr3h3'),
      });
    },
  );

  it('fails a first phone for a user without one, leaving the user without a phone', async () => {
    const user = demoUsers.clientStaff;
    await switchSmsFault('not_configured');

    expect(await api('POST', `/v2/users/${user.sub}/phone`, { phone: '+61412000999' })).toEqual({
      status: 400,
      body: zitadelError(9, 'COMMAND-M0odsf'),
    });
    expect(await outbox(idp, '+61412000999')).toEqual([]);

    await switchSmsFault('none');
    expect(await api('POST', `/v2/users/${user.sub}/otp_sms`, {})).toEqual({
      status: 400,
      body: zitadelError(9, 'COMMAND-Q54j2'),
    });
    // Had the phone been set, the same number would be refused as unchanged (COMMAND-Uch5e).
    expect((await api('POST', `/v2/users/${user.sub}/phone`, { phone: '+61412000999' })).status).toBe(200);
  });

  it('refuses an unknown mode with 400, naming the five it knows, and keeps the current one', async () => {
    await switchSmsFault('delivery_failed');

    const refused = await switchSmsFault('sometimes');

    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: 'smsFactor must be one of: none, unavailable, not_configured, delivery_failed, carrier_blocked',
    });
    const state = (await (await fetch(new URL('/dev/faults', idp.issuer))).json()) as Record<string, unknown>;
    expect(state).toMatchObject({
      smsFactor: 'delivery_failed',
      smsFactorFaults: ['none', 'unavailable', 'not_configured', 'delivery_failed', 'carrier_blocked'],
    });
  });
});

describe('the REST API outage fault', () => {
  it('answers every /v2 call with 503 UNAVAILABLE (14) while on, keeps OIDC discovery working, and recovers when off', async () => {
    const user = demoUsers.totp;
    const switchFault = (restApi: string) =>
      fetch(new URL('/dev/faults', idp.issuer), { method: 'POST', body: JSON.stringify({ restApi }) });

    expect((await switchFault('sometimes')).status).toBe(400);
    expect((await switchFault('unavailable')).status).toBe(200);
    expect(await api('GET', `/v2/users/${user.sub}/authentication_methods`)).toEqual({
      status: 503,
      body: zitadelError(14, 'DEVIDP-API-UNAVAILABLE'),
    });
    expect((await api('GET', '/v2/sessions/anything')).status).toBe(503);
    expect((await fetch(new URL('/.well-known/openid-configuration', idp.issuer))).status).toBe(200);

    await switchFault('none');
    expect((await api('GET', `/v2/users/${user.sub}/authentication_methods`)).status).toBe(200);
  });
});

describe('POST /v2/users/{id}/recovery_codes', () => {
  it('returns a new set of codes; the new ones sign in and the old ones no longer do', async () => {
    const user = demoUsers.totpAdmin;
    const answer = await api('POST', `/v2/users/${user.sub}/recovery_codes`, {});
    const codes = answer.body.recoveryCodes as string[];

    expect(answer.status).toBe(200);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const { claims } = await signIn(idp, new Browser(idp.issuer), user, { kind: 'recovery-code', code: codes[0] });
    expect(claims.sub).toBe(user.sub);

    const browser = new Browser(idp.issuer);
    let page = await browser.open(authorization(idp, { loginHint: user.email }).url);
    page = await browser.submit(page, '/login-name', { loginName: user.email });
    page = await browser.submit(page, '/password', { password: user.password });
    page = await browser.open(`${page.url.split('?')[0]}?factor=recovery-code`);
    const old = await browser.submit(page, '/recovery-code', { code: user.mfa.recoveryCodes?.[5] ?? '' });
    expect(alertText(old)).toBe('This recovery code is not valid or has already been used.');
  });

  it('gives a user without codes a set, which then shows in the authentication methods', async () => {
    const user = demoUsers.mandatoryWithoutMfa;

    const answer = await api('POST', `/v2/users/${user.sub}/recovery_codes`, { count: 4 });

    expect(answer.body.recoveryCodes).toHaveLength(4);
    expect((await methodsOf(user)).authMethodTypes).toContain('AUTHENTICATION_METHOD_TYPE_RECOVERY_CODE');
  });
});

describe('GET /v2/sessions/{sid}', () => {
  it("returns the sign-in session of an ID token's sid with each verified factor, in the v2 session shape", async () => {
    const user = demoUsers.totp;
    const { claims } = await signIn(idp, new Browser(idp.issuer), user, {
      kind: 'recovery-code',
      code: user.mfa.recoveryCodes?.[2] ?? '',
    });

    const answer = await api('GET', `/v2/sessions/${String(claims.sid)}`);

    expect(answer).toEqual({
      status: 200,
      body: {
        session: {
          id: claims.sid,
          creationDate: expect.any(String),
          changeDate: expect.any(String),
          sequence: '1',
          factors: {
            user: {
              verifiedAt: expect.any(String),
              id: user.sub,
              loginName: user.email,
              displayName: user.displayName,
              organizationId: expect.any(String),
            },
            password: { verifiedAt: expect.any(String) },
            recoveryCode: { verifiedAt: expect.any(String) },
          },
          metadata: {},
          userAgent: expect.any(Object),
        },
      },
    });
  });

  it('answers 404 NOT_FOUND (5) for an unknown session', async () => {
    expect(await api('GET', '/v2/sessions/no-such-session')).toEqual({
      status: 404,
      body: zitadelError(5, 'DEVIDP-SESSION-NOT-FOUND'),
    });
  });
});

describe('test controls', () => {
  it('answer only requests made directly from this machine (not through a proxy)', async () => {
    const direct = await fetch(new URL('/dev/outbox.json', idp.issuer));
    const proxied = await fetch(new URL('/dev/outbox.json', idp.issuer), {
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });

    expect(direct.status).toBe(200);
    expect(proxied.status).toBe(404);
  });

  it('reset brings users back to the seed', async () => {
    const user = demoUsers.clientStaff;
    await api('POST', `/v2/users/${user.sub}/recovery_codes`, {});

    expect((await fetch(new URL('/dev/reset', idp.issuer), { method: 'POST' })).status).toBe(200);

    expect((await methodsOf(user)).authMethodTypes).toEqual(['AUTHENTICATION_METHOD_TYPE_PASSWORD']);
  });
});
