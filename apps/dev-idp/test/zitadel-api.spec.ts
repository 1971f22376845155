import {
  Browser,
  type DemoUser,
  type DevIdp,
  demoUsers,
  latestSmsCode,
  outbox,
  signIn,
  startDevIdp,
  tenantOf,
} from '@aidial/stand-ins/testing';

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

  it('answers an unknown user with no methods (the query finds none)', async () => {
    expect(await api('GET', '/v2/users/999/authentication_methods')).toEqual({
      status: 200,
      body: { details: { totalResult: '0', processedSequence: expect.any(String), timestamp: expect.any(String) } },
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

  it('keeps a same, unverified number unverified when told it is verified (COMMAND-Uch5e comes first)', async () => {
    const user = demoUsers.clientStaff;
    expect((await api('POST', `/v2/users/${user.sub}/phone`, { phone: '+61412000123' })).status).toBe(200);

    expect(await api('POST', `/v2/users/${user.sub}/phone`, { phone: '+61412000123', isVerified: true })).toEqual({
      status: 400,
      body: zitadelError(9, 'COMMAND-Uch5e'),
    });
    expect(await api('POST', `/v2/users/${user.sub}/otp_sms`, {})).toEqual({
      status: 400,
      body: zitadelError(9, 'COMMAND-Q54j2'),
    });
    expect(((await api('GET', `/v2/users/${user.sub}`)).body.user as { human: unknown }).human).toMatchObject({
      phone: { phone: '+61412000123' },
    });
  });

  it('removes the phone, and the SMS factor with it (DELETE /v2/users/{id}/phone)', async () => {
    const user = demoUsers.sms;
    await api('POST', `/v2/users/${user.sub}/otp_sms`, {});

    expect(await api('DELETE', `/v2/users/${user.sub}/phone`)).toEqual({
      status: 200,
      body: { details: expect.objectContaining({ resourceOwner: expect.any(String) }) },
    });
    expect((await methodsOf(user)).authMethodTypes).toEqual(['AUTHENTICATION_METHOD_TYPE_PASSWORD']);
    expect(((await api('GET', `/v2/users/${user.sub}`)).body.user as { human: unknown }).human).toMatchObject({
      phone: {},
    });
    expect(await api('DELETE', '/v2/users/999/phone')).toEqual({ status: 404, body: zitadelError(5, 'COMMAND-ieJ2e') });
    await fetch(new URL('/dev/reset', idp.issuer), { method: 'POST' });
  });
});

describe('GET /v2/users/{id}', () => {
  it('answers the user in the v2 shape, phone and its verified flag included', async () => {
    const user = demoUsers.sms;
    expect(await api('GET', `/v2/users/${user.sub}`)).toEqual({
      status: 200,
      body: {
        details: { sequence: expect.any(String), changeDate: expect.any(String), resourceOwner: expect.any(String) },
        user: {
          userId: user.sub,
          details: expect.any(Object),
          state: 'USER_STATE_ACTIVE',
          username: user.email,
          loginNames: [user.email],
          preferredLoginName: user.email,
          human: {
            profile: expect.objectContaining({ displayName: user.displayName }),
            email: { email: user.email, isVerified: true },
            phone: { phone: user.mfa.sms?.phone, isVerified: true },
          },
        },
      },
    });
  });

  it('answers 404 NOT_FOUND (5) QUERY-Dfbg2 for an unknown user', async () => {
    expect(await api('GET', '/v2/users/999')).toEqual({ status: 404, body: zitadelError(5, 'QUERY-Dfbg2') });
  });
});

describe('the SMS provider (an instance setting) and its send-time faults', () => {
  const switchFaults = (body: Record<string, string>) =>
    fetch(new URL('/dev/faults', idp.issuer), { method: 'POST', body: JSON.stringify(body) });
  const twilio = (state: string) => ({
    details: expect.objectContaining({ resourceOwner: expect.any(String) }),
    id: expect.any(String),
    state,
    description: 'Twilio',
    twilio: { sid: expect.any(String), senderNumber: expect.any(String) },
  });

  afterEach(async () => {
    await switchFaults({ smsProvider: 'active', smsFactor: 'none' });
  });

  it.each([
    ['active', [twilio('SMS_PROVIDER_CONFIG_ACTIVE')]],
    ['inactive', [twilio('SMS_PROVIDER_CONFIG_INACTIVE')]],
    ['none', undefined],
  ])('lists the %s provider at POST /admin/v1/sms/_search', async (smsProvider, result) => {
    expect((await switchFaults({ smsProvider })).status).toBe(200);

    expect(await api('POST', '/admin/v1/sms/_search', {})).toEqual({
      status: 200,
      body: {
        details: { totalResult: String(result?.length ?? 0), viewTimestamp: expect.any(String) },
        ...(result ? { result } : {}),
      },
    });
  });

  it.each([
    ['provider inactive', { smsProvider: 'inactive' }],
    ['no provider', { smsProvider: 'none' }],
    ['unavailable', { smsFactor: 'unavailable' }],
    ['delivery_failed', { smsFactor: 'delivery_failed' }],
    ['carrier_blocked', { smsFactor: 'carrier_blocked' }],
  ])(
    '%s: …/phone and …/otp_sms still succeed (nothing is sent at enrolment), only the code never arrives',
    async (_label, faults) => {
      const user = demoUsers.unrecognisedRole;
      await fetch(new URL('/dev/reset', idp.issuer), { method: 'POST' });
      expect((await switchFaults(faults)).status).toBe(200);

      expect((await api('POST', `/v2/users/${user.sub}/phone`, { phone: '+61412000777' })).status).toBe(200);
      expect(await outbox(idp, '+61412000777')).toEqual([]);
      const verifiedPhone = await api('POST', `/v2/users/${user.sub}/phone`, {
        phone: '+61412000778',
        isVerified: true,
      });
      expect(verifiedPhone.status).toBe(200);
      expect((await api('POST', `/v2/users/${user.sub}/otp_sms`, {})).status).toBe(200);
    },
  );

  it('refuses an unknown provider state or fault mode with 400, naming the ones it knows', async () => {
    const provider = await switchFaults({ smsProvider: 'sometimes' });
    expect(provider.status).toBe(400);
    expect(await provider.json()).toEqual({ error: 'smsProvider must be one of: active, inactive, none' });
    const fault = await switchFaults({ smsFactor: 'not_configured' });
    expect(fault.status).toBe(400);
    expect(await fault.json()).toEqual({
      error: 'smsFactor must be one of: none, unavailable, delivery_failed, carrier_blocked',
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

  it('holds every /v2 call for 5 s while slow (beyond the backend’s 3 s timeout), then answers it', async () => {
    const user = demoUsers.totp;
    const switchFault = (restApi: string) =>
      fetch(new URL('/dev/faults', idp.issuer), { method: 'POST', body: JSON.stringify({ restApi }) });

    expect((await switchFault('slow')).status).toBe(200);
    try {
      const started = Date.now();
      expect((await api('GET', `/v2/users/${user.sub}/authentication_methods`)).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_950);
    } finally {
      await switchFault('none');
    }
    const started = Date.now();
    expect((await api('GET', `/v2/users/${user.sub}/authentication_methods`)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
  }, 15_000);
});

describe('POST /v2/users/{id}/recovery_codes', () => {
  it('adds codes to the unused ones; the new ones sign in and the old ones still do', async () => {
    const user = demoUsers.totpAdmin;
    const browser = new Browser(idp.issuer);
    await signIn(idp, browser, user, { kind: 'recovery-code', code: user.mfa.recoveryCodes?.[0] ?? '' });

    const answer = await api('POST', `/v2/users/${user.sub}/recovery_codes`, { count: 1 });

    expect(answer).toEqual({ status: 200, body: { details: expect.any(Object), recoveryCodes: [expect.any(String)] } });
    const [added] = answer.body.recoveryCodes as string[];
    expect((await signIn(idp, new Browser(idp.issuer), user, { kind: 'recovery-code', code: added })).claims.sub).toBe(
      user.sub,
    );
    const old = user.mfa.recoveryCodes?.[5] ?? '';
    expect((await signIn(idp, new Browser(idp.issuer), user, { kind: 'recovery-code', code: old })).claims.sub).toBe(
      user.sub,
    );
  });

  it('answers 409 ALREADY_EXISTS (6) COMMAND-8f2k9 past the maximum of unused codes', async () => {
    expect(await api('POST', `/v2/users/${demoUsers.totp.sub}/recovery_codes`, { count: 1 })).toEqual({
      status: 409,
      body: zitadelError(6, 'COMMAND-8f2k9'),
    });
  });

  it.each([
    ['no count', {}],
    ['a count of 0', { count: 0 }],
    ['more than the maximum', { count: 11 }],
  ])('answers %s with 400 INVALID_ARGUMENT (3) COMMAND-7c0nx', async (_label, body) => {
    expect(await api('POST', `/v2/users/${demoUsers.clientStaff.sub}/recovery_codes`, body)).toEqual({
      status: 400,
      body: zitadelError(3, 'COMMAND-7c0nx'),
    });
  });

  it('gives a user without codes some, which then show in the authentication methods', async () => {
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
            // Zitadel's v2 session Factors (@zitadel/proto 1.3.1) has no recovery-code factor.
            password: { verifiedAt: expect.any(String) },
          },
          metadata: {},
          userAgent: expect.any(Object),
        },
      },
    });
  });

  it('answers 404 NOT_FOUND (5) QUERY-SFeaa for an unknown session', async () => {
    expect(await api('GET', '/v2/sessions/no-such-session')).toEqual({
      status: 404,
      body: zitadelError(5, 'QUERY-SFeaa'),
    });
  });
});

describe('service accounts: what each may do, as Zitadel checks memberships', () => {
  const acmeUser = demoUsers.clientManager;
  const otherOrgUser = demoUsers.partnerUser;
  const asOrg = (method: string, path: string, body?: unknown) => api(method, path, body, idp.orgServiceToken);

  beforeAll(() => {
    expect(tenantOf(acmeUser).idpOrganization.id).toBe(idp.orgServiceTokenOrg);
    expect(tenantOf(otherOrgUser).idpOrganization.id).not.toBe(idp.orgServiceTokenOrg);
  });

  it('lists the instance token’s IAM_OWNER membership and the org token’s ORG_OWNER membership', async () => {
    const membership = (scope: Record<string, unknown>, roles: string[]) => ({
      userId: expect.stringMatching(/^\d{18}$/),
      details: expect.objectContaining({ resourceOwner: expect.any(String) }),
      roles,
      displayName: expect.any(String),
      ...scope,
    });
    expect(await api('POST', '/auth/v1/memberships/me/_search', {})).toEqual({
      status: 200,
      body: {
        details: { totalResult: '1', viewTimestamp: expect.any(String) },
        result: [membership({ iam: true }, ['IAM_OWNER'])],
      },
    });
    expect(await asOrg('POST', '/auth/v1/memberships/me/_search', {})).toEqual({
      status: 200,
      body: {
        details: { totalResult: '1', viewTimestamp: expect.any(String) },
        result: [membership({ orgId: idp.orgServiceTokenOrg }, ['ORG_OWNER'])],
      },
    });
  });

  it('lets the org token work on users of its own organisation', async () => {
    expect((await asOrg('GET', `/v2/users/${acmeUser.sub}`)).status).toBe(200);
    expect((await asOrg('POST', `/v2/users/${acmeUser.sub}/phone`, { phone: '+61412000601' })).status).toBe(200);
    expect(await asOrg('POST', `/v2/users/${acmeUser.sub}/otp_sms`, {})).toEqual({
      status: 400,
      body: zitadelError(9, 'COMMAND-Q54j2'),
    });
  });

  it.each([
    ['GET', '/v2/users/{id}', undefined],
    ['POST', '/v2/users/{id}/phone', { phone: '+61412000602' }],
    ['DELETE', '/v2/users/{id}/phone', undefined],
    ['POST', '/v2/users/{id}/otp_sms', {}],
    ['DELETE', '/v2/users/{id}/otp_sms', undefined],
    ['POST', '/v2/users/{id}/recovery_codes', { count: 1 }],
  ])(
    'answers the org token %s %s for a user of another organisation with 404 NOT_FOUND (5) AUTHZ-cdgFk',
    async (method, path, body) => {
      expect(await asOrg(method, path.replace('{id}', otherOrgUser.sub), body)).toEqual({
        status: 404,
        body: zitadelError(5, 'AUTHZ-cdgFk'),
      });
    },
  );

  it('answers the org token’s authentication-methods read of another organisation’s user (checked in its own organisation)', async () => {
    expect((await asOrg('GET', `/v2/users/${otherOrgUser.sub}/authentication_methods`)).body).toMatchObject({
      authMethodTypes: ['AUTHENTICATION_METHOD_TYPE_PASSWORD'],
    });
  });

  it('needs session.read on the session user’s organisation for GET /v2/sessions/{id}', async () => {
    const own = await signIn(idp, new Browser(idp.issuer), acmeUser);
    const other = await signIn(idp, new Browser(idp.issuer), otherOrgUser);

    expect((await asOrg('GET', `/v2/sessions/${String(own.claims.sid)}`)).status).toBe(200);
    expect(await asOrg('GET', `/v2/sessions/${String(other.claims.sid)}`)).toEqual({
      status: 404,
      body: zitadelError(5, 'AUTHZ-cdgFk'),
    });
  });

  it('answers the org token at the admin API with 403 PERMISSION_DENIED (7) AUTH-5mWD2 (no iam.read)', async () => {
    expect(await asOrg('POST', '/admin/v1/sms/_search', {})).toEqual({
      status: 403,
      body: zitadelError(7, 'AUTH-5mWD2'),
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
    await api('POST', `/v2/users/${user.sub}/recovery_codes`, { count: 2 });

    expect((await fetch(new URL('/dev/reset', idp.issuer), { method: 'POST' })).status).toBe(200);

    expect((await methodsOf(user)).authMethodTypes).toEqual(['AUTHENTICATION_METHOD_TYPE_PASSWORD']);
  });
});
