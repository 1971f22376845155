import type { IncomingHttpHeaders } from 'node:http';

/**
 * The headers the platform API can trust (docs/integrations.md, "The proxy's header contract"). Set by the proxy from
 * the server-resolved access context or API key, always overwriting whatever the caller sent.
 */
export const SCOPE_HEADERS = {
  /** The organisation acting: the caller's own tenant (customer, partner or internal). */
  tenant: 'x-aidial-tenant',
  /** The customer tenant whose data is read: a customer's own, a partner's selected client (or key's client); absent for internal callers. */
  client: 'x-aidial-client',
  /** `*` for every project of that customer, or a comma-separated list of project ids (possibly `-`: none). */
  projects: 'x-aidial-projects',
  /** Who: `user:<id>` (portal session) or `api_key:<id>` (integration). */
  actor: 'x-aidial-actor',
} as const;

export interface PlatformScope {
  readonly tenantId: string;
  readonly clientId: string | null;
  /** null: every project. */
  readonly projectIds: readonly string[] | null;
  readonly actor: string;
}

/** The only caller headers passed on: content negotiation. Never cookies, authorization, X-API-Key, hop-by-hop headers or scope headers. */
const FORWARDED_CALLER_HEADERS = ['accept', 'accept-language'] as const;

/** The only upstream response headers passed back (never Set-Cookie, never hop-by-hop headers). */
export const RETURNED_UPSTREAM_HEADERS = ['content-type', 'etag', 'last-modified'] as const;

export function projectsHeader(projectIds: readonly string[] | null): string {
  if (projectIds === null) return '*';
  return projectIds.length === 0 ? '-' : projectIds.join(',');
}

/** The request headers sent to the platform: an allow-list of the caller's, then the bearer and the scope, set last. */
export function upstreamRequestHeaders(
  incoming: IncomingHttpHeaders,
  scope: PlatformScope,
  bearer: string,
  requestId: string,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_CALLER_HEADERS) {
    const value = incoming[name];
    if (typeof value === 'string' && value.length <= 512) headers[name] = value;
  }
  headers['authorization'] = `Bearer ${bearer}`;
  headers['x-request-id'] = requestId;
  headers[SCOPE_HEADERS.tenant] = scope.tenantId;
  if (scope.clientId !== null) headers[SCOPE_HEADERS.client] = scope.clientId;
  headers[SCOPE_HEADERS.projects] = projectsHeader(scope.projectIds);
  headers[SCOPE_HEADERS.actor] = scope.actor;
  return headers;
}

/** The upstream response headers passed back to the caller. */
export function returnedResponseHeaders(upstream: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of RETURNED_UPSTREAM_HEADERS) {
    const value = upstream[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}
