import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, ApiError, type AppConfig, type RequestWithPrincipal, requestIdOf } from '@aidial/api/core';
import { SessionTokens } from '@aidial/api/auth';
import type { PlatformQuery } from './dto/platform-queries.dto';
import { PLATFORM_ID, type PlatformRoute } from './platform-routes';
import { platformScopeOf } from './platform-scope';
import { PlatformServiceToken, ServiceTokenUnavailableError } from './service-token';
import { returnedResponseHeaders, upstreamRequestHeaders } from './upstream-headers';

/** The largest platform answer passed on; a bigger one is 502 `upstream_unavailable` (and never held whole in memory). */
export const PLATFORM_RESPONSE_LIMIT_BYTES = 1024 * 1024;

export interface PlatformAnswer {
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

class ResponseTooLargeError extends Error {}

/**
 * The transport to the AiDial platform API (DESIGN.md §3, `proxy`): one allow-listed route at a time, with the bearer
 * of the caller's session (renewed when expired) or, for API keys, the service token; the scope headers from the
 * server-resolved access context; AIDIAL_API_TIMEOUT_MS for the whole exchange; and every upstream failure mapped to the
 * error envelope (timeout 504 `upstream_timeout`; 5xx, unreachable, refused token, oversized or non-JSON answer 502
 * `upstream_unavailable`; 404 `not_found`). Nothing of the upstream's own errors, hosts or headers reaches the caller.
 */
@Injectable()
export class PlatformProxy {
  private readonly logger = new Logger('PlatformProxy');
  private readonly base: URL;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly serviceToken: PlatformServiceToken,
    private readonly sessionTokens: SessionTokens,
  ) {
    const href = config.aidialApiBaseUrl.href;
    this.base = new URL(href.endsWith('/') ? href : `${href}/`);
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
    const url = new URL(route.path.replace(':id', id ?? ''), this.base);
    for (const name of route.query) {
      const value = (query as Record<string, string | number | undefined> | undefined)?.[name];
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const bearer = await this.bearer(request);
    const headers = upstreamRequestHeaders(request.headers, scope, bearer, requestIdOf(request));

    let response: Response;
    let raw: Buffer;
    try {
      response = await fetch(url, {
        method: 'GET',
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.aidialApiTimeoutMs),
      });
      raw = await readLimited(response, PLATFORM_RESPONSE_LIMIT_BYTES);
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        this.fail(route, 'timeout');
        throw new ApiError('upstream_timeout');
      }
      this.fail(route, error instanceof ResponseTooLargeError ? 'too_large' : 'unreachable');
      throw new ApiError('upstream_unavailable');
    }
    if (response.status === 404) throw new ApiError('not_found');
    if (response.status < 200 || response.status >= 300) {
      this.fail(route, `status_${response.status}`);
      throw new ApiError('upstream_unavailable');
    }
    let body: unknown;
    try {
      if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers.get('content-type') ?? '')) throw new Error();
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      this.fail(route, 'not_json');
      throw new ApiError('upstream_unavailable');
    }
    return { headers: returnedResponseHeaders(response.headers), body };
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

/** The body, refusing (and cancelling the download) once it passes `limit` bytes. */
async function readLimited(response: Response, limit: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw new ResponseTooLargeError();
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ResponseTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
