import { createRemoteJWKSet, errors, jwtVerify } from 'jose';

/** OpenID Connect Back-Channel Logout 1.0 §2.4: the event that makes a JWT a logout token. */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/**
 * `typ` values accepted. The spec recommends `logout+jwt` (§2.4, explicit typing); ZITADEL signs every JWT with
 * `typ: JWT` (internal/api/oidc/sign/signer.go `signerFromWebKey`: `WithType("JWT")`, used by
 * internal/notification/handlers/back_channel_logout_worker.go). A token without `typ` is allowed, as the spec allows;
 * any other type (an access token's `at+jwt`, …) is refused.
 */
const ACCEPTED_TYPES = new Set(['logout+jwt', 'application/logout+jwt', 'jwt']);

/** Signatures accepted: asymmetric only, as for ID tokens (never `none`, never an HMAC keyed by a public value). */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** A logout token older than this (by `iat`) is refused; ZITADEL mints a fresh one at every delivery attempt. */
export const LOGOUT_TOKEN_MAX_AGE_SECONDS = 300;
const CLOCK_TOLERANCE_SECONDS = 30;

export class LogoutTokenRejectedError extends Error {}

/** What a valid logout token names: the provider's session, its subject, or both. */
export interface LogoutRequest {
  readonly sid: string | null;
  readonly sub: string | null;
}

/**
 * Validates a logout token as §2.6 says: signed by the issuer's key (its JWKS from discovery), `iss` the pinned issuer,
 * `aud` containing our client id, `iat` present and recent, `events` holding the back-channel logout event as an
 * object, no `nonce`, and `sid` or `sub`. Throws LogoutTokenRejectedError with the reason (for the log, not the caller).
 */
export class LogoutTokenVerifier {
  private jwks: { uri: string; keys: ReturnType<typeof createRemoteJWKSet> } | null = null;

  constructor(
    private readonly clientId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async verify(token: string, provider: { readonly issuer: string; readonly jwksUri: string }): Promise<LogoutRequest> {
    if (this.jwks?.uri !== provider.jwksUri) {
      this.jwks = { uri: provider.jwksUri, keys: createRemoteJWKSet(new URL(provider.jwksUri)) };
    }
    let verified;
    try {
      verified = await jwtVerify(token, this.jwks.keys, {
        issuer: provider.issuer,
        audience: this.clientId,
        algorithms: ALGORITHMS,
        requiredClaims: ['iat'],
        maxTokenAge: LOGOUT_TOKEN_MAX_AGE_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: this.now(),
      });
    } catch (error) {
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) {
        throw new LogoutTokenRejectedError(`${error.code}: ${error.message}`);
      }
      throw error;
    }
    const { payload, protectedHeader } = verified;
    const typ = protectedHeader.typ?.toLowerCase();
    if (typ !== undefined && !ACCEPTED_TYPES.has(typ)) throw new LogoutTokenRejectedError(`typ ${typ.slice(0, 40)}`);
    if ((payload.iat ?? 0) > this.now().getTime() / 1000 + CLOCK_TOLERANCE_SECONDS) {
      throw new LogoutTokenRejectedError('iat in the future');
    }
    const events = payload['events'];
    const event = isObject(events) ? events[BACKCHANNEL_LOGOUT_EVENT] : undefined;
    if (!isObject(event)) throw new LogoutTokenRejectedError('events lacks the back-channel logout event object');
    if ('nonce' in payload) throw new LogoutTokenRejectedError('nonce present');
    const sid = nonEmpty(payload['sid']);
    const sub = nonEmpty(payload.sub);
    if (!sid && !sub) throw new LogoutTokenRejectedError('neither sid nor sub');
    return { sid, sub };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 255 ? value : null;
}
