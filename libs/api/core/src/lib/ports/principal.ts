/** Who is calling, once the session cookie has been checked. Filled by the guard chain; read with `@CurrentPrincipal()`. */
export interface SessionPrincipal {
  readonly kind: 'session';
  readonly sessionId: string;
  readonly userId: string;
  readonly tenantId: string;
  readonly idpSubject: string;
  readonly amr: readonly string[];
  readonly authTime: Date;
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
}

export type Principal = SessionPrincipal;

/** Implemented by the auth module: turns a request's session cookie into a principal, or null (no, expired, revoked or unknown session). */
export interface SessionAuthenticator {
  authenticate(request: import('express').Request): Promise<SessionPrincipal | null>;
}

export const SESSION_AUTHENTICATOR = Symbol('SESSION_AUTHENTICATOR');
