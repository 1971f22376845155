import { Writable } from 'node:stream';
import pino from 'pino';
import type { IncomingMessage } from 'node:http';
import { LOGGED_REQUEST_HEADERS, LOG_VALUE_REDACTION, pathWithQueryNames, serializeRequest } from './logger-options';

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
