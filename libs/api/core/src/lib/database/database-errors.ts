/**
 * True when an error means "the database cannot answer right now" (connection refused or dropped, server shutting down,
 * database missing, too many connections) rather than "this statement is wrong". Those become 503, never 500.
 */
const UNAVAILABLE_SQLSTATE_CLASSES = ['08', '53', '57'];
const UNAVAILABLE_SQLSTATES = ['3D000'];
const UNAVAILABLE_NODE_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
];
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
  'Connection is not established',
  'is not currently accepting connections',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    if (UNAVAILABLE_NODE_CODES.includes(code) || UNAVAILABLE_SQLSTATES.includes(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_SQLSTATE_CLASSES.includes(code.slice(0, 2))) return true;
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if (UNAVAILABLE_MESSAGES.some((known) => message.includes(known))) return true;
    current = candidate.driverError ?? candidate.cause;
  }
  return false;
}
