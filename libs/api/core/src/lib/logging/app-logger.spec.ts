import { Logger } from '@nestjs/common';
import { Writable } from 'node:stream';
import { runWithRequestContext } from '../http/request-context';
import { AppLogger, createRootLogger } from './app-logger';

function capture(): { lines: () => Array<Record<string, unknown>>; logger: AppLogger } {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      written.push(String(chunk));
      done();
    },
  });
  return {
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
    logger: new AppLogger(createRootLogger('info', sink)),
  };
}

const actor = { userId: null, tenantId: null, role: null, apiKeyId: null };

describe('the application logger', () => {
  it('puts the request id on every line logged while a request is handled, and on no other', () => {
    const { lines, logger } = capture();
    runWithRequestContext({ requestId: 'req-0000000001', ip: null, userAgent: null, actor }, () =>
      logger.warn({ event: 'audit.record_failed' }, 'could not record', 'Audit'),
    );
    logger.log('outside any request', 'Boot');
    expect(lines()).toEqual([
      expect.objectContaining({
        request_id: 'req-0000000001',
        event: 'audit.record_failed',
        context: 'Audit',
        msg: 'could not record',
      }),
      expect.not.objectContaining({ request_id: expect.anything() }),
    ]);
    expect(lines()[1]).toMatchObject({ context: 'Boot', msg: 'outside any request', level: 30 });
  });

  it('serializes an Error as err, with its stack, and Nest’s error(message, stack, context) as one', () => {
    const { lines, logger } = capture();
    logger.error(new Error('boom'), 'Errors');
    logger.error('Nest failed', 'Error: Nest failed\n    at somewhere (file.js:1:1)', 'ExceptionHandler');
    expect(lines()[0]).toMatchObject({ level: 50, context: 'Errors', err: { type: 'Error', message: 'boom' } });
    expect(lines()[1]).toMatchObject({
      context: 'ExceptionHandler',
      err: { message: 'Nest failed', stack: 'Error: Nest failed\n    at somewhere (file.js:1:1)' },
    });
  });

  it('masks secret-shaped values in messages and fields, through Nest’s Logger too', () => {
    const { lines, logger } = capture();
    Logger.overrideLogger(logger);
    try {
      new Logger('Zitadel').warn({ detail: 'Bearer abcdefghijklmnop' }, 'signature eyJhbGciOi.eyJzdWIiOi.c2ln refused');
    } finally {
      Logger.overrideLogger(false);
    }
    const line = lines()[0];
    expect(line).toMatchObject({ context: 'Zitadel', detail: '[redacted]', msg: 'signature [redacted] refused' });
  });
});
