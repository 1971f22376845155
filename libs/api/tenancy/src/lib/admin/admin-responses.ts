import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorEnvelopeDto } from '@aidial/api/core';

/** The refusals every admin route shares; the guard answers them before the handler runs. */
export const AdminReadResponses = () =>
  applyDecorators(
    ApiUnauthorizedResponse({ type: ErrorEnvelopeDto, description: '`unauthenticated`' }),
    ApiForbiddenResponse({
      type: ErrorEnvelopeDto,
      description: '`access_denied`, `tenant_suspended` or `mfa_required`.',
    }),
    ApiNotFoundResponse({
      type: ErrorEnvelopeDto,
      description: '`not_found`: a role outside the admin area, or no such resource (a malformed id answers the same).',
    }),
    ApiServiceUnavailableResponse({ type: ErrorEnvelopeDto, description: '`session_validation_unavailable`' }),
  );

/** An admin change: as a read, plus the CSRF check, the administrator-only actions, bad input and conflicts. */
export const AdminWriteResponses = ({ conflict, body = true }: { conflict?: string; body?: boolean } = {}) =>
  applyDecorators(
    ApiUnauthorizedResponse({ type: ErrorEnvelopeDto, description: '`unauthenticated`' }),
    ApiForbiddenResponse({
      type: ErrorEnvelopeDto,
      description:
        '`csrf_failed` (no or wrong `X-XSRF-TOKEN`), `insufficient_role` (aidial_operator), `access_denied`, `tenant_suspended` or `mfa_required`.',
    }),
    ApiNotFoundResponse({
      type: ErrorEnvelopeDto,
      description: '`not_found`: a role outside the admin area, or no such resource (a malformed id answers the same).',
    }),
    ...(body
      ? [ApiBadRequestResponse({ type: ErrorEnvelopeDto, description: '`validation_failed` with `fields`.' })]
      : []),
    ...(conflict ? [ApiConflictResponse({ type: ErrorEnvelopeDto, description: conflict })] : []),
    ApiServiceUnavailableResponse({ type: ErrorEnvelopeDto, description: '`session_validation_unavailable`' }),
  );
