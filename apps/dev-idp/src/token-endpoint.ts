import { createHash, randomBytes } from 'node:crypto';
import type { KoaContext, Middleware } from 'oidc-provider';
import type { DevIdpConfig } from './config.ts';
import { type Clock, equalSecrets } from './directory.ts';
import type { Faults } from './faults.ts';
import { BadRequest, readBody, sendJson } from './http.ts';
import { withFault } from './id-token-faults.ts';
import { type JsonObject, accessTokenHash, decodeSegment, signRs256 } from './jwt.ts';
import type { MemoryStorage } from './memory-adapter.ts';
import { ROUTES } from './provider.ts';
import { INSTANCE_ZITADEL_PROJECT_ID, type ServiceAccounts } from './service-accounts.ts';
import type { SigningKey } from './signing-keys.ts';

export interface TokenEndpointDependencies {
  readonly config: DevIdpConfig;
  readonly issuer: string;
  readonly signingKey: SigningKey;
  readonly faults: Faults;
  readonly storage: MemoryStorage;
  readonly serviceAccounts: ServiceAccounts;
  readonly clock: Clock;
}

/** zitadel/oidc pkg/op/auth_request.go, ValidateAuthReqScopes: the answer to a request without any scope. */
export const SCOPE_MISSING =
  'The scope of your request is missing. Please ensure some scopes are requested. If you have any questions, you may contact the administrator of the application.';

/** Where a reshaped ID token is recorded against the one oidc-provider minted (for `id_token_hint`). */
const ID_TOKEN_HINT = 'IdTokenHint';

/** `urn:zitadel:iam:org:project:id:{projectId}:aud` (domain.ProjectIDScope … domain.AudSuffix). */
const PROJECT_AUDIENCE_SCOPE = /^urn:zitadel:iam:org:project:id:(.+):aud$/;

/** The request body, or undefined once a malformed one has been answered with `invalid_request`. */
async function readBodyOrRefuse(ctx: KoaContext): Promise<string | undefined> {
  try {
    return await readBody(ctx);
  } catch (error) {
    if (!(error instanceof BadRequest)) throw error;
    oauthError(ctx, 400, 'invalid_request', error.message);
    return undefined;
  }
}

/**
 * The token endpoint as Zitadel answers it, around oidc-provider:
 * - `grant_type=client_credentials` is Zitadel's machine-user grant (internal/api/oidc/client_credentials.go), answered
 *   here: only the machine user's login name is a client for it, everything else is "client not found".
 * - Every other grant goes to oidc-provider; the portal client's answer is then reshaped the way Zitadel shapes it: ID
 *   token `aud` = [client id, project id] with `azp` = client id (auth_request.go audienceFromProjectID, zitadel/oidc
 *   NewIDTokenClaims), the access token a JWT with the same audience (the app's "JWT" access-token type, token.go
 *   createJWT), and then an armed ID-token fault, if any.
 */
export function tokenEndpoint(deps: TokenEndpointDependencies): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== ROUTES.token || ctx.method !== 'POST') return next();
    const body = await readBodyOrRefuse(ctx);
    if (body === undefined) return;
    const form = new URLSearchParams(body);
    if (form.get('grant_type') === 'client_credentials') return clientCredentials(ctx, form, deps);
    // oidc-provider reads a body an earlier middleware has read from `req.body` (lib/shared/selective_body.js).
    (ctx.req as typeof ctx.req & { body?: string }).body = body;
    await next();
    if (ctx.status === 200) await reshapeTokenResponse(ctx, deps);
  };
}

/**
 * Zitadel takes its own tokens back: the JWT access token at introspection and revocation, the ID token as
 * `id_token_hint` at end_session. oidc-provider knows only what it minted, so the reshaped tokens are swapped back for
 * those before it sees the request (oidc-provider refuses JWTs there, and reads `aud` of a hint as one client id).
 */
export function tokensTakenBack(storage: MemoryStorage): Middleware {
  return async (ctx, next) => {
    const swap = (name: string, value: string | null): string | undefined => {
      if (!value) return undefined;
      return name === 'token' ? storage.resolve('AccessToken', value) : storage.resolve(ID_TOKEN_HINT, value);
    };
    const field =
      ctx.path === ROUTES.introspection || ctx.path === ROUTES.revocation
        ? 'token'
        : ctx.path === ROUTES.end_session
          ? 'id_token_hint'
          : undefined;
    if (!field) return next();
    if (ctx.method === 'GET') {
      const query = new URLSearchParams(ctx.querystring);
      const original = swap(field, query.get(field));
      if (original) {
        query.set(field, original);
        ctx.querystring = query.toString();
      }
      return next();
    }
    if (ctx.method !== 'POST' || !ctx.get('content-type').startsWith('application/x-www-form-urlencoded'))
      return next();
    const body = await readBodyOrRefuse(ctx);
    if (body === undefined) return;
    const form = new URLSearchParams(body);
    const original = swap(field, form.get(field));
    if (original) form.set(field, original);
    (ctx.req as typeof ctx.req & { body?: string }).body = original ? form.toString() : body;
    return next();
  };
}

async function reshapeTokenResponse(ctx: KoaContext, deps: TokenEndpointDependencies): Promise<void> {
  const { config, issuer, signingKey, storage, clock } = deps;
  const response = ctx.body as JsonObject | undefined;
  const opaque = response?.access_token;
  if (!response || typeof opaque !== 'string') return;
  const stored = await storage.payloadOf('AccessToken', opaque);
  if (!stored || stored.clientId !== config.portalClient.id) return;
  const audience = [config.portalClient.id, config.projectId];
  const now = Math.floor(clock() / 1000);
  const accessToken = signRs256(
    {},
    {
      iss: issuer,
      sub: stored.accountId,
      aud: audience,
      exp: typeof stored.exp === 'number' ? stored.exp : now + config.accessTokenTtlSeconds,
      iat: now,
      nbf: now,
      jti: randomBytes(16).toString('base64url'),
      client_id: config.portalClient.id,
    },
    signingKey,
  );
  storage.alias('AccessToken', accessToken, opaque);
  const reshaped: JsonObject = { ...response, access_token: accessToken };
  if (typeof response.id_token === 'string') {
    const [encodedHeader, encodedPayload] = response.id_token.split('.');
    const payload: JsonObject = { ...decodeSegment(encodedPayload), aud: audience, azp: config.portalClient.id };
    if (payload.at_hash !== undefined) payload.at_hash = accessTokenHash(accessToken);
    if (config.loginUi === 'v1' && typeof payload.sid === 'string') payload.sid = loginV1SessionId(payload.sid);
    let idToken = signRs256(decodeSegment(encodedHeader), payload, signingKey);
    storage.alias(ID_TOKEN_HINT, idToken, response.id_token);
    const fault = deps.faults.takeIdTokenFault();
    if (fault) idToken = withFault(idToken, fault, { signingKey, clientSecret: config.portalClient.secret, clock });
    reshaped.id_token = idToken;
  }
  ctx.body = reshaped;
}

/**
 * The login v1 `sid`: an id of Zitadel's own kind (numeric) that names no v2 session, so GET /v2/sessions/{sid}
 * answers NotFound for it. Derived from the provider's session id so it stays the same for one browser session.
 */
export function loginV1SessionId(providerSid: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(providerSid).digest('hex').slice(0, 15)}`).toString();
  return `3${digits.padStart(17, '0').slice(0, 17)}`;
}

/**
 * Zitadel's client-credentials grant (client_credentials.go clientCredentialsAuth, token_client_credentials.go
 * ClientCredentialsExchange): the client id is a machine user's login name and its secret; no scope at all is
 * `invalid_request`; the token's audience holds only the projects named by `…:aud` scopes, else the client id. The
 * token is of the machine user's own access token type: opaque (`bearer`, ZITADEL's default) unless set to JWT.
 */
function clientCredentials(ctx: KoaContext, form: URLSearchParams, deps: TokenEndpointDependencies): void {
  const { machineClient } = deps.serviceAccounts;
  const basic = basicCredentials(ctx.get('authorization'));
  const clientId = basic?.id ?? form.get('client_id') ?? '';
  const secret = basic?.secret ?? form.get('client_secret') ?? '';
  if (clientId.toLowerCase() !== machineClient.clientId.toLowerCase()) {
    return oauthError(ctx, 401, 'invalid_client', 'client not found');
  }
  if (!equalSecrets(secret, machineClient.secret)) {
    return oauthError(ctx, 400, 'invalid_request', 'Errors.User.Machine.Secret.Invalid');
  }
  const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
  if (scopes.length === 0) return oauthError(ctx, 400, 'invalid_request', SCOPE_MISSING);
  const audience: string[] = [];
  for (const scope of scopes) {
    const projectId = PROJECT_AUDIENCE_SCOPE.exec(scope)?.[1];
    if (!projectId) continue;
    const resolved = projectId === 'zitadel' ? INSTANCE_ZITADEL_PROJECT_ID : projectId;
    if (!audience.includes(resolved)) audience.push(resolved);
  }
  const now = Math.floor(deps.clock() / 1000);
  const ttl = deps.config.accessTokenTtlSeconds;
  if (deps.config.machineClient.accessTokenType === 'bearer') {
    // An opaque token (Zitadel's own are encrypted ids): nothing a resource server can verify by itself.
    return sendJson(ctx, 200, {
      access_token: randomBytes(32).toString('base64url'),
      token_type: 'Bearer',
      expires_in: ttl,
    });
  }
  const accessToken = signRs256(
    {},
    {
      iss: deps.issuer,
      sub: machineClient.userId,
      aud: audience.length > 0 ? audience : [machineClient.clientId],
      exp: now + ttl,
      iat: now,
      nbf: now,
      jti: randomBytes(16).toString('base64url'),
      client_id: machineClient.clientId,
    },
    deps.signingKey,
  );
  sendJson(ctx, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: ttl });
}

function basicCredentials(header: string): { id: string; secret: string } | undefined {
  const match = /^Basic (.+)$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const unescape = (value: string) => {
    try {
      return decodeURIComponent(value.replaceAll('+', ' '));
    } catch {
      return value;
    }
  };
  return { id: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) };
}

function oauthError(ctx: KoaContext, status: number, error: string, description: string): void {
  sendJson(ctx, status, { error, error_description: description });
}
