import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { RecordedExchange } from './openapi-exchange-recorder';

/**
 * The committed OpenAPI document as a contract the integration tests hold the API to: every answer a test receives is
 * checked against it (status, contract headers, body), so the document cannot drift from what the API does.
 *
 * What is checked, by rule:
 * - a request to a documented path and method: the status must be one the operation lists (`default` covers only an
 *   unforeseen 500); the body must match the listed media type and schema (a redirect needs its `Location` instead); a required header must be present, and a
 *   contract header (one the document declares anywhere) may only appear where it is declared, with a valid value;
 * - a request under `/api/`, `/v1/` or `/health/` that no operation documents (an unknown route, a wrong method): it
 *   may only be refused, with the error envelope;
 * - everything else is outside the document and skipped: the built portal and its static files, the `/docs` page
 *   with the document itself, and the routes the document leaves out on purpose ({@link UNDOCUMENTED_ROUTES}).
 */

type Schema = Record<string, unknown>;
interface MediaType {
  readonly schema?: Schema;
}
interface HeaderObject {
  readonly required?: boolean;
  readonly schema?: Schema;
  readonly $ref?: string;
}
interface ResponseObject {
  readonly content?: Record<string, MediaType>;
  readonly headers?: Record<string, HeaderObject>;
}
interface Operation {
  readonly operationId?: string;
  readonly responses: Record<string, ResponseObject>;
}
interface Document {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, Schema>; readonly headers?: Record<string, HeaderObject> };
}

export const COMMITTED_DOCUMENT_PATH = resolve(__dirname, '../../openapi.json');
const DOCUMENT_ID = 'openapi';
const DOCUMENTED_PREFIXES = ['/api/', '/v1/', '/health/'];
const ENVELOPE = '#/components/schemas/ErrorEnvelopeDto';
/** Routes left out of the document on purpose (`@ApiExcludeEndpoint`): no client calls them. */
const UNDOCUMENTED_ROUTES = [
  // Where the identity provider sends the browser back after sign-in; it only ever redirects.
  'GET /api/auth/callback',
];
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/**
 * An OpenAPI 3.0 schema as JSON Schema, read strictly: `nullable` adds `null` only beside a `type` (to the type, and to
 * an `enum`) or to a `oneOf`/`anyOf`; beside a bare `allOf` or `$ref` it adds nothing, as 3.0 validators and clients
 * read it.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string') out[key] = value.replace(/^#\//, `${DOCUMENT_ID}#/`);
    else if (key === 'properties' && typeof value === 'object' && value !== null)
      out[key] = Object.fromEntries(Object.entries(value as Schema).map(([name, sub]) => [name, toJsonSchema(sub)]));
    else out[key] = toJsonSchema(value);
  }
  if ((schema as Schema)['nullable'] === true) {
    if (typeof out['type'] === 'string') {
      out['type'] = [out['type'], 'null'];
      if (Array.isArray(out['enum'])) out['enum'] = [...(out['enum'] as unknown[]), null];
    } else if (Array.isArray(out['oneOf'])) out['oneOf'] = [...(out['oneOf'] as unknown[]), { type: 'null' }];
    else if (Array.isArray(out['anyOf'])) out['anyOf'] = [...(out['anyOf'] as unknown[]), { type: 'null' }];
  }
  return out;
}

function headerValue(headers: RecordedExchange['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function decodedBody(exchange: RecordedExchange): Buffer {
  const raw = Buffer.from(exchange.body, 'base64');
  const encoding = headerValue(exchange.headers, 'content-encoding');
  if (encoding === 'gzip') return gunzipSync(raw);
  if (encoding === 'br') return brotliDecompressSync(raw);
  if (encoding === 'deflate') return inflateSync(raw);
  return raw;
}

interface Route {
  readonly template: string;
  readonly pattern: RegExp;
  readonly parameters: number;
  readonly operations: Record<string, Operation>;
}

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly contractHeaders: Set<string>;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: Document) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: toJsonSchema(document.components.schemas) } });
    this.routes = Object.entries(document.paths)
      .map(([template, operations]) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+')}$`),
        parameters: (template.match(/\{/g) ?? []).length,
        operations,
      }))
      // A literal segment wins over a parameter: `/api/team/invitations` before `/api/team/{id}`.
      .sort((a, b) => a.parameters - b.parameters);
    this.contractHeaders = new Set(
      Object.values(document.paths).flatMap((item) =>
        Object.values(item).flatMap((operation) =>
          Object.values(operation.responses ?? {}).flatMap((response) =>
            Object.keys(response.headers ?? {}).map((name) => name.toLowerCase()),
          ),
        ),
      ),
    );
  }

  static committed(): OpenApiContract {
    return new OpenApiContract(JSON.parse(readFileSync(COMMITTED_DOCUMENT_PATH, 'utf8')) as Document);
  }

  /** What is wrong with this answer, as sentences naming the request; empty when it is what the document says. */
  violations(exchange: RecordedExchange): string[] {
    const path = new URL(exchange.url, 'http://api.invalid').pathname;
    const method = exchange.method.toLowerCase();
    const label = `${exchange.method} ${exchange.url} → ${exchange.status}`;
    if (UNDOCUMENTED_ROUTES.includes(`${exchange.method} ${path}`)) return [];
    const route = this.routes.find((candidate) => candidate.pattern.test(path));
    // A HEAD is answered by the GET route, without a body.
    const operation = route?.operations[method] ?? (method === 'head' ? route?.operations['get'] : undefined);
    if (!route || !operation || !METHODS.has(method)) {
      if (!DOCUMENTED_PREFIXES.some((prefix) => path.startsWith(prefix))) return [];
      if (exchange.status < 400)
        return [`${label}: answered ${exchange.status} on a path and method no operation documents`];
      return this.bodyViolations(label, exchange, { content: { 'application/json': { schema: { $ref: ENVELOPE } } } });
    }
    const name = `${operation.operationId ?? `${method} ${route.template}`}`;
    const response =
      operation.responses[String(exchange.status)] ??
      (exchange.status === 500 ? operation.responses['default'] : undefined);
    if (!response) {
      const listed = Object.keys(operation.responses).join(', ');
      return [`${label}: ${name} does not document ${exchange.status} (it lists ${listed})`];
    }
    const redirect = exchange.status >= 300 && exchange.status < 400;
    if (redirect && headerValue(exchange.headers, 'location') === undefined)
      return [`${label}: ${name} redirects without a Location header`];
    return [
      ...this.headerViolations(label, name, exchange, response),
      // A redirect's body is the server's courtesy note (RFC 9110 §15.4), not part of the contract.
      ...(method === 'head' || redirect ? [] : this.bodyViolations(`${label} (${name})`, exchange, response)),
    ];
  }

  private headerViolations(
    label: string,
    name: string,
    exchange: RecordedExchange,
    response: ResponseObject,
  ): string[] {
    const problems: string[] = [];
    const declared = new Map(
      Object.entries(response.headers ?? {}).map(([key, value]) => [key.toLowerCase(), this.resolveHeader(value)]),
    );
    for (const [header, declaration] of declared) {
      const value = headerValue(exchange.headers, header);
      if (value === undefined) {
        if (declaration.required) problems.push(`${label}: ${name} requires the header ${header}, which is missing`);
        continue;
      }
      if (declaration.schema) {
        const parsed =
          declaration.schema['type'] === 'integer' || declaration.schema['type'] === 'number' ? Number(value) : value;
        const validate = this.ajv.compile(toJsonSchema(declaration.schema) as Schema);
        if (!validate(parsed))
          problems.push(`${label}: header ${header}: ${value} does not match ${JSON.stringify(declaration.schema)}`);
      }
    }
    for (const header of this.contractHeaders) {
      if (!declared.has(header) && headerValue(exchange.headers, header) !== undefined)
        problems.push(`${label}: sends ${header}, which ${name} does not declare for ${exchange.status}`);
    }
    return problems;
  }

  private resolveHeader(header: HeaderObject): HeaderObject {
    const name = header.$ref?.replace('#/components/headers/', '');
    return name ? (this.document.components.headers?.[name] ?? header) : header;
  }

  private bodyViolations(label: string, exchange: RecordedExchange, response: ResponseObject): string[] {
    const body = decodedBody(exchange);
    const contentType = headerValue(exchange.headers, 'content-type');
    const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
    const content = response.content ?? {};
    if (body.length === 0) {
      return Object.keys(content).length > 0 && exchange.status !== 304
        ? [`${label}: an empty body where the document lists ${Object.keys(content).join(', ')}`]
        : [];
    }
    if (Object.keys(content).length === 0) return [`${label}: a body (${contentType}) where the document lists none`];
    const media = mediaType ? content[mediaType] : undefined;
    if (!media)
      return [
        `${label}: ${contentType ?? 'no content type'} where the document lists ${Object.keys(content).join(', ')}`,
      ];
    if (!media.schema) return [];
    let value: unknown = body.toString('utf8');
    if (mediaType === 'application/json' || mediaType?.endsWith('+json')) {
      try {
        value = JSON.parse(value as string);
      } catch {
        return [`${label}: ${contentType} that is not JSON`];
      }
    }
    const validate = this.validatorFor(media.schema);
    if (validate(value)) return [];
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
    return [
      `${label}: the body does not match the document: ${errors.join('; ')}; body: ${String(body).slice(0, 300)}`,
    ];
  }

  private validatorFor(schema: Schema): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Schema);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

let committed: OpenApiContract | undefined;
const pending: string[] = [];

/** Checks one answer against the committed document; what is wrong waits for {@link takeContractViolations}. */
export function checkExchange(exchange: RecordedExchange): void {
  committed ??= OpenApiContract.committed();
  pending.push(...committed.violations(exchange));
}

/** The violations found since the last call (the test-app hooks fail the test that received them). */
export function takeContractViolations(): string[] {
  return pending.splice(0, pending.length);
}

/** Fails the current test (or hook) with every answer that contradicted the committed document since the last check. */
export function assertContractKept(): void {
  drainExchangeLogs();
  const violations = takeContractViolations();
  if (violations.length > 0)
    throw new Error(
      `The API answered outside its committed OpenAPI document (apps/api/openapi.json):\n${violations
        .map((violation) => `- ${violation}`)
        .join('\n')}\nFix the controller/DTO declarations (or the API), then run \`npm run openapi:generate\`.`,
    );
}

/** Logs of built API processes (built-api.ts) and how much of each has been checked. */
const exchangeLogs = new Map<string, number>();

/** Checks, from now on, the answers a built API process writes to `path` (openapi-exchange-recorder.ts). */
export function watchExchangeLog(path: string): void {
  exchangeLogs.set(path, 0);
}

function drainExchangeLogs(): void {
  for (const [path, checked] of exchangeLogs) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue; // no answer yet
    }
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    for (const line of complete.slice(checked).split('\n'))
      if (line) checkExchange(JSON.parse(line) as RecordedExchange);
    exchangeLogs.set(path, complete.length);
  }
}

let holding = false;

/**
 * Makes every test of the file fail when an answer it (or its hooks) received contradicts the committed document.
 * Called by the harness modules (test-app.ts, built-api.ts) as they load, so no test file has to remember it.
 */
export function holdTestsToCommittedDocument(): void {
  if (holding || typeof afterEach !== 'function') return;
  holding = true;
  afterEach(assertContractKept);
  afterAll(assertContractKept);
}
