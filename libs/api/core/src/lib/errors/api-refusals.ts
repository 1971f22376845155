import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '@aidial/shared/access';
import { ErrorEnvelopeDto } from './error-envelope.dto';

/** Error codes an operation can answer, each with when (the status comes from the code's entry in `ERROR_CODES`). */
export type Refusals = Partial<Record<ErrorCode, string>>;

/**
 * Documents error answers of an operation: one OpenAPI response per status, the error envelope as its body, and the
 * codes with their reasons as its description. Responses for the same status add up (the access declarations of
 * access-policy.ts document the guard chain's refusals this way, a handler adds its own), so a status lists every code
 * the route can give: `@ApiRefusals({ member_exists: 'the email is already a member' })`.
 */
export const ApiRefusals = (refusals: Refusals) => {
  const byStatus = new Map<number, string[]>();
  for (const [code, reason] of Object.entries(refusals) as Array<[ErrorCode, string]>) {
    const { status } = ERROR_CODES[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), `- \`${code}\`${reason ? `: ${reason}` : ''}`]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, lines]) =>
      ApiResponse({ status, type: ErrorEnvelopeDto, description: lines.join('\n') }),
    ),
  );
};
