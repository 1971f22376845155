import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '@aidial/api/core';
import { ZITADEL_TIMEOUT_MS, ZitadelApiError, ZitadelClient, ZitadelUnavailableError } from './zitadel-client';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP server standing in for Zitadel: each test sets what it answers, and every request is kept. */
let handler: Handler;
let server: Server;
let issuer: string;
const requests: Array<{ method: string; url: string; authorization: string | undefined }> = [];

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function client(base = issuer): ZitadelClient {
  return new ZitadelClient({
    zitadelIssuer: new URL(base),
    zitadelServiceToken: 'service-token-123',
  } as unknown as AppConfig);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests.length = 0;
});

describe('authenticationMethods', () => {
  it('asks GET /v2/users/{id}/authentication_methods with the service token and names the methods', async () => {
    handler = (_req, res) =>
      json(res, 200, {
        details: { totalResult: '5' },
        authMethodTypes: [
          'AUTHENTICATION_METHOD_TYPE_PASSWORD',
          'AUTHENTICATION_METHOD_TYPE_TOTP',
          'AUTHENTICATION_METHOD_TYPE_OTP_SMS',
          'AUTHENTICATION_METHOD_TYPE_OTP_EMAIL',
          'AUTHENTICATION_METHOD_TYPE_RECOVERY_CODE',
          'AUTHENTICATION_METHOD_TYPE_PASSKEY',
          'AUTHENTICATION_METHOD_TYPE_U2F',
          'AUTHENTICATION_METHOD_TYPE_IDP',
          'AUTHENTICATION_METHOD_TYPE_SOMETHING_NEW',
        ],
      });

    const methods = await client().authenticationMethods('31/0 0');

    expect(methods).toEqual(['PASSWORD', 'TOTP', 'OTP_SMS', 'OTP_EMAIL', 'RECOVERY_CODE', 'PASSKEY', 'U2F', 'IDP']);
    expect(requests).toEqual([
      { method: 'GET', url: '/v2/users/31%2F0%200/authentication_methods', authorization: 'Bearer service-token-123' },
    ]);
  });

  it('reads a user with no methods listed (Zitadel omits an empty list)', async () => {
    handler = (_req, res) => json(res, 200, { details: {} });
    await expect(client().authenticationMethods('1')).resolves.toEqual([]);
  });

  it("turns Zitadel's error shape into a ZitadelApiError carrying details[0].id", async () => {
    handler = (_req, res) =>
      json(res, 404, {
        code: 5,
        message: 'User could not be found (COMMAND-uXHNj)',
        details: [{ '@type': 'type.googleapis.com/zitadel.v1.ErrorDetail', id: 'COMMAND-uXHNj', message: '…' }],
      });
    const error = (await client()
      .authenticationMethods('1')
      .catch((caught: unknown) => caught)) as ZitadelApiError;
    expect(error).toBeInstanceOf(ZitadelApiError);
    expect({ status: error.status, grpcCode: error.grpcCode, id: error.id }).toEqual({
      status: 404,
      grpcCode: 5,
      id: 'COMMAND-uXHNj',
    });
  });

  it('counts a 401 (a wrong service token) as an API error and a missing permission, not an outage', async () => {
    handler = (_req, res) =>
      json(res, 401, { code: 16, message: 'auth header missing', details: [{ id: 'AUTH-7fs1e' }] });
    await expect(client().authenticationMethods('1')).rejects.toMatchObject({
      status: 401,
      id: 'AUTH-7fs1e',
      permissionMissing: true,
    });
  });

  // internal/api/authz/permissions.go: no applicable membership is NOT_FOUND `AUTHZ-cdgFk`, memberships without the
  // permission PERMISSION_DENIED `AUTH-AWfge`. Neither means the user is missing.
  it.each([
    [404, 5, 'AUTHZ-cdgFk'],
    [403, 7, 'AUTH-AWfge'],
  ])('tells a missing permission (%s %s) from a missing user', async (status, code, id) => {
    handler = (_req, res) => json(res, status, { code, message: 'x', details: [{ id }] });
    const error = (await client()
      .authenticationMethods('1')
      .catch((caught: unknown) => caught)) as ZitadelApiError;
    expect([error.permissionMissing, error.notFound]).toEqual([true, false]);
  });

  it('tells the refusal listeners of a missing permission, and of nothing else', async () => {
    const zitadel = client();
    const heard: Array<string | null> = [];
    zitadel.onPermissionRefused((error) => heard.push(error.id));
    handler = (_req, res) => json(res, 403, { code: 7, message: 'x', details: [{ id: 'AUTH-AWfge' }] });
    await zitadel.authenticationMethods('1').catch(() => undefined);
    handler = (_req, res) => json(res, 409, { code: 6, message: 'x', details: [{ id: 'COMMAND-Ad3g2' }] });
    await zitadel.addOtpSms('1').catch(() => undefined);
    expect(heard).toEqual(['AUTH-AWfge']);
  });

  it('does not read a 403 without one of the permission ids as missing rights', async () => {
    handler = (_req, res) => json(res, 403, { code: 7, message: 'x', details: [{ id: 'COMMAND-other' }] });
    const error = (await client()
      .authenticationMethods('1')
      .catch((caught: unknown) => caught)) as ZitadelApiError;
    expect(error.permissionMissing).toBe(false);
  });

  it.each([
    ['a 503', (res: ServerResponse) => json(res, 503, { code: 14, message: 'unavailable' })],
    ['a 500 without JSON', (res: ServerResponse) => res.writeHead(500).end('oops')],
    ['a 200 that is not JSON', (res: ServerResponse) => res.writeHead(200).end('<html>')],
    ['a list that is not a list', (res: ServerResponse) => json(res, 200, { authMethodTypes: 'TOTP' })],
    ['a dropped connection', (res: ServerResponse) => res.socket?.destroy()],
  ])('throws ZitadelUnavailableError on %s', async (_name, answer) => {
    handler = (_req, res) => answer(res);
    await expect(client().authenticationMethods('1')).rejects.toBeInstanceOf(ZitadelUnavailableError);
  });

  it('throws ZitadelUnavailableError when nothing listens', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise((resolve) => dead.close(resolve));
    await expect(client(`http://127.0.0.1:${port}`).authenticationMethods('1')).rejects.toBeInstanceOf(
      ZitadelUnavailableError,
    );
  });

  it(`gives up after ${ZITADEL_TIMEOUT_MS} ms`, async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    await expect(client().authenticationMethods('1')).rejects.toBeInstanceOf(ZitadelUnavailableError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(ZITADEL_TIMEOUT_MS - 50);
  }, 10_000);
});

describe('session', () => {
  it('asks GET /v2/sessions/{id} and reads the verified factors (recoveryCode when newer ZITADEL sends it)', async () => {
    handler = (_req, res) =>
      json(res, 200, {
        session: {
          id: 'sid-1',
          factors: {
            user: { verifiedAt: '2026-11-23T10:00:00.000Z', id: '3100' },
            password: { verifiedAt: '2026-11-23T10:00:01.000Z' },
            recoveryCode: { verifiedAt: '2026-11-23T10:00:02.000Z' },
          },
        },
      });

    const session = await client().session('sid-1');

    expect(session).toEqual({
      id: 'sid-1',
      userId: '3100',
      factors: {
        password: new Date('2026-11-23T10:00:01.000Z'),
        webAuthN: null,
        totp: null,
        otpSms: null,
        otpEmail: null,
        recoveryCode: new Date('2026-11-23T10:00:02.000Z'),
      },
    });
    expect(requests).toEqual([{ method: 'GET', url: '/v2/sessions/sid-1', authorization: 'Bearer service-token-123' }]);
  });

  it('reads TOTP, SMS, email and WebAuthn factors, ignoring malformed times', async () => {
    handler = (_req, res) =>
      json(res, 200, {
        session: {
          id: 'sid-2',
          factors: {
            totp: { verifiedAt: '2026-11-23T10:00:00Z' },
            otpSms: { verifiedAt: '2026-11-23T10:00:00Z' },
            otpEmail: { verifiedAt: '2026-11-23T10:00:00Z' },
            webAuthN: { verifiedAt: 'not a date' },
          },
        },
      });
    const factors = (await client().session('sid-2'))?.factors;
    if (!factors) throw new Error('no session');
    expect(factors.totp).toEqual(new Date('2026-11-23T10:00:00Z'));
    expect(factors.otpSms).toEqual(new Date('2026-11-23T10:00:00Z'));
    expect(factors.otpEmail).toEqual(new Date('2026-11-23T10:00:00Z'));
    expect(factors.webAuthN).toBeNull();
    expect(factors.recoveryCode).toBeNull();
  });

  it('answers null for a session ZITADEL does not have (a login-v1 sid is no v2 session)', async () => {
    handler = (_req, res) => json(res, 404, { code: 5, message: 'x', details: [{ id: 'QUERY-SJ642' }] });
    await expect(client().session('V1_123')).resolves.toBeNull();
  });

  it('passes a missing session.read on as an error, never as "no session"', async () => {
    handler = (_req, res) => json(res, 403, { code: 7, message: 'x', details: [{ id: 'AUTH-AWfge' }] });
    await expect(client().session('sid')).rejects.toMatchObject({ permissionMissing: true });
  });
});

describe('SMS factor calls', () => {
  const bodies: unknown[] = [];
  const answerWith = (status: number, body: unknown) => {
    handler = (req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        bodies.push(text ? JSON.parse(text) : undefined);
        json(res, status, body);
      });
    };
  };
  beforeEach(() => (bodies.length = 0));

  it('sets the phone as verified with POST /v2/users/{id}/phone', async () => {
    answerWith(200, { details: {} });
    await client().setVerifiedPhone('31/1', '+61491570156');
    expect(requests).toEqual([
      { method: 'POST', url: '/v2/users/31%2F1/phone', authorization: 'Bearer service-token-123' },
    ]);
    expect(bodies).toEqual([{ phone: '+61491570156', isVerified: true }]);
  });

  it('says "unchanged" for the same number (COMMAND-Uch5e), which ZITADEL answers before marking it verified', async () => {
    answerWith(400, { code: 9, message: 'Phone has not been changed', details: [{ id: 'COMMAND-Uch5e' }] });
    await expect(client().setVerifiedPhone('1', '+61491570156')).resolves.toBe('unchanged');
  });

  it("reads the user's phone and whether it is verified with GET /v2/users/{id}", async () => {
    answerWith(200, { user: { userId: '31', human: { phone: { phone: '+61491570156', isVerified: false } } } });
    await expect(client().phone('31')).resolves.toEqual({ phone: '+61491570156', isVerified: false });
    answerWith(200, { user: { userId: '31', human: { profile: {} } } });
    await expect(client().phone('31')).resolves.toBeNull();
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /v2/users/31',
      'GET /v2/users/31',
    ]);
  });

  it('removes the phone with DELETE /v2/users/{id}/phone', async () => {
    answerWith(200, { details: {} });
    await client().removePhone('31');
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual(['DELETE /v2/users/31/phone']);
  });

  it('passes every other refusal on as a ZitadelApiError', async () => {
    answerWith(400, { code: 3, message: 'Phone number is invalid', details: [{ id: 'PHONE-so0wa' }] });
    await expect(client().setVerifiedPhone('1', '+61491570156')).rejects.toMatchObject({ id: 'PHONE-so0wa' });
  });

  it('adds the factor with POST /v2/users/{id}/otp_sms and an empty body', async () => {
    answerWith(200, { details: {} });
    await client().addOtpSms('31');
    expect(requests).toEqual([
      { method: 'POST', url: '/v2/users/31/otp_sms', authorization: 'Bearer service-token-123' },
    ]);
    expect(bodies).toEqual([{}]);
  });

  it('reports a ZITADEL outage (503) as ZitadelUnavailableError', async () => {
    answerWith(503, { code: 14, message: 'unavailable' });
    await expect(client().addOtpSms('31')).rejects.toBeInstanceOf(ZitadelUnavailableError);
  });
});

describe('instance checks', () => {
  it.each([
    [[{ id: '1', state: 'SMS_PROVIDER_CONFIG_ACTIVE', twilio: { sid: 'AC1' } }], true],
    [[{ id: '1', state: 'SMS_PROVIDER_CONFIG_INACTIVE', twilio: { sid: 'AC1' } }], false],
    [[], false],
    [undefined, false],
  ])('reads an active SMS provider from POST /admin/v1/sms/_search (%j → %s)', async (result, active) => {
    handler = (_req, res) => json(res, 200, { details: {}, ...(result ? { result } : {}) });
    await expect(client().hasActiveSmsProvider()).resolves.toBe(active);
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual(['POST /admin/v1/sms/_search']);
  });

  it('reads its own instance memberships from POST /auth/v1/memberships/me/_search', async () => {
    let asked: unknown;
    handler = (req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        asked = JSON.parse(text);
        json(res, 200, {
          result: [
            { userId: '9', roles: ['IAM_OWNER'], iam: true },
            { userId: '9', roles: ['ORG_OWNER', 42], orgId: '77' },
          ],
        });
      });
    };
    await expect(client().ownMemberships()).resolves.toEqual([
      { instance: true, roles: ['IAM_OWNER'] },
      { instance: false, roles: ['ORG_OWNER'] },
    ]);
    expect(asked).toEqual({ queries: [{ iamQuery: { iam: true } }] });
    expect(requests[0]?.authorization).toBe('Bearer service-token-123');
  });
});
