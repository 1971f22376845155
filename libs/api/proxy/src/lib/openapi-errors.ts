import { applyDecorators } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorEnvelopeDto } from '@aidial/api/core';

/** The refusals of a portal platform route before it reaches the platform. */
export const ApiPortalRefusals = () =>
  applyDecorators(
    ApiUnauthorizedResponse({ type: ErrorEnvelopeDto, description: '`unauthenticated`' }),
    ApiForbiddenResponse({ type: ErrorEnvelopeDto, description: '`access_denied` or `tenant_suspended`.' }),
    ApiNotFoundResponse({
      type: ErrorEnvelopeDto,
      description: '`not_found`: a role outside the section, or an id the platform does not have in your scope.',
    }),
    ApiServiceUnavailableResponse({ type: ErrorEnvelopeDto, description: '`session_validation_unavailable`' }),
  );
