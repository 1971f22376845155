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

  it('counts a 401 (a wrong service token) as an API error, not an outage', async () => {
    handler = (_req, res) =>
      json(res, 401, { code: 16, message: 'auth header missing', details: [{ id: 'AUTH-7fs1e' }] });
    await expect(client().authenticationMethods('1')).rejects.toMatchObject({ status: 401, id: 'AUTH-7fs1e' });
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
  it('asks GET /v2/sessions/{id} and reads the verified factors (recoveryCode is the dev-idp extension)', async () => {
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
    const { factors } = await client().session('sid-2');
    expect(factors.totp).toEqual(new Date('2026-11-23T10:00:00Z'));
    expect(factors.otpSms).toEqual(new Date('2026-11-23T10:00:00Z'));
    expect(factors.otpEmail).toEqual(new Date('2026-11-23T10:00:00Z'));
    expect(factors.webAuthN).toBeNull();
    expect(factors.recoveryCode).toBeNull();
  });

  it('answers a missing session with the API error', async () => {
    handler = (_req, res) => json(res, 404, { code: 5, message: 'x', details: [{ id: 'DEVIDP-SESSION-NOT-FOUND' }] });
    await expect(client().session('nope')).rejects.toMatchObject({ status: 404, id: 'DEVIDP-SESSION-NOT-FOUND' });
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

  it('treats "phone has not been changed" (COMMAND-Uch5e) as done', async () => {
    answerWith(400, { code: 9, message: 'Phone has not been changed', details: [{ id: 'COMMAND-Uch5e' }] });
    await expect(client().setVerifiedPhone('1', '+61491570156')).resolves.toBeUndefined();
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

  it('reports an SMS provider outage (503) as ZitadelUnavailableError', async () => {
    answerWith(503, { code: 14, message: 'unavailable' });
    await expect(client().addOtpSms('31')).rejects.toBeInstanceOf(ZitadelUnavailableError);
  });
});
