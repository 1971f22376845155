import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODE_LIST } from '@aidial/shared/access';
import { createDocumentOnlyApp } from './document-only-app';
import { buildOpenApiDocument } from './openapi-document';

type Operation = { operationId?: string; responses: Record<string, unknown> };

function operationsOf(document: OpenAPIObject): Array<[string, Operation]> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(
      ([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as [string, Operation],
    ),
  );
}

describe('the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await createDocumentOnlyApp();
    document = buildOpenApiDocument(app);
  });
  afterAll(() => app.close());

  it('names every operation after its controller method, uniquely', () => {
    const ids = operationsOf(document).map(([, operation]) => operation.operationId);
    expect(ids).not.toContain(undefined);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents the error envelope as the default answer of every operation', () => {
    for (const [, operation] of operationsOf(document)) {
      expect(operation.responses['default']).toEqual({
        description: 'Error envelope',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelopeDto' } } },
      });
    }
  });

  it('lists every error code of the access library as the envelope code enum', () => {
    expect(document.components?.schemas?.['ErrorCode']).toEqual({ type: 'string', enum: ERROR_CODE_LIST });
  });
});
