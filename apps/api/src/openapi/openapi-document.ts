import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  type HeaderObject,
  type OpenAPIObject,
  type OperationObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
  SwaggerModule,
} from '@nestjs/swagger';
import {
  API_KEY_SECURITY,
  ErrorEnvelopeDto,
  PROVIDER_CALLED_ROUTES,
  SESSION_ABSOLUTE_EXPIRES_IN_HEADER,
  SESSION_COOKIE_SECURITY,
  SESSION_IDLE_EXPIRES_IN_HEADER,
  SIGN_IN_START_ROUTE,
} from '@aidial/api/core';
import { ERROR_CODES, type ErrorCode } from '@aidial/shared/access';

export const OPENAPI_JSON_PATH = 'docs/openapi.json';

/**
 * The OpenAPI document, built from the controllers. Operation ids are the controller method names (unique across the
 * API); each operation lists the refusals its access declaration and handler can give, plus those of the HTTP
 * pipeline in front of it, and documents the error envelope as its default answer (an unforeseen 500).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('AiDial Access API')
    .setDescription(
      'The portal surface (`/api`, cookie session) and the integration surface (`/v1`, `X-API-Key`) of AiDial Access. ' +
        'Every non-2xx answer is `{"code", "message", "request_id"}` (plus `fields` for `validation_failed`); each ' +
        'documented status shows an example of every code it can carry.\n\n' +
        '**Trying `/v1`.** API keys are for servers, and the API refuses a key sent with a browser’s signals ' +
        '(403 `browser_credentials_refused`), so this page has no "Try it out". Create a key on the portal’s ' +
        'Integrations page, then from a terminal or a server:\n\n' +
        '```sh\nexport AIDIAL_URL=https://your-portal.example   # the portal’s address\n' +
        'export AIDIAL_API_KEY=aidial_…                    # shown once when the key is made\n' +
        'curl -sS "$AIDIAL_URL/v1/whoami" -H "X-API-Key: $AIDIAL_API_KEY"\n```\n\n' +
        'Every `/v1` operation below has a curl and a Node.js example (also as `x-codeSamples`).',
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
  for (const schema of Object.values(document.components?.schemas ?? {})) nullableReferencesAsOneOf(schema);
  document.components = { ...document.components, headers: { ...document.components?.headers, ...PIPELINE_HEADERS } };
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem) as Array<[string, OperationObject]>) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      operation.responses['default'] ??= {
        description: 'Error envelope',
        content: { 'application/json': { schema: ENVELOPE } },
      };
      documentHttpPipeline(path, method, operation);
      exemplifyErrors(operation);
      if (path.startsWith('/v1/')) addCodeSamples(path, method, operation);
    }
  }
  return document;
}

/** The request id every example answer carries (any UUID; the real one is also in `X-Request-Id`). */
const EXAMPLE_REQUEST_ID = '3f2b8c1e-8a5d-4f5e-9a4b-2c1d0e9f8a7b';

/** What the API answers with `code`, as an example body: its default sentence, and the fields only that code has. */
export function exampleEnvelope(code: ErrorCode): Record<string, unknown> {
  return {
    code,
    message: ERROR_CODES[code].message,
    request_id: EXAMPLE_REQUEST_ID,
    ...(code === 'validation_failed'
      ? { fields: [{ field: 'limit', message: 'limit must not be greater than 100' }] }
      : {}),
    ...(code === 'mfa_required' ? { remediation_path: '/settings' } : {}),
  };
}

/** The codes a response's description lists (`- \`code\`: when`, as `ApiRefusals` and `addRefusal` write them). */
export function codesOf(description: string | undefined): Array<{ code: ErrorCode; when: string }> {
  const codes: Array<{ code: ErrorCode; when: string }> = [];
  for (const [, code = '', when = ''] of (description ?? '').matchAll(/^- `([a-z0-9_]+)`(?:: (.*))?$/gm)) {
    if (Object.hasOwn(ERROR_CODES, code)) codes.push({ code: code as ErrorCode, when: when.trim() });
  }
  return codes;
}

/**
 * Gives every error answer one example per code it lists, each the body the API really sends for that code (a 401
 * shows `unauthenticated` or `api_key_invalid`, never another status's code), and the default answer an
 * `internal_error`.
 */
function exemplifyErrors(operation: OperationObject): void {
  for (const [status, response] of Object.entries(operation.responses) as Array<[string, ResponseObject]>) {
    const codes: Array<{ code: ErrorCode; when: string }> =
      status === 'default'
        ? [{ code: 'internal_error', when: 'an unforeseen failure' }]
        : codesOf(response.description);
    if (codes.length === 0 || (status !== 'default' && Number(status) < 400)) continue;
    // One example per code: a code listed for two reasons (a route's own limit and the pipeline's) says both.
    const whens = new Map<ErrorCode, string[]>();
    for (const { code, when } of codes) whens.set(code, [...(whens.get(code) ?? []), ...(when ? [when] : [])]);
    response.content = {
      'application/json': {
        schema: ENVELOPE,
        examples: Object.fromEntries(
          [...whens].map(([code, reasons]) => [
            code,
            {
              summary: reasons.length > 0 ? `${code}: ${reasons.join(' Or: ')}`.slice(0, 200) : code,
              value: exampleEnvelope(code),
            },
          ]),
        ),
      },
    };
  }
}

/** `/v1/platform/calls/{id}` → `/v1/platform/calls/$CALL_ID` (a shell variable named after what the id is of). */
function shellPath(path: string): string {
  return path.replace(/\/([a-z-]+)\/\{(\w+)\}/g, (_match, collection: string, name: string) => {
    const variable = name === 'id' ? `${collection.replace(/-/g, '_').replace(/s$/, '')}_id` : name;
    return `/${collection}/$${variable.toUpperCase()}`;
  });
}

/**
 * A curl and a Node.js example for a `/v1` operation, written into its description (Swagger UI shows that) and as
 * `x-codeSamples` (Redoc and other readers show that). Both run from a server or a terminal: Node's fetch sends none of
 * the browser signals the API refuses with a key.
 */
function addCodeSamples(path: string, method: string, operation: OperationObject): void {
  const shell = shellPath(path);
  const verb = method.toUpperCase();
  const curl = `curl -sS${verb === 'GET' ? '' : ` -X ${verb}`} "$AIDIAL_URL${shell}" \\\n  -H "X-API-Key: $AIDIAL_API_KEY"`;
  const nodePath = shell.replace(/\$([A-Z_]+)/g, '${process.env.$1}');
  const node = [
    `const response = await fetch(\`\${process.env.AIDIAL_URL}${nodePath}\`, {`,
    ...(verb === 'GET' ? [] : [`  method: '${verb}',`]),
    `  headers: { 'X-API-Key': process.env.AIDIAL_API_KEY },`,
    `});`,
    `const body = await response.json();`,
    `// Every refusal is {code, message, request_id}; quote the request id to support.`,
    `if (!response.ok) throw new Error(\`\${body.code}: \${body.message} (request \${body.request_id})\`);`,
    `console.log(body);`,
  ].join('\n');
  const samples = [
    { lang: 'Shell', label: 'curl', source: curl },
    { lang: 'JavaScript', label: 'Node.js', source: node },
  ];
  (operation as OperationObject & { 'x-codeSamples'?: unknown })['x-codeSamples'] = samples;
  const examples = `**curl**\n\n\`\`\`sh\n${curl}\n\`\`\`\n\n**Node.js** (18 or later, as an ES module)\n\n\`\`\`js\n${node}\n\`\`\``;
  operation.description = operation.description ? `${operation.description}\n\n${examples}` : examples;
}

const ENVELOPE = { $ref: '#/components/schemas/ErrorEnvelopeDto' };
const METHODS_WITH_BODY = new Set(['post', 'put', 'patch', 'delete']);

/**
 * What the HTTP pipeline in front of every controller answers (core's configure-http.ts, auth's CSRF middleware, the
 * guard's session headers, the rate limiter), documented on each operation it applies to: these answers depend on the
 * method, the path and the security requirement, not on anything a controller declares.
 */
function documentHttpPipeline(path: string, method: string, operation: OperationObject): void {
  if (METHODS_WITH_BODY.has(method)) {
    // json-body.ts: any body on these methods is parsed before routing.
    addRefusal(operation, 400, 'malformed_json', 'the body is not valid JSON.');
    addRefusal(operation, 413, 'payload_too_large', 'the body is larger than 100 KiB.');
    const providerCalled = PROVIDER_CALLED_ROUTES.has(`${method.toUpperCase()} ${path}`);
    addRefusal(
      operation,
      415,
      'unsupported_media_type',
      providerCalled
        ? 'a body that is not `application/x-www-form-urlencoded` (or JSON).'
        : 'a body that is not `application/json`.',
    );
    // csrf.middleware.ts: every unsafe /api request but those the identity provider calls server to server.
    if (path.startsWith('/api/') && !providerCalled) {
      addRefusal(
        operation,
        403,
        'cross_site_refused',
        '`Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).',
      );
      addRefusal(operation, 403, 'csrf_failed', 'no `X-XSRF-TOKEN` header, or not the one for this session.');
    }
  }
  const signedIn = (operation.security ?? []).some(
    (requirement: Record<string, string[]>) => SESSION_COOKIE_SECURITY in requirement,
  );
  const byApiKey = (operation.security ?? []).some(
    (requirement: Record<string, string[]>) => API_KEY_SECURITY in requirement,
  );
  // The request throttles (docs/rate-limits.md): access-policy.guard.ts and request-throttles.ts.
  if (signedIn)
    addRefusal(
      operation,
      429,
      'rate_limited',
      'too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).',
    );
  if (method === 'get' && path === SIGN_IN_START_ROUTE.path)
    addRefusal(
      operation,
      429,
      'rate_limited',
      'too many sign-in starts from this address (`SIGN_IN_STARTS_PER_MINUTE`).',
    );
  if (byApiKey)
    addRefusal(
      operation,
      429,
      'rate_limited',
      'this key made `V1_REQUESTS_PER_MINUTE` requests in the current minute.',
    );
  for (const [status, response] of Object.entries(operation.responses) as Array<[string, ResponseObject]>) {
    if (status === 'default' || Number(status) >= 400) response.content = { 'application/json': { schema: ENVELOPE } };
    if (status === '429') response.headers = { ...response.headers, 'Retry-After': RETRY_AFTER_REQUIRED };
    if (status === '503') response.headers = { ...response.headers, 'Retry-After': RETRY_AFTER_OPTIONAL };
    // access-policy.guard.ts sets them on every answer once the session is authenticated (errors included).
    if (signedIn) response.headers = { ...response.headers, ...SESSION_LIFETIME_HEADERS };
    // request-throttles.ts sets them on every answer once the key is authenticated (a 401 or 403 before has none).
    if (byApiKey) response.headers = { ...response.headers, ...RATE_LIMIT_HEADERS };
  }
}

/** The headers the pipeline sets, declared once under `components.headers` and referred to by each answer. */
const PIPELINE_HEADERS: Record<string, HeaderObject> = {
  RetryAfter: {
    description: 'Whole seconds to wait before trying again.',
    required: true,
    schema: { type: 'integer', minimum: 1 },
  },
  RetryAfterWhenKnown: {
    description: 'Whole seconds to wait before trying again, when the outage is expected to be short.',
    schema: { type: 'integer', minimum: 1 },
  },
  RateLimitPolicy: {
    description:
      'The key’s quota (draft-ietf-httpapi-ratelimit-headers): `"per-key";q=<requests>;w=<seconds>`. Set on every ' +
      'answer once the key is authenticated.',
    schema: { type: 'string', pattern: '^"per-key";q=\\d+;w=\\d+$' },
  },
  RateLimit: {
    description:
      'What is left of the quota: `"per-key";r=<requests left>;t=<seconds to the window’s end>`. Set on every ' +
      'answer once the key is authenticated.',
    schema: { type: 'string', pattern: '^"per-key";r=\\d+;t=\\d+$' },
  },
  SessionIdleExpiresIn: {
    description:
      'Whole seconds left of the session’s idle lifetime (it slides with use); set on every answer once the session is authenticated.',
    schema: { type: 'integer', minimum: 0 },
  },
  SessionAbsoluteExpiresIn: {
    description:
      'Whole seconds left of the session’s absolute lifetime since sign-in; set on every answer once the session is authenticated.',
    schema: { type: 'integer', minimum: 0 },
  },
};
const headerRef = (name: keyof typeof PIPELINE_HEADERS): ReferenceObject => ({ $ref: `#/components/headers/${name}` });
const RETRY_AFTER_REQUIRED = headerRef('RetryAfter');
const RETRY_AFTER_OPTIONAL = headerRef('RetryAfterWhenKnown');
const RATE_LIMIT_HEADERS = {
  'RateLimit-Policy': headerRef('RateLimitPolicy'),
  RateLimit: headerRef('RateLimit'),
};
const SESSION_LIFETIME_HEADERS = {
  [SESSION_IDLE_EXPIRES_IN_HEADER]: headerRef('SessionIdleExpiresIn'),
  [SESSION_ABSOLUTE_EXPIRES_IN_HEADER]: headerRef('SessionAbsoluteExpiresIn'),
};

/** Adds a code to the operation's answer for `status`, in the list format of `ApiRefusals` (core). */
function addRefusal(operation: OperationObject, status: number, code: ErrorCode, reason: string): void {
  const line = `- \`${code}\`: ${reason}`;
  const existing = operation.responses[String(status)] as ResponseObject | undefined;
  operation.responses[String(status)] = existing
    ? { ...existing, description: existing.description ? `${existing.description}\n\n${line}` : line }
    : { description: line, content: { 'application/json': { schema: ENVELOPE } } };
}

/**
 * OpenAPI 3.0 gives `nullable` no effect beside a bare `$ref`/`allOf` (validators and generated clients then refuse
 * the `null` the API sends), and the Nest generator writes a nullable DTO property that way. The document writes it as
 * `nullable` beside a `oneOf` of the one reference, which 3.0 validators and the client generator read as "this or null".
 */
function nullableReferencesAsOneOf(schema: SchemaObject | ReferenceObject): void {
  if (!('properties' in schema) || !schema.properties) return;
  for (const [name, property] of Object.entries(schema.properties) as Array<[string, SchemaObject | ReferenceObject]>) {
    if ('$ref' in property || property.nullable !== true || !property.allOf || property.allOf.length !== 1) continue;
    const { allOf, type: _object, ...rest } = property;
    schema.properties[name] = { ...rest, nullable: true, oneOf: allOf };
  }
}

/** Serves the document at `/docs/openapi.json` and a readable UI at `/docs`. */
export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: 'docs/openapi.yaml',
    customSiteTitle: 'AiDial Access API',
    // No "Try it out": from this page a `/v1` call always carries the browser's signals and is refused (by design),
    // and a portal call needs the portal's CSRF token. The document's introduction and each `/v1` operation say how
    // to try the API from a terminal instead.
    swaggerOptions: { supportedSubmitMethods: [] },
  });
}
