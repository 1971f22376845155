import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { listRoutePolicies } from '@aidial/api/core';
import { ERROR_CODES, ERROR_CODE_LIST, type ErrorCode } from '@aidial/shared/access';
import { createDocumentOnlyApp } from './document-only-app';
import { buildOpenApiDocument, codesOf } from './openapi-document';

type Example = { summary?: string; value: Record<string, unknown> };
type Media = { schema?: unknown; examples?: Record<string, Example> };
type Response = { description?: string; content?: Record<string, Media>; headers?: Record<string, unknown> };
type Operation = {
  operationId?: string;
  description?: string;
  responses: Record<string, Response>;
  'x-codeSamples'?: Array<{ lang: string; label: string; source: string }>;
};

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
        expect([
          name,
          status,
          Object.keys(response.content ?? {}),
          response.content?.['application/json']?.schema,
        ]).toEqual([name, status, ['application/json'], { $ref: '#/components/schemas/ErrorEnvelopeDto' }]);
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

  it('shows, for every error status of every operation, one example per code it lists, each that code’s real answer', () => {
    const wrong: string[] = [];
    for (const [name, operation] of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status !== 'default' && Number(status) < 400) continue;
        const examples = response.content?.['application/json']?.examples ?? {};
        // A code listed for two reasons has one example that says both.
        const listed = [
          ...new Set(status === 'default' ? ['internal_error'] : codesOf(response.description).map(({ code }) => code)),
        ];
        if (JSON.stringify(Object.keys(examples).sort()) !== JSON.stringify([...listed].sort())) {
          wrong.push(`${name} ${status}: examples ${Object.keys(examples).join(',')} for ${listed.join(',')}`);
        }
        for (const [code, { value }] of Object.entries(examples)) {
          const entry = ERROR_CODES[code as ErrorCode];
          const fits =
            value['code'] === code &&
            value['message'] === entry.message &&
            typeof value['request_id'] === 'string' &&
            (status === 'default' || entry.status === Number(status)) &&
            'fields' in value === (code === 'validation_failed');
          if (!fits) wrong.push(`${name} ${status}: ${JSON.stringify(value)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives every /v1 operation a curl and a Node.js example that call it with the key from the environment', () => {
    const v1 = operationsOf(document).filter(([name]) => name.split(' ')[1]?.startsWith('/v1/'));
    expect(v1.length).toBeGreaterThan(5);
    for (const [name, operation] of v1) {
      const [method = '', path = ''] = name.split(' ');
      const samples = operation['x-codeSamples'] ?? [];
      const curl = samples.find((sample) => sample.label === 'curl')?.source ?? '';
      const node = samples.find((sample) => sample.label === 'Node.js')?.source ?? '';
      // The path with each {param} as a shell variable, the key from the environment, never a key in the text.
      const shellPath = path.replace(/\{\w+\}/g, '$');
      expect([
        name,
        curl.includes(`"$AIDIAL_URL${shellPath.split('$')[0]}`),
        curl.includes('X-API-Key: $AIDIAL_API_KEY'),
      ]).toEqual([name, true, true]);
      if (method !== 'GET') expect(curl).toContain(`-X ${method}`);
      expect([
        name,
        node.includes("'X-API-Key': process.env.AIDIAL_API_KEY"),
        node.includes('process.env.AIDIAL_URL'),
      ]).toEqual([name, true, true]);
      expect(curl + node).not.toMatch(/aidial_[A-Za-z0-9]{8,}/);
      // Swagger UI shows the description, not x-codeSamples: both are there too.
      expect([name, operation.description?.includes(curl), operation.description?.includes(node)]).toEqual([
        name,
        true,
        true,
      ]);
    }
  });

  it('writes a path parameter as a shell variable named after what it identifies', () => {
    const call = operationsOf(document).find(([name]) => name === 'GET /v1/platform/calls/{id}')?.[1];
    expect(call?.['x-codeSamples']?.[0]?.source).toContain('"$AIDIAL_URL/v1/platform/calls/$CALL_ID"');
    expect(call?.['x-codeSamples']?.[1]?.source).toContain('/v1/platform/calls/${process.env.CALL_ID}');
  });

  it('never shows a 401 example with another status’s code (the envelope schema’s own example is not used)', () => {
    for (const [name, operation] of operationsOf(document)) {
      const examples = operation.responses['401']?.content?.['application/json']?.examples ?? {};
      for (const code of Object.keys(examples))
        expect([name, ERROR_CODES[code as ErrorCode].status]).toEqual([name, 401]);
    }
  });
});
