import { ERROR_CODE_LIST } from '@aidial/shared/access';
import type { ErrorEnvelopeDto } from '../generated';

/** True when an error body is the API's own envelope, not a proxy's page, a network failure or a parse error. */
export function isErrorEnvelope(body: unknown): body is ErrorEnvelopeDto {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message, request_id } = body as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    (ERROR_CODE_LIST as readonly string[]).includes(code) &&
    typeof message === 'string' &&
    typeof request_id === 'string'
  );
}
