import { Inject, Injectable } from '@nestjs/common';
import type { SessionPrincipal } from '@aidial/api/core';
import { type ProviderTokens, SessionStore } from '@aidial/api/sessions';
import { DataSource } from 'typeorm';
import { IdentityProviderUnavailableError, OidcClient } from './oidc/oidc-client';

/** An access token this close to its expiry is renewed before use, so it does not expire on its way to the platform. */
export const ACCESS_TOKEN_RENEWAL_MARGIN_SECONDS = 30;

/** When the access token expires, in epoch seconds: as the token response said, else the JWT's `exp`, else unknown. */
export function accessTokenExpiry(tokens: ProviderTokens): number | null {
  if (typeof tokens.accessTokenExpiresAt === 'number') return tokens.accessTokenExpiresAt;
  const payload = tokens.accessToken?.split('.')[1];
  if (!payload) return null;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

function needsRenewal(tokens: ProviderTokens): boolean {
  const expiry = accessTokenExpiry(tokens);
  return expiry !== null && expiry - ACCESS_TOKEN_RENEWAL_MARGIN_SECONDS <= Date.now() / 1000;
}

/**
 * A session's provider access token, for the platform API (the proxy's `/api/platform`). Renewed with the refresh token
 * when it expires within the margin, under a row lock so concurrent requests of one session refresh once; the new
 * tokens are sealed back into the session. Null without a token, or when the provider refuses the refresh; a provider
 * outage throws (the proxy answers 502).
 */
@Injectable()
export class SessionTokens {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    private readonly oidc: OidcClient,
  ) {}

  async accessToken(principal: SessionPrincipal): Promise<string | null> {
    const current = await this.sessions.providerTokens(undefined, principal.sessionId);
    if (!current?.accessToken) return null;
    if (!needsRenewal(current)) return current.accessToken;
    if (!current.refreshToken) return null;
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.sessions.providerTokens(manager, principal.sessionId, true);
      if (!locked?.accessToken) return null;
      if (!needsRenewal(locked)) return locked.accessToken; // another request renewed it meanwhile
      if (!locked.refreshToken) return null;
      let renewed: Awaited<ReturnType<OidcClient['refresh']>>;
      try {
        renewed = await this.oidc.refresh(locked.refreshToken);
      } catch (error) {
        if (error instanceof IdentityProviderUnavailableError) throw error;
        return null;
      }
      const tokens: ProviderTokens = {
        idToken: renewed.idToken ?? locked.idToken,
        accessToken: renewed.accessToken,
        refreshToken: renewed.refreshToken ?? locked.refreshToken,
        accessTokenExpiresAt: renewed.accessTokenExpiresAt,
      };
      await this.sessions.storeProviderTokens(manager, principal.sessionId, tokens);
      return tokens.accessToken;
    });
  }
}
