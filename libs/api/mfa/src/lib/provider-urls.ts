import type { ZitadelLoginUi } from '@aidial/api/core';

/**
 * The provider pages the portal links to (DESIGN.md §6, §12), built only from ZITADEL_ISSUER and what ZITADEL itself
 * told the portal at sign-in: never from a request's Host, X-Forwarded-Host, body or query.
 */
export const PROVIDER_PATHS = {
  /**
   * Login v2's "set up a second factor" page. It reads `sessionId` or `loginName` (never `login_hint`) and finds that
   * session among the login app's own cookies; without one it shows "Could not get the context of the user"
   * (`apps/login` `mfa/set`, `error.unknownContext`).
   */
  loginV2Setup: '/ui/v2/login/mfa/set',
  /** The console's page of the signed-in user: its MFA section adds and removes factors (both login UIs). */
  console: '/ui/console/users/me',
} as const;

/** What the portal knows of the user's sign-in at ZITADEL. */
export interface ProviderSignIn {
  /** The ID token's `sid`: with login v2, the login app's own session id. */
  readonly sessionId: string | null;
  /** The email ZITADEL gave at sign-in, the login name a login-v2 session is found by when there is no `sid`. */
  readonly loginName: string | null;
}

function under(issuer: URL, path: string): URL {
  return new URL(`${issuer.href.replace(/\/$/, '')}${path}`);
}

/**
 * Where a signed-in user sets up a second factor. Login v2: its `mfa/set` page for the session the user signed in to
 * the portal with (found by `sessionId`, else `loginName`). Login v1 has no such page outside a sign-in, so the console,
 * which signs the user in through the same single sign-on session.
 */
export function setupUrl(issuer: URL, loginUi: ZitadelLoginUi, signIn: ProviderSignIn): string {
  if (loginUi === 'v1' || (!signIn.sessionId && !signIn.loginName)) return under(issuer, PROVIDER_PATHS.console).href;
  const url = under(issuer, PROVIDER_PATHS.loginV2Setup);
  if (signIn.sessionId) url.searchParams.set('sessionId', signIn.sessionId);
  else if (signIn.loginName) url.searchParams.set('loginName', signIn.loginName);
  return url.href;
}

/** Where a user removes a factor: the console's page of the signed-in user, for either login UI. */
export function managementUrl(issuer: URL): string {
  return under(issuer, PROVIDER_PATHS.console).href;
}
