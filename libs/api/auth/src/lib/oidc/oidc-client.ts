import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aidial/api/core';
import { type JWTPayload, decodeProtectedHeader } from 'jose';
import * as openid from 'openid-client';

/** Why the provider could not be used: it did not answer, or answered with something we cannot trust. */
export class IdentityProviderUnavailableError extends Error {}

/** Why an ID token (or the provider's answer carrying it) was refused; the reason goes to the log line, never to the browser. */
export class IdTokenRejectedError extends Error {}

/** What the portal reads of the provider's discovery document. */
export interface ProviderMetadata {
  readonly issuer: string;
  readonly jwksUri: string;
  readonly endSessionEndpoint: string | null;
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

export interface ProviderTokenSet {
  readonly idToken: string;
  readonly accessToken: string | null;
  readonly refreshToken: string | null;
  readonly accessTokenExpiresAt: number | null;
}

/** What the sign-in attempt kept for its callback (DESIGN.md §2.1): the checks the answer must pass. */
export interface AuthorizationChecks {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** A step-up's `max_age`: the ID token's `auth_time` must be at most this many seconds old. */
  readonly maxAgeSeconds: number | null;
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
const PROVIDER_TIMEOUT_SECONDS = 5;
/** The scopes of every sign-in. offline_access: ZITADEL issues a refresh token only when asked (the proxy renews with it). */
const SCOPES = 'openid profile email offline_access';

/**
 * The audience rule for ZITADEL's ID tokens (DESIGN.md §2.1, §12). ZITADEL always names every application of the
 * project and the project itself (`internal/api/oidc/auth_request.go`, `audienceFromProjectID`), and always puts the
 * client id in `azp` (zitadel/oidc `NewIDTokenClaims`, `AppendClientIDToAudience`). So: our client id must be there; the
 * only other audience trusted is our project's id (the portal is the project's one application); and `azp` must say the
 * token was issued to us (OpenID Connect Core §3.1.3.7 items 4–5). openid-client checks the first and `azp`; the
 * trusted-audience rule is ours.
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

/**
 * The checks of DESIGN.md §2.1 that openid-client does not make itself, on a token it has already verified (signature,
 * issuer, audience containing the client, `azp`, `exp`, `iat` not in the future, `sub`, `nonce`, `auth_time` against
 * `max_age`): the algorithm allow-list, the trusted-audience rule, the maximum `iat` age and `auth_time` present and not
 * in the future.
 */
export function checkIdToken(
  idToken: string,
  claims: JWTPayload,
  trusted: { clientId: string; projectId: string },
  now = Date.now(),
): void {
  const { alg } = decodeProtectedHeader(idToken);
  if (typeof alg !== 'string' || !ID_TOKEN_ALGORITHMS.includes(alg)) {
    throw new IdTokenRejectedError(`ID token signed with ${String(alg)}, which is not accepted`);
  }
  checkAudience(claims, trusted);
  if (typeof claims.iat !== 'number' || claims.iat * 1000 < now - MAX_ID_TOKEN_AGE_SECONDS * 1000) {
    throw new IdTokenRejectedError('ID token was issued too long ago');
  }
  const authTime = claims['auth_time'];
  if (typeof authTime !== 'number' || authTime * 1000 > now + CLOCK_TOLERANCE_SECONDS * 1000) {
    throw new IdTokenRejectedError('ID token auth_time is missing or in the future');
  }
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** `expires_in` (seconds from now) as epoch seconds, or null when the provider did not say. */
function expiresAtOf(expiresIn: number | undefined): number | null {
  return typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0
    ? Math.floor(Date.now() / 1000) + Math.floor(expiresIn)
    : null;
}

/** The error and its causes, outermost first (openid-client may wrap fetch's failure in a ClientError). */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; typeof current === 'object' && current !== null && chain.length < 5;) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/**
 * fetch's own failure (refused connection, DNS, reset: a TypeError "fetch failed") or a timeout. By name, not by
 * class: fetch's errors may come from another realm than this module's globals (a test runner's vm).
 */
function isTransportFailure(error: unknown): boolean {
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'TimeoutError' || name === 'AbortError' || (name === 'TypeError' && message === 'fetch failed');
}

/**
 * Sorts what openid-client threw into the two answers the portal gives: the provider could not be reached or broke
 * (no answer, a timeout, a 5xx, a body that is not JSON), or it answered and we refused the answer (a 4xx such as
 * `invalid_grant`, any failed check).
 */
export function classifyProviderError(error: unknown, step: string): Error {
  if (error instanceof IdentityProviderUnavailableError || error instanceof IdTokenRejectedError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const unavailable = new IdentityProviderUnavailableError(`${step}: ${detail}`);
  if (causeChain(error).some(isTransportFailure)) return unavailable;
  if (error instanceof openid.ResponseBodyError) {
    return error.status >= 500 ? unavailable : new IdTokenRejectedError(`${step}: ${error.error} (${error.status})`);
  }
  if (error instanceof openid.ClientError) {
    if (error.code === 'OAUTH_RESPONSE_IS_NOT_JSON') return unavailable;
    const status = (error.cause as { status?: unknown } | undefined)?.status;
    if (error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' && typeof status === 'number' && status >= 500) {
      return unavailable;
    }
  }
  return new IdTokenRejectedError(`${step}: ${detail}`);
}

/**
 * The relying-party side of OpenID Connect against ZITADEL (DESIGN.md §2.1, ADR 3), on `openid-client` (OpenID
 * Certified): discovery pinned to ZITADEL_ISSUER, authorization code with PKCE (S256), `state` and `nonce`,
 * client_secret_post, every ID token's signature checked against the issuer's JWKS, refresh and end-session. The
 * checks the library does not make are kept around it (`checkIdToken`). The single-use, browser-bound state lives in
 * the sign-in attempt (SignInService), not here.
 */
@Injectable()
export class OidcClient {
  private configuration: { value: openid.Configuration; expires: number } | null = null;
  private readonly issuer: URL;
  private readonly trusted: { clientId: string; projectId: string };

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.issuer = config.zitadelIssuer;
    this.trusted = { clientId: config.zitadelClientId, projectId: config.zitadelProjectId };
  }

  get redirectUri(): string {
    return new URL('/api/auth/callback', this.config.publicUrl).href;
  }

  get postLogoutRedirectUri(): string {
    return new URL('/sign-in?signed_out=1', this.config.publicUrl).href;
  }

  /** The provider's configuration, discovered at first use and again every ten minutes (key rotation, endpoint moves). */
  private async provider(): Promise<openid.Configuration> {
    if (this.configuration && this.configuration.expires > Date.now()) return this.configuration.value;
    let value: openid.Configuration;
    try {
      value = await openid.discovery(
        this.issuer,
        this.config.zitadelClientId,
        // ZITADEL's web application with "POST" authentication; `auth_time` in every ID token (OpenID Connect Core §2).
        { require_auth_time: true, [openid.clockTolerance]: CLOCK_TOLERANCE_SECONDS },
        openid.ClientSecretPost(this.config.zitadelClientSecret),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          // Plain HTTP only for an issuer the configuration itself names with http: (the local stand-in on loopback).
          ...(this.issuer.protocol === 'http:' ? { execute: [openid.allowInsecureRequests] } : {}),
        },
      );
    } catch (error) {
      // A discovery document for another issuer is refused by the library (mix-up defence); any failure here means
      // the provider cannot be used now.
      throw new IdentityProviderUnavailableError(`discovery failed: ${(error as Error).message}`);
    }
    // ID-token signatures are checked against the issuer's JWKS even though the token comes straight from the token
    // endpoint over TLS (OpenID Connect Core §3.1.3.7 item 6 would allow skipping it; DESIGN.md §2.1 does not).
    openid.enableNonRepudiationChecks(value);
    this.configuration = { value, expires: Date.now() + DISCOVERY_TTL_MS };
    return value;
  }

  async metadata(): Promise<ProviderMetadata> {
    const server = (await this.provider()).serverMetadata();
    if (!server.jwks_uri) throw new IdentityProviderUnavailableError('discovery lacks jwks_uri');
    return { issuer: server.issuer, jwksUri: server.jwks_uri, endSessionEndpoint: server.end_session_endpoint ?? null };
  }

  async authorizationUrl(request: {
    state: string;
    nonce: string;
    codeVerifier: string;
    /** Sent as `login_hint` when known (a re-authentication of a user whose email the provider never gave has none). */
    loginHint: string | null;
    prompt?: 'login';
    /** `max_age` (seconds): the provider must have authenticated the user at most this long ago (a step-up sends 0). */
    maxAgeSeconds?: number | null;
  }): Promise<string> {
    const configuration = await this.provider();
    const parameters: Record<string, string> = {
      redirect_uri: this.redirectUri,
      scope: SCOPES,
      state: request.state,
      nonce: request.nonce,
      code_challenge: await openid.calculatePKCECodeChallenge(request.codeVerifier),
      code_challenge_method: 'S256',
    };
    if (request.loginHint) parameters['login_hint'] = request.loginHint;
    if (request.prompt) parameters['prompt'] = request.prompt;
    if (request.maxAgeSeconds !== null && request.maxAgeSeconds !== undefined) {
      parameters['max_age'] = String(request.maxAgeSeconds);
    }
    try {
      return openid.buildAuthorizationUrl(configuration, parameters).href;
    } catch (error) {
      throw new IdentityProviderUnavailableError(`authorization endpoint unusable: ${(error as Error).message}`);
    }
  }

  /**
   * The callback's answer (every query parameter as the provider sent it, `iss` included) exchanged for tokens, the
   * ID token verified by openid-client and then by `checkIdToken`.
   */
  async completeAuthorization(
    callbackParameters: URLSearchParams,
    checks: AuthorizationChecks,
  ): Promise<{ identity: VerifiedIdentity; tokens: ProviderTokenSet }> {
    const configuration = await this.provider();
    const callbackUrl = new URL(this.redirectUri);
    callbackUrl.search = callbackParameters.toString();
    let response: Awaited<ReturnType<typeof openid.authorizationCodeGrant>>;
    try {
      response = await openid.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
        ...(checks.maxAgeSeconds !== null ? { maxAge: checks.maxAgeSeconds } : {}),
      });
    } catch (error) {
      throw classifyProviderError(error, 'code exchange');
    }
    const claims = response.claims();
    if (!response.id_token || !claims) throw new IdTokenRejectedError('token endpoint answered without an ID token');
    checkIdToken(response.id_token, claims, this.trusted);
    // A missing or malformed amr counts as single-factor (ASVS 6.8.4): keep only string values.
    const amr = Array.isArray(claims['amr'])
      ? claims['amr'].filter((value): value is string => typeof value === 'string')
      : [];
    return {
      identity: {
        subject: claims.sub,
        email: optionalString(claims['email']),
        emailVerified: claims['email_verified'] === true,
        displayName: optionalString(claims['name']),
        amr,
        authTime: new Date((claims.auth_time as number) * 1000),
        idpSessionId: optionalString(claims['sid']),
      },
      tokens: {
        idToken: response.id_token,
        accessToken: optionalString(response.access_token),
        refreshToken: optionalString(response.refresh_token),
        accessTokenExpiresAt: expiresAtOf(response.expires_in),
      },
    };
  }

  /**
   * Renews the access token with a refresh token. Throws IdentityProviderUnavailableError when the provider cannot
   * answer, IdTokenRejectedError when it refuses the refresh token (expired, revoked) or its answer fails a check.
   */
  async refresh(refreshToken: string): Promise<{
    idToken: string | null;
    accessToken: string;
    refreshToken: string | null;
    accessTokenExpiresAt: number | null;
  }> {
    const configuration = await this.provider();
    let response: Awaited<ReturnType<typeof openid.refreshTokenGrant>>;
    try {
      response = await openid.refreshTokenGrant(configuration, refreshToken);
    } catch (error) {
      throw classifyProviderError(error, 'refresh');
    }
    const accessToken = optionalString(response.access_token);
    if (!accessToken) throw new IdTokenRejectedError('refresh answered without an access token');
    const claims = response.claims();
    if (response.id_token && claims) checkAudience(claims, this.trusted);
    return {
      idToken: optionalString(response.id_token),
      accessToken,
      refreshToken: optionalString(response.refresh_token),
      accessTokenExpiresAt: expiresAtOf(response.expires_in),
    };
  }

  /** Where the browser ends the provider's session (RP-initiated logout), or the sign-in page when it has no such endpoint. */
  async endSessionUrl(idTokenHint: string | null): Promise<string> {
    const configuration = await this.provider();
    if (!configuration.serverMetadata().end_session_endpoint) return this.postLogoutRedirectUri;
    return openid.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: this.postLogoutRedirectUri,
      ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
    }).href;
  }
}
