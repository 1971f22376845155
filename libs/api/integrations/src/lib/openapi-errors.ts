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

/** The refusals of the portal's key-management routes (cookie session, section `integrations`). */
export const ApiKeyManagementRefusals = () =>
  applyDecorators(
    ApiUnauthorizedResponse({ type: ErrorEnvelopeDto, description: '`unauthenticated`' }),
    ApiForbiddenResponse({
      type: ErrorEnvelopeDto,
      description:
        '`access_denied`, `tenant_suspended`, `insufficient_role` (partner_user, aidial_operator on a change), `scope_not_grantable` or `csrf_failed`.',
    }),
    ApiNotFoundResponse({
      type: ErrorEnvelopeDto,
      description:
        '`not_found`: a role outside the section, or a key id of another tenant (answered like a missing one).',
    }),
    ApiServiceUnavailableResponse({ type: ErrorEnvelopeDto, description: '`session_validation_unavailable`' }),
  );

export const ApiKeyValidation = () =>
  ApiBadRequestResponse({ type: ErrorEnvelopeDto, description: '`validation_failed` with `fields`.' });

export const ApiKeyConflict = () =>
  ApiConflictResponse({ type: ErrorEnvelopeDto, description: '`api_key_not_active`: the key is revoked or expired.' });
