import type { ServerResponse } from 'node:http';
import { ERROR_CODES, type ErrorCode, type ErrorEnvelope, type FieldError } from '@aidial/shared/access';

export function errorEnvelope(
  code: ErrorCode,
  requestId: string,
  message?: string,
  fields?: FieldError[],
): ErrorEnvelope {
  return {
    code,
    message: message ?? ERROR_CODES[code].message,
    request_id: requestId,
    ...(fields ? { fields } : {}),
  };
}

/** Writes an envelope straight to the response: used where Nest's filters do not reach (body parsing, static files). */
export function writeEnvelope(
  res: ServerResponse,
  status: number,
  envelope: ErrorEnvelope,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(envelope);
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
