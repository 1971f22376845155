import { Writable } from 'node:stream';
import pino from 'pino';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  LOGGED_REQUEST_HEADERS,
  LOG_VALUE_REDACTION,
  pathWithQueryNames,
  requestLogMiddleware,
  serializeRequest,
} from './logger-options';

describe('log redaction', () => {
  it('logs only the allow-listed request headers: no credential reaches a log line', () => {
    const request = {
      method: 'POST',
      url: '/api/auth/logout?state=abc',
      headers: {
        host: 'portal.example',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
        authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig',
        'proxy-authorization': 'Basic dXNlcjpwYXNz',
        cookie: 'aidial_session=abc123',
        'x-api-key': 'adk_live_secret',
        'x-xsrf-token': 'csrf-secret-value',
        'x-unknown-header': 'anything',
        'sec-fetch-site': 'same-origin',
        'x-forwarded-for': '198.51.100.7, 203.0.113.9',
      },
      socket: { remoteAddress: '127.0.0.1' },
    } as unknown as IncomingMessage;
    const logged = serializeRequest(request);
    expect(logged).toEqual({
      method: 'POST',
      url: '/api/auth/logout?state=[redacted]',
      headers: {
        host: 'portal.example',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) [redacted]',
        'sec-fetch-site': 'same-origin',
        'x-forwarded-for': '198.51.100.7, 203.0.113.9',
      },
      remoteAddress: '127.0.0.1',
    });
    expect(LOGGED_REQUEST_HEADERS).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/authorization|cookie|api-key|xsrf|csrf/)]),
    );
  });

  it('keeps query parameter names and drops their values', () => {
    expect(pathWithQueryNames('/api/auth/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj')).toBe(
      '/api/auth/callback?code=[redacted]&state=[redacted]',
    );
    expect(pathWithQueryNames('/health/ready')).toBe('/health/ready');
  });

  it('masks secret-shaped values in logged objects and messages, under any key', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ ...LOG_VALUE_REDACTION }, sink);
    logger.warn(
      { detail: 'upstream said Bearer abcdefghijkl', nested: [{ note: 'eyJhbGciOi.eyJzdWIiOi.c2ln' }] },
      'number +61412345678 and key aidial_live_0123456789abcdefghij',
    );
    const line = JSON.parse(lines.join('')) as Record<string, unknown>;
    expect(line).toMatchObject({
      detail: 'upstream said [redacted]',
      nested: [{ note: '[redacted]' }],
      msg: 'number +61 ... 678 and key [redacted]',
    });
  });
});

describe('the request log', () => {
  async function serve(
    handler: (res: ServerResponse) => void,
    call: (url: string) => Promise<void>,
    level = 'info',
  ): Promise<Array<Record<string, unknown>>> {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const middleware = requestLogMiddleware(pino({ level, serializers: { req: serializeRequest } }, sink));
    const server = createServer((req, res) => middleware(req, res, () => handler(res)));
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as AddressInfo;
    try {
      await call(`http://127.0.0.1:${port}`);
      // The line is written when the response closes, after the client has its answer (or gave up).
      await new Promise((settle) => setTimeout(settle, 50));
    } finally {
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    }
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  it('writes one line a request when its answer has gone out, warn for a 4xx', async () => {
    const lines = await serve(
      (res) => {
        res.statusCode = 404;
        res.end('{}');
      },
      async (url) => void (await (await fetch(`${url}/nowhere?code=secret-code`)).text()),
    );
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'request completed',
        req: expect.objectContaining({ method: 'GET', url: '/nowhere?code=[redacted]' }),
        res: { statusCode: 404 },
      }),
    ]);
  });

  it('says a request was aborted when the client left before the answer', async () => {
    const lines = await serve(
      () => undefined, // never answers
      async (url) => {
        await fetch(url, { signal: AbortSignal.timeout(100) }).catch(() => undefined);
      },
    );
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'request aborted' })]);
  });

  it('still writes a 5xx line when only errors are logged, and nothing for the rest', async () => {
    const answer = (status: number) => (res: ServerResponse) => {
      res.statusCode = status;
      res.end('{}');
    };
    const get = async (url: string) => void (await (await fetch(url)).text());
    expect(await serve(answer(200), get, 'error')).toEqual([]);
    expect(await serve(answer(503), get, 'error')).toEqual([
      expect.objectContaining({ level: 50, msg: 'request errored', res: { statusCode: 503 } }),
    ]);
  });
});
