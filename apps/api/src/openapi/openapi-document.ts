import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorEnvelopeDto } from '@aidial/api/core';

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
