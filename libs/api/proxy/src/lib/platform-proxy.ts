import { isUtf8 } from 'node:buffer';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, ApiError, type AppConfig, type RequestWithPrincipal, requestIdOf } from '@aidial/api/core';
import { SessionTokens } from '@aidial/api/auth';
import type { PlatformQuery } from './dto/platform-queries.dto';
import {
  PlatformConnections,
  type UpstreamResponse,
  UpstreamTimeoutError,
  UpstreamTooLargeError,
} from './platform-connections';
import { PLATFORM_ID, type PlatformRoute } from './platform-routes';
import { platformScopeOf } from './platform-scope';
import { PlatformServiceToken, ServiceTokenUnavailableError } from './service-token';
import { returnedResponseHeaders, upstreamRequestHeaders } from './upstream-headers';

/** The largest platform answer passed on; a bigger one is 502 `upstream_unavailable` (and never held whole in memory). */
export const PLATFORM_RESPONSE_LIMIT_BYTES = 1024 * 1024;

export interface PlatformAnswer {
  readonly headers: Record<string, string>;
  /** The platform's JSON as it came, checked to be UTF-8 JSON. */
  readonly json: Buffer;
}

/** `application/json` or a `+json` type such as `application/problem+json`. */
const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/**
 * The transport to the AiDial platform API (DESIGN.md §3, `proxy`): one allow-listed route at a time, with the bearer
 * of the caller's session (renewed when expired) or, for API keys, the service token; the scope headers from the
 * server-resolved access context; AIDIAL_API_TIMEOUT_MS for the whole exchange; and every upstream failure mapped to the
 * error envelope (timeout 504 `upstream_timeout`; 5xx, unreachable, refused token, oversized or non-JSON answer 502
 * `upstream_unavailable`; 404 `not_found`). Nothing of the upstream's own errors, hosts or headers reaches the caller.
 */
@Injectable()
export class PlatformProxy implements OnModuleDestroy {
  private readonly logger = new Logger('PlatformProxy');
  private readonly connections: PlatformConnections;
  /** The base URL's path, ending in `/`: every route's path is relative to it. */
  private readonly basePath: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly serviceToken: PlatformServiceToken,
    private readonly sessionTokens: SessionTokens,
  ) {
    const base = config.aidialApiBaseUrl;
    this.basePath = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    this.connections = new PlatformConnections(base, config.aidialApiTimeoutMs, PLATFORM_RESPONSE_LIMIT_BYTES);
  }

  /**
   * Sends the request on to the platform: `id` for a route with one, `query` the filters the controller's query DTO
   * validated (only the names the route allows are passed on).
   */
  async forward(
    route: PlatformRoute,
    request: RequestWithPrincipal,
    { id, query }: { readonly id?: string; readonly query?: PlatformQuery } = {},
  ): Promise<PlatformAnswer> {
    const context = request.accessContext;
    if (!context) throw new Error('PlatformProxy.forward used on a route whose policy resolves no access context');
    const actor = request.apiKey ? `api_key:${request.apiKey.keyId}` : `user:${context.userId}`;
    const scope = platformScopeOf(context, route, actor);
    if (id !== undefined && !PLATFORM_ID.test(id)) throw new ApiError('not_found');
    const bearer = await this.bearer(request);
    const headers = upstreamRequestHeaders(request.headers, scope, bearer, requestIdOf(request));

    let response: UpstreamResponse;
    try {
      response = await this.connections.get(this.pathOf(route, id, query), headers);
    } catch (error) {
      if (error instanceof UpstreamTimeoutError) {
        this.fail(route, 'timeout');
        throw new ApiError('upstream_timeout');
      }
      this.fail(route, error instanceof UpstreamTooLargeError ? 'too_large' : 'unreachable');
      throw new ApiError('upstream_unavailable');
    }
    if (response.status === 404) throw new ApiError('not_found');
    if (response.status < 200 || response.status >= 300) {
      this.fail(route, `status_${response.status}`);
      throw new ApiError('upstream_unavailable');
    }
    // Parsed only to check it: the bytes themselves go back, rather than the same JSON serialized again.
    try {
      if (!JSON_CONTENT_TYPE.test(response.headers['content-type'] ?? '') || !isUtf8(response.body)) throw new Error();
      JSON.parse(response.body.toString('utf8'));
    } catch {
      this.fail(route, 'not_json');
      throw new ApiError('upstream_unavailable');
    }
    return { headers: returnedResponseHeaders(response.headers), json: response.body };
  }

  onModuleDestroy(): void {
    this.connections.close();
  }

  /** The route's path under the base URL, with its id and the query parameters it allows (form-encoded, as given). */
  private pathOf(route: PlatformRoute, id: string | undefined, query: PlatformQuery | undefined): string {
    const search = new URLSearchParams();
    for (const name of route.query) {
      const value = (query as Record<string, string | number | undefined> | undefined)?.[name];
      if (value !== undefined) search.set(name, String(value));
    }
    const path = `${this.basePath}${route.path.replace(':id', id ?? '')}`;
    return search.size > 0 ? `${path}?${search.toString()}` : path;
  }

  private async bearer(request: RequestWithPrincipal): Promise<string> {
    if (request.apiKey) {
      try {
        return await this.serviceToken.get();
      } catch (error) {
        if (!(error instanceof ServiceTokenUnavailableError)) throw error;
        this.logger.warn({ event: 'platform.service_token_unavailable', reason: error.message });
        throw new ApiError('upstream_unavailable');
      }
    }
    const principal = request.principal;
    if (!principal) throw new ApiError('unauthenticated');
    let token: string | null;
    try {
      token = await this.sessionTokens.accessToken(principal);
    } catch (error) {
      this.logger.warn({ event: 'platform.token_refresh_failed', err: error });
      throw new ApiError('upstream_unavailable');
    }
    // The provider refused to renew the token: the provider session is over, so is the portal's use of it.
    if (!token) throw new ApiError('unauthenticated');
    return token;
  }

  private fail(route: PlatformRoute, reason: string): void {
    this.logger.warn({ event: 'platform.upstream_failed', route: route.path, reason });
  }
}
