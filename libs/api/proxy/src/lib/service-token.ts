import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aidial/api/core';

/** Renew this long before the token's own expiry. */
const RENEWAL_MARGIN_MS = 60_000;
const PROVIDER_TIMEOUT_MS = 5_000;

export class ServiceTokenUnavailableError extends Error {}

/**
 * The platform token for API-key calls (they have no user session): an OAuth client-credentials token of the portal's
 * client from the identity provider's token endpoint (Zitadel's `/oauth/v2/token`), kept in memory until shortly
 * before it expires. One request at a time fetches it.
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
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: this.config.zitadelClientId,
          client_secret: this.config.zitadelClientSecret,
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
    const expiresIn = typeof body['expires_in'] === 'number' ? body['expires_in'] * 1000 : 5 * 60_000;
    this.cached = { token, renewAt: Date.now() + Math.max(expiresIn - RENEWAL_MARGIN_MS, 1_000) };
    return token;
  }
}
