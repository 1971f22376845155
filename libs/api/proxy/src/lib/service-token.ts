import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aidial/api/core';

/** Renew this long before the token's own expiry. */
const RENEWAL_MARGIN_MS = 60_000;
const PROVIDER_TIMEOUT_MS = 5_000;

export class ServiceTokenUnavailableError extends Error {}

/** `client_secret_basic` (RFC 6749 §2.3.1): each part form-encoded before the base64. */
function basicCredentials(clientId: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

/**
 * The scope that puts a ZITADEL project in an access token's audience (ZITADEL's reserved scope
 * `urn:zitadel:iam:org:project:id:{projectId}:aud`); without it a client-credentials token names no project.
 */
export function projectAudienceScope(projectId: string): string {
  return `urn:zitadel:iam:org:project:id:${projectId}:aud`;
}

/**
 * The platform token for API-key calls (they have no user session): a client-credentials token of the service account
 * from ZITADEL's `/oauth/v2/token`, kept in memory until shortly before it expires; one request at a time fetches it.
 * ZITADEL grants client_credentials only to a machine user with its own client secret (`client_credentials.go`:
 * `GetUserByLoginName(…, clientID)`), never to the portal's web application, and refuses an empty scope; the project
 * audience the platform API checks comes only from {@link projectAudienceScope}.
 */
@Injectable()
export class PlatformServiceToken {
  private cached: { token: string; renewAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async get(): Promise<string> {
    if (this.cached && this.cached.renewAt > Date.now()) return this.cached.token;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const endpoint = new URL('/oauth/v2/token', this.config.zitadelIssuer);
    let body: Record<string, unknown>;
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          authorization: basicCredentials(this.config.zitadelServiceClientId, this.config.zitadelServiceClientSecret),
        },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          scope: `openid ${projectAudienceScope(this.config.zitadelProjectId)}`,
        }),
        signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      });
      body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (!response.ok) throw new Error(`token endpoint answered ${response.status} ${String(body['error'] ?? '')}`);
    } catch (error) {
      throw new ServiceTokenUnavailableError(`client-credentials token: ${(error as Error).message}`);
    }
    const token = body['access_token'];
    if (typeof token !== 'string' || token === '') throw new ServiceTokenUnavailableError('no access_token');
    // The platform verifies a JWT by itself; ZITADEL gives a machine user opaque tokens unless its access token type
    // is set to JWT (docs/operators.md), which is a deployment fault to name, not a token to pass on.
    if (token.split('.').length !== 3) {
      throw new ServiceTokenUnavailableError(
        "ZITADEL issued an opaque token: set the service account's access token type to JWT (docs/operators.md)",
      );
    }
    const expiresIn = typeof body['expires_in'] === 'number' ? body['expires_in'] * 1000 : 5 * 60_000;
    this.cached = { token, renewAt: Date.now() + Math.max(expiresIn - RENEWAL_MARGIN_MS, 1_000) };
    return token;
  }
}
