import { Writable } from 'node:stream';
import pino from 'pino';
import { LOG_VALUE_REDACTION, REDACT_PATHS, pathWithQueryNames } from './logger-options';

describe('log redaction', () => {
  it('censors the secret-bearing headers of requests and responses', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    logger.info({
      req: {
        headers: {
          authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig',
          cookie: 'aidial_session=abc123',
          'x-api-key': 'adk_live_secret',
          'proxy-authorization': 'Basic dXNlcjpwYXNz',
          accept: 'application/json',
        },
      },
      res: { headers: { 'set-cookie': 'aidial_session=abc123; HttpOnly' } },
    });
    const line = lines.join('');
    expect(line).not.toMatch(/eyJhbGci|abc123|adk_live_secret|dXNlcjpwYXNz/);
    expect(JSON.parse(line).req.headers).toEqual({
      authorization: '[redacted]',
      cookie: '[redacted]',
      'x-api-key': '[redacted]',
      'proxy-authorization': '[redacted]',
      accept: 'application/json',
    });
    expect(JSON.parse(line).res.headers['set-cookie']).toBe('[redacted]');
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
