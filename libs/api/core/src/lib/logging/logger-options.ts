import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
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

/** Log lines are written in batches of at least this many bytes, or when `LOG_FLUSH_INTERVAL_MS` has passed. */
const LOG_BATCH_BYTES = 4096;
const LOG_FLUSH_INTERVAL_MS = 1000;

type LogDestination = ReturnType<typeof pino.destination>;
let destination: LogDestination | undefined;

/**
 * The process's log destination, stdout: asynchronous, batched (a write a few kilobytes, rather than a write a line),
 * and flushed at least once a second by a timer that never keeps the process alive. pino flushes what is left when the
 * process exits, normally or by `process.exit`; only the death of the process itself (SIGKILL, out of memory) can lose
 * the last second of lines.
 */
export function logDestination(): LogDestination {
  if (!destination) {
    const stream = pino.destination({ dest: 1, sync: false, minLength: LOG_BATCH_BYTES });
    // A flush while a write is in flight waits for it; once pino has ended the stream at exit there is nothing to flush.
    setInterval(() => flushLog(), LOG_FLUSH_INTERVAL_MS).unref();
    destination = stream;
  }
  return destination;
}

/** Writes out the lines waiting in the batch now (after start-up, so "successfully started" is seen at once). */
export function flushLog(): void {
  try {
    destination?.flush();
  } catch {
    // Only once pino has ended the stream at exit ("SonicBoom destroyed"): everything was written by then.
  }
}

/**
 * One line for every answered request (except the liveness probe, which would drown the log): method, path, the
 * allow-listed headers, status and milliseconds, at `info`, `warn` for a 4xx and `error` for a 5xx, and `warn` for a
 * request whose connection closed before the answer was sent. Registered right after the request id, so the line
 * carries it.
 */
export function requestLogMiddleware(
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    // 'error' is the most severe level a request's line takes: below it (fatal, silent) no line would be written.
    if (req.url === '/health/live' || !logger.isLevelEnabled('error')) return next();
    const started = performance.now();
    // 'close' comes once the answer was sent, or when the connection ended first (then it was not finished).
    res.once('close', () => {
      const line = {
        request_id: requestIdOf(req),
        req,
        res: { statusCode: res.statusCode },
        responseTime: Math.round(performance.now() - started),
      };
      if (!res.writableFinished) logger.warn(line, 'request aborted');
      else if (res.statusCode >= 500) logger.error(line, 'request errored');
      else if (res.statusCode >= 400) logger.warn(line, 'request completed');
      else logger.info(line, 'request completed');
    });
    next();
  };
}
