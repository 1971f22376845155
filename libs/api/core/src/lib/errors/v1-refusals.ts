import { applyDecorators } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorEnvelopeDto } from './error-envelope.dto';

/** The refusals every `/v1` route can give before its handler runs (the API-key policy of the guard chain). */
export const ApiV1Refusals = (
  notFound = '`not_found`: the key’s creator role cannot open this section, or the id is outside the key’s scope (answered like a missing one).',
) =>
  applyDecorators(
    ApiUnauthorizedResponse({
      type: ErrorEnvelopeDto,
      description:
        '`api_key_invalid`: no `X-API-Key`, or a malformed, unknown, wrong, expired or revoked one (the same bytes for all).',
    }),
    ApiForbiddenResponse({
      type: ErrorEnvelopeDto,
      description:
        '`browser_credentials_refused` (an `X-API-Key` sent with `Origin`, `Sec-Fetch-Site` (or `-Dest`, `-User`) or `Cookie`), `api_key_scope_missing` or `tenant_suspended`.',
    }),
    ApiNotFoundResponse({ type: ErrorEnvelopeDto, description: notFound }),
    ApiServiceUnavailableResponse({ type: ErrorEnvelopeDto, description: '`service_unavailable`' }),
  );
