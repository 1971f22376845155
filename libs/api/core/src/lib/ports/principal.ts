import type { ApiKeyScope, MfaSnapshot, Role } from '@aidial/shared/access';
import type { AccessContext } from './access-context';

/** Who is calling, once the session cookie has been checked. Filled by the guard chain; read with `@CurrentPrincipal()`. */
export interface SessionPrincipal {
  readonly kind: 'session';
  readonly sessionId: string;
  readonly userId: string;
  readonly tenantId: string;
  /** The client tenant a partner chose in the header's client selector (kept in the session), or null. */
  readonly selectedClientId: string | null;
  readonly idpSubject: string;
  /** The provider's session of this sign-in (the ID token's `sid`; with login v2, ZITADEL's v2 session id), or null. */
  readonly idpSessionId: string | null;
  readonly amr: readonly string[];
  readonly authTime: Date;
  /** The MFA snapshot taken at this sign-in (docs/mfa.md); null for a session made before snapshots were kept. */
  readonly mfa: MfaSnapshot | null;
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
}

export type Principal = SessionPrincipal;

/** Implemented by the sessions module: turns a request's session cookie into a principal, or null (no, expired, revoked or unknown session). */
export interface SessionAuthenticator {
  authenticate(request: import('express').Request): Promise<SessionPrincipal | null>;
}

export const SESSION_AUTHENTICATOR = Symbol('SESSION_AUTHENTICATOR');

/**
 * Who is calling `/v1`, once the `X-API-Key` header has been checked: one API key of one tenant. Filled by the guard
 * chain (request.apiKey); read with `@CurrentApiKey()`.
 */
export interface ApiKeyPrincipal {
  readonly kind: 'api_key';
  readonly keyId: string;
  readonly publicId: string;
  readonly name: string;
  readonly tenantId: string;
  readonly scopes: readonly ApiKeyScope[];
  /**
   * A partner key's client as it was granted, or null. Whether the partner still manages it (and it is active) is in
   * the access context's `client`, re-checked on every request.
   */
  readonly clientId: string | null;
  /** The projects the key is limited to, or null for every project its tenant (or client) lets it see. */
  readonly projectIds: readonly string[] | null;
  readonly expiresAt: Date;
  /** The role of the person who made the key: the key never reaches beyond it (re-checked section by section). */
  readonly creatorRole: Role;
}

/** Why a key was not accepted. Every `invalid` answer has the same bytes: missing, malformed, unknown, wrong, expired, revoked. */
export type ApiKeyAuthentication =
  | {
      readonly ok: true;
      readonly principal: ApiKeyPrincipal;
      readonly context: AccessContext;
    }
  | { readonly ok: false; readonly refusal: 'invalid' | 'tenant_suspended' };

/** Implemented by the integrations module: checks an `X-API-Key` value (undefined when the header is absent). */
export interface ApiKeyAuthenticator {
  authenticate(key: string | undefined): Promise<ApiKeyAuthentication>;
}

export const API_KEY_AUTHENTICATOR = Symbol('API_KEY_AUTHENTICATOR');
