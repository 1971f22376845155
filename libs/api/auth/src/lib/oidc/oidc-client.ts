import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aidial/api/core';
import { type JWTPayload, type JWTVerifyGetKey, createRemoteJWKSet, jwtVerify } from 'jose';

/** Why the provider could not be used: it did not answer, or answered with something we cannot trust. */
export class IdentityProviderUnavailableError extends Error {}

/** Why an ID token was refused; the reason goes to the log line, never to the browser. */
export class IdTokenRejectedError extends Error {}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
}

export interface VerifiedIdentity {
  readonly subject: string;
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly displayName: string | null;
  readonly amr: string[];
  readonly authTime: Date;
  readonly idpSessionId: string | null;
}

/** Signature algorithms accepted for ID tokens: asymmetric only (never `none`, never HS* keyed with the client secret). */
export const ID_TOKEN_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];
/** An ID token issued longer ago than this is stale, whatever its `exp` says. */
const MAX_ID_TOKEN_AGE_SECONDS = 10 * 60;
const CLOCK_TOLERANCE_SECONDS = 60;
const DISCOVERY_TTL_MS = 10 * 60 * 1000;
const PROVIDER_TIMEOUT_MS = 5_000;

/**
 * The audience rule for ZITADEL's ID tokens (DESIGN.md §2.1, §12). ZITADEL always names every application of the
 * project and the project itself (`internal/api/oidc/auth_request.go`, `audienceFromProjectID`), and always puts the
 * client id in `azp` (zitadel/oidc `NewIDTokenClaims`, `AppendClientIDToAudience`). So: our client id must be there; the
 * only other audience trusted is our project's id (the portal is the project's one application); and `azp` must say the
 * token was issued to us (OpenID Connect Core §3.1.3.7 items 4–5). jose has already checked the client id is in.
 */
export function checkAudience(payload: JWTPayload, trusted: { clientId: string; projectId: string }): void {
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(trusted.clientId)) throw new IdTokenRejectedError('ID token is not meant for this client');
  const untrusted = audiences.filter((audience) => audience !== trusted.clientId && audience !== trusted.projectId);
  if (untrusted.length > 0) throw new IdTokenRejectedError('ID token names an audience this client does not trust');
  const azp = payload['azp'];
  if (azp === undefined) throw new IdTokenRejectedError('ID token has no azp');
  if (azp !== trusted.clientId) throw new IdTokenRejectedError('ID token azp is another client');
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `expires_in` (seconds from now) as epoch seconds, or null when the provider did not say. */
function expiresAtOf(expiresIn: unknown): number | null {
  return typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0
    ? Math.floor(Date.now() / 1000) + Math.floor(expiresIn)
    : null;
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * The relying-party side of OpenID Connect against Zitadel (DESIGN.md §2.1): discovery pinned to ZITADEL_ISSUER,
 * authorization code with PKCE (S256) and nonce, client_secret_post, and every ID token verified with `jose`.
 * See docs/adr/0003 for why this is not passport-openidconnect.
 */
@Injectable()
export class OidcClient {
  private discovery: { value: Discovery; expires: number } | null = null;
  private jwks: { uri: string; keys: JWTVerifyGetKey } | null = null;
  private readonly expectedIssuer: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.expectedIssuer = config.zitadelIssuer.href.replace(/\/$/, '');
  }

  get redirectUri(): string {
    return new URL('/api/auth/callback', this.config.publicUrl).href;
  }

  get postLogoutRedirectUri(): string {
    return new URL('/sign-in?signed_out=1', this.config.publicUrl).href;
  }

  async metadata(): Promise<Discovery> {
    if (this.discovery && this.discovery.expires > Date.now()) return this.discovery.value;
    let document: Partial<Discovery>;
    try {
      const response = await fetch(`${this.expectedIssuer}/.well-known/openid-configuration`, {
        signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`discovery answered ${response.status}`);
      document = (await response.json()) as Partial<Discovery>;
    } catch (error) {
      throw new IdentityProviderUnavailableError(`discovery failed: ${(error as Error).message}`);
    }
    // A discovery document for another issuer stops the sign-in (mix-up defence).
    if (typeof document.issuer !== 'string' || document.issuer.replace(/\/$/, '') !== this.expectedIssuer) {
      throw new IdentityProviderUnavailableError(
        `discovery names issuer ${String(document.issuer)}, expected ${this.expectedIssuer}`,
      );
    }
    for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
      if (typeof document[field] !== 'string') throw new IdentityProviderUnavailableError(`discovery lacks ${field}`);
    }
    const value = document as Discovery;
    this.discovery = { value, expires: Date.now() + DISCOVERY_TTL_MS };
    return value;
  }

  async authorizationUrl(request: {
    state: string;
    nonce: string;
    codeChallenge: string;
    /** Sent as `login_hint` when known (a re-authentication of a user whose email the provider never gave has none). */
    loginHint: string | null;
    prompt?: 'login';
  }): Promise<string> {
    const { authorization_endpoint } = await this.metadata();
    const url = new URL(authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: this.config.zitadelClientId,
      redirect_uri: this.redirectUri,
      response_type: 'code',
      // offline_access: Zitadel issues a refresh token only when asked; the proxy renews the platform access token with it.
      scope: 'openid profile email offline_access',
      state: request.state,
      nonce: request.nonce,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
      ...(request.loginHint ? { login_hint: request.loginHint } : {}),
      ...(request.prompt ? { prompt: request.prompt } : {}),
    }).toString();
    return url.href;
  }

  /** Exchanges the code; returns the raw token response (ID token still unverified). */
  async exchangeCode(
    code: string,
    codeVerifier: string,
  ): Promise<{
    idToken: string;
    accessToken: string | null;
    refreshToken: string | null;
    accessTokenExpiresAt: number | null;
  }> {
    const { token_endpoint } = await this.metadata();
    let response: Response;
    try {
      response = await fetch(token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: this.redirectUri,
          code_verifier: codeVerifier,
          client_id: this.config.zitadelClientId,
          client_secret: this.config.zitadelClientSecret,
        }),
        signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      });
    } catch (error) {
      throw new IdentityProviderUnavailableError(`token endpoint unreachable: ${(error as Error).message}`);
    }
    if (response.status >= 500)
      throw new IdentityProviderUnavailableError(`token endpoint answered ${response.status}`);
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof body['id_token'] !== 'string') {
      throw new IdTokenRejectedError(
        `token endpoint refused the code (${response.status} ${String(body['error'] ?? '')})`,
      );
    }
    return {
      idToken: body['id_token'],
      accessToken: optionalString(body['access_token']),
      refreshToken: optionalString(body['refresh_token']),
      accessTokenExpiresAt: expiresAtOf(body['expires_in']),
    };
  }

  /**
   * Renews the access token with a refresh token (client_secret_post). Throws IdentityProviderUnavailableError when
   * the provider cannot answer, IdTokenRejectedError when it refuses the refresh token (expired, revoked).
   */
  async refresh(refreshToken: string): Promise<{
    idToken: string | null;
    accessToken: string;
    refreshToken: string | null;
    accessTokenExpiresAt: number | null;
  }> {
    const { token_endpoint } = await this.metadata();
    let response: Response;
    try {
      response = await fetch(token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: this.config.zitadelClientId,
          client_secret: this.config.zitadelClientSecret,
        }),
        signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      });
    } catch (error) {
      throw new IdentityProviderUnavailableError(`token endpoint unreachable: ${(error as Error).message}`);
    }
    if (response.status >= 500)
      throw new IdentityProviderUnavailableError(`token endpoint answered ${response.status}`);
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    const accessToken = optionalString(body['access_token']);
    if (!response.ok || !accessToken) {
      throw new IdTokenRejectedError(`refresh refused (${response.status} ${String(body['error'] ?? '')})`);
    }
    return {
      idToken: optionalString(body['id_token']),
      accessToken,
      refreshToken: optionalString(body['refresh_token']),
      accessTokenExpiresAt: expiresAtOf(body['expires_in']),
    };
  }

  async verifyIdToken(idToken: string, expectedNonce: string): Promise<VerifiedIdentity> {
    const discovery = await this.metadata();
    if (!this.jwks || this.jwks.uri !== discovery.jwks_uri) {
      this.jwks = {
        uri: discovery.jwks_uri,
        keys: createRemoteJWKSet(new URL(discovery.jwks_uri), { timeoutDuration: PROVIDER_TIMEOUT_MS }),
      };
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, this.jwks.keys, {
        issuer: discovery.issuer,
        audience: this.config.zitadelClientId,
        algorithms: ID_TOKEN_ALGORITHMS,
        maxTokenAge: MAX_ID_TOKEN_AGE_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'iat', 'exp', 'auth_time'],
      }));
    } catch (error) {
      throw new IdTokenRejectedError(`ID token refused: ${(error as Error).message}`);
    }
    checkAudience(payload, { clientId: this.config.zitadelClientId, projectId: this.config.zitadelProjectId });
    if (typeof payload['nonce'] !== 'string' || !sameString(payload['nonce'], expectedNonce)) {
      throw new IdTokenRejectedError('ID token nonce is missing or does not match');
    }
    const subject = optionalString(payload.sub);
    if (!subject) throw new IdTokenRejectedError('ID token has no subject');
    const authTime = payload['auth_time'];
    if (typeof authTime !== 'number' || authTime * 1000 > Date.now() + CLOCK_TOLERANCE_SECONDS * 1000) {
      throw new IdTokenRejectedError('ID token auth_time is missing or in the future');
    }
    // A missing or malformed amr counts as single-factor (ASVS 6.8.4): keep only string values.
    const amr = Array.isArray(payload['amr'])
      ? payload['amr'].filter((value): value is string => typeof value === 'string')
      : [];
    return {
      subject,
      email: optionalString(payload['email']),
      emailVerified: payload['email_verified'] === true,
      displayName: optionalString(payload['name']),
      amr,
      authTime: new Date(authTime * 1000),
      idpSessionId: optionalString(payload['sid']),
    };
  }

  async endSessionUrl(idTokenHint: string | null): Promise<string> {
    const { end_session_endpoint } = await this.metadata();
    const fallback = new URL('/sign-in?signed_out=1', this.config.publicUrl).href;
    if (!end_session_endpoint) return fallback;
    const url = new URL(end_session_endpoint);
    url.search = new URLSearchParams({
      client_id: this.config.zitadelClientId,
      post_logout_redirect_uri: this.postLogoutRedirectUri,
      ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
    }).toString();
    return url.href;
  }
}
