import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { LogLevel } from '../config/app-config';
import { requestIdOf } from '../http/request-id';
import { redactString, redactValueShapes } from '../security/redactor';

/**
 * The request headers a log line keeps: what helps to trace a request, and nothing else. An allow-list, so a new
 * credential-bearing header (a cookie, `Authorization`, `X-API-Key`, the CSRF token the portal echoes in
 * `X-XSRF-TOKEN`) can never reach a log line by being forgotten in a deny-list (DESIGN.md §2, STYLE.md "Security is a
 * feature"); serializing only these is also a fraction of the cost of serializing every header and censoring some.
 */
export const LOGGED_REQUEST_HEADERS = [
  'host',
  'user-agent',
  'content-type',
  'content-length',
  'origin',
  'sec-fetch-site',
  'x-forwarded-for',
] as const;

/** Query values can carry OIDC codes and states: only the parameter names are logged. */
export function pathWithQueryNames(url: string | undefined): string {
  if (!url) return '';
  const [path, query] = url.split('?', 2);
  if (query === undefined) return path ?? '';
  const names = [...new URLSearchParams(query).keys()];
  return `${path}?${names.map((name) => `${name}=[redacted]`).join('&')}`;
}

/**
 * The redactor's value shapes (JWTs, bearer credentials, API keys, phone numbers: security/redactor.ts) masked in
 * every line: in the logged object (`formatters.log`, before pino's serializers) and in message strings
 * (`hooks.logMethod`). Keys are not judged here: a log line's fields are the code's own, and the secret-bearing
 * headers are censored by path above.
 */
export const LOG_VALUE_REDACTION = {
  formatters: {
    log: (object: Record<string, unknown>) => redactValueShapes(object) as Record<string, unknown>,
  },
  hooks: {
    logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void) {
      method.apply(
        this,
        args.map((arg) => (typeof arg === 'string' ? redactString(arg) : arg)),
      );
    },
  },
};

/** A request as its log line shows it: method, path with query names only, the allow-listed headers, the peer. */
export function serializeRequest(req: IncomingMessage): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const name of LOGGED_REQUEST_HEADERS) {
    const value = req.headers[name];
    // Values are masked like every logged value (a token pasted into a user agent is still a token).
    if (typeof value === 'string') headers[name] = redactString(value);
  }
  return { method: req.method, url: pathWithQueryNames(req.url), headers, remoteAddress: req.socket?.remoteAddress };
}

/**
 * pino-http settings: JSON lines on stdout, the request id on every line (`request_id`), the allow-listed request
 * headers. Lines logged inside a request through Nest's logger carry the same `request_id` (nestjs-pino keeps it in
 * async context).
 *
 * Written asynchronously: a request never waits for the log's write, and the lines written while one write is in
 * flight leave together in the next (docs/bench.md: a synchronous write a line cost the signed-in read a sixth of its
 * CPU). pino flushes what is left when the process exits, normally or by `process.exit`; only a crash of the process
 * itself (SIGKILL, out of memory) can lose the last lines.
 */
export function loggerOptions(level: LogLevel): Params {
  const options = {
    level,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    customAttributeKeys: { reqId: 'request_id' },
    // Every line logged while handling a request carries `request_id`, not the whole request.
    quietReqLogger: true,
    ...LOG_VALUE_REDACTION,
    serializers: {
      req: serializeRequest,
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    // Liveness probes every few seconds would drown the log.
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health/live' },
  };
  return {
    pinoHttp: level === 'silent' ? options : [options, pino.destination({ dest: 1, sync: false })],
    renameContext: 'context',
  };
}
