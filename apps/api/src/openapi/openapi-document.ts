import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SECURITY, ErrorEnvelopeDto, SESSION_COOKIE_SECURITY } from '@aidial/api/core';

export const OPENAPI_JSON_PATH = 'docs/openapi.json';

/**
 * The OpenAPI document, built from the controllers. Operation ids are the controller method names (unique across the
 * API); every operation documents the error envelope as its default answer.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('AiDial Access API')
    .setDescription(
      'The portal surface (`/api`, cookie session) and the integration surface (`/v1`, `X-API-Key`) of AiDial Access. ' +
        'Every non-2xx answer is `{"code", "message", "request_id"}` (plus `fields` for `validation_failed`).',
    )
    .setVersion('1')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key',
        description:
          'An API key from the portal’s Integrations page (`aidial_<public id>_<secret><checksum>`), for server-side ' +
          'integrations on `/v1` only. Never send it from a browser: with `Origin`, `Sec-Fetch-Site` (or `-Dest`, `-User`) or `Cookie` the ' +
          'request is refused (403 `browser_credentials_refused`). See docs/integrations.md.',
      },
      API_KEY_SECURITY,
    )
    .addCookieAuth('aidial_session', { type: 'apiKey', in: 'cookie', name: 'aidial_session' }, SESSION_COOKIE_SECURITY)
    .addTag('v1', 'The integration surface: server-side calls with `X-API-Key`.')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
    extraModels: [ErrorEnvelopeDto],
  });
  const envelope = { $ref: '#/components/schemas/ErrorEnvelopeDto' };
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      operation.responses['default'] ??= {
        description: 'Error envelope',
        content: { 'application/json': { schema: envelope } },
      };
    }
  }
  return document;
}

/** Serves the document at `/docs/openapi.json` and a readable UI at `/docs`. */
export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: 'docs/openapi.yaml',
    customSiteTitle: 'AiDial Access API',
  });
}
