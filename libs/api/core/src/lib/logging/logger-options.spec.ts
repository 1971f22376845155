import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACT_PATHS, pathWithQueryNames } from './logger-options';

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
});
