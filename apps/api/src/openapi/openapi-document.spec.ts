import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { listRoutePolicies } from '@aidial/api/core';
import { ERROR_CODE_LIST } from '@aidial/shared/access';
import { createDocumentOnlyApp } from './document-only-app';
import { buildOpenApiDocument } from './openapi-document';

type Response = { description?: string; content?: Record<string, unknown>; headers?: Record<string, unknown> };
type Operation = { operationId?: string; responses: Record<string, Response> };

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
      expect(operation.responses['default']).toMatchObject({
        description: 'Error envelope',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelopeDto' } } },
      });
    }
  });

  it('lists every error code of the access library as the envelope code enum', () => {
    expect(document.components?.schemas?.['ErrorCode']).toEqual({ type: 'string', enum: ERROR_CODE_LIST });
  });

  it("lists mfa_required on every operation the guard's MFA step runs for, and nowhere else", () => {
    const operations = new Map(operationsOf(document));
    for (const { route, access } of listRoutePolicies(app)) {
      const [method, path] = route.split(' ');
      const operation = operations.get(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
      if (!operation) continue; // left out of the document on purpose (the sign-in callback)
      const stepRuns = /^(member|section:)/.test(access) && !access.includes('mfa:exempt');
      expect([route, operation.responses['403']?.description?.includes('`mfa_required`') ?? false]).toEqual([
        route,
        stepRuns,
      ]);
    }
  });

  it('answers every refusal with the JSON error envelope, whatever the success media type', () => {
    for (const [name, operation] of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        expect([name, status, response.content]).toEqual([
          name,
          status,
          { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelopeDto' } } },
        ]);
      }
    }
  });

  it('declares Retry-After on every 429', () => {
    for (const [name, operation] of operationsOf(document)) {
      const tooMany = operation.responses['429'];
      if (tooMany)
        expect([name, tooMany.headers?.['Retry-After']]).toEqual([name, { $ref: '#/components/headers/RetryAfter' }]);
    }
  });

  it('writes no nullable property beside a lone $ref or allOf, which OpenAPI 3.0 readers take as never null', () => {
    const offenders = Object.entries(document.components?.schemas ?? {}).flatMap(([schemaName, schema]) =>
      Object.entries((schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {})
        .filter(([, property]) => property['nullable'] === true && !property['type'] && !property['oneOf'])
        .map(([property]) => `${schemaName}.${property}`),
    );
    expect(offenders).toEqual([]);
  });
});
