import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { LogLevel } from '../config/app-config';
import { requestIdOf } from '../http/request-id';
import { redactString, redactValueShapes } from '../security/redactor';

/**
 * Headers whose values never reach a log line (DESIGN.md §2, STYLE.md "Security is a feature"): credentials, cookies,
 * and the CSRF token the portal echoes from its cookie (`x-xsrf-token`), which is as much a secret as the cookie.
 */
export const REDACTED_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-xsrf-token',
] as const;

export const REDACT_PATHS = [
  ...REDACTED_HEADERS.map((header) => `req.headers["${header}"]`),
  ...REDACTED_HEADERS.map((header) => `res.headers["${header}"]`),
];

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

/**
 * pino-http settings: JSON lines, the request id on every line (`request_id`), and the secret-bearing headers censored.
 * Lines logged inside a request through Nest's logger carry the same `request_id` (nestjs-pino keeps it in async context).
 */
export function loggerOptions(level: LogLevel): Params {
  return {
    pinoHttp: {
      level,
      genReqId: (req: IncomingMessage) => requestIdOf(req),
      customAttributeKeys: { reqId: 'request_id' },
      // Every line logged while handling a request carries `request_id`, not the whole request.
      quietReqLogger: true,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      ...LOG_VALUE_REDACTION,
      serializers: {
        req: (req: IncomingMessage & { raw?: IncomingMessage }) => ({
          method: req.method,
          url: pathWithQueryNames(req.url),
          headers: req.headers,
          remoteAddress: req.socket?.remoteAddress,
        }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      // Liveness probes every few seconds would drown the log.
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health/live' },
    },
    renameContext: 'context',
  };
}
