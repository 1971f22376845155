import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An inbound id is kept only when it is short and plain, so it cannot forge log lines or carry markup. */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,99}$/;

export function isWellFormedRequestId(value: unknown): value is string {
  return typeof value === 'string' && WELL_FORMED.test(value);
}

/** The request id rides on the request (`req.id`); this app always sets it to a string before anything else runs. */
export type RequestWithId = IncomingMessage & { id?: unknown };

/** First middleware of the app: fixes the request id for logs, the envelope and the response header. */
export function requestIdMiddleware(req: RequestWithId, res: ServerResponse, next: () => void): void {
  const inbound = req.headers['x-request-id'];
  const id = isWellFormedRequestId(inbound) ? inbound : randomUUID();
  req.id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
}

export function requestIdOf(req: IncomingMessage): string {
  const id = (req as RequestWithId).id;
  return typeof id === 'string' ? id : 'unknown';
}
