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

/** The refusals every workspace route can give before its handler runs (the guard chain, DESIGN.md §5). */
export const ApiWorkspaceRefusals = (notFound = '`not_found`: the role cannot open this section.') =>
  applyDecorators(
    ApiUnauthorizedResponse({
      type: ErrorEnvelopeDto,
      description: '`unauthenticated`: no, expired or revoked session.',
    }),
    ApiForbiddenResponse({
      type: ErrorEnvelopeDto,
      description:
        '`access_denied` (role not recognised, no membership), `tenant_suspended`, `insufficient_role` (a read-only role on a change), `role_not_assignable` or `csrf_failed`.',
    }),
    ApiNotFoundResponse({ type: ErrorEnvelopeDto, description: notFound }),
    ApiServiceUnavailableResponse({ type: ErrorEnvelopeDto, description: '`session_validation_unavailable`' }),
  );

/** A route that reads or changes one row by id: out of scope, missing and malformed ids all answer the same 404. */
export const ApiScopedId = () =>
  ApiWorkspaceRefusals(
    '`not_found`: no such id in your scope (another tenant’s, client’s or project’s id answers exactly like a missing or malformed one), or the role cannot open this section.',
  );

export const ApiValidationFailed = () =>
  ApiBadRequestResponse({ type: ErrorEnvelopeDto, description: '`validation_failed` with field errors.' });

export const ApiConflict = (codes: string) => ApiConflictResponse({ type: ErrorEnvelopeDto, description: codes });
