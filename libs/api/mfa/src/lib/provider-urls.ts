/**
 * The provider pages the portal links to (DESIGN.md §6, §12), built only from ZITADEL_ISSUER: never from a request's
 * Host, X-Forwarded-Host, body or query. The login hint is the email the provider itself gave (a database copy).
 */
export const PROVIDER_PATHS = {
  /** The login app's "set up a second factor" page. */
  setup: '/ui/v2/login/mfa/set',
  /** The console's MFA management, where a factor is removed. */
  management: '/ui/console/users/me',
} as const;

function providerUrl(issuer: URL, path: string, loginHint: string | null): string {
  const url = new URL(`${issuer.href.replace(/\/$/, '')}${path}`);
  if (loginHint) url.searchParams.set('login_hint', loginHint);
  return url.href;
}

export function setupUrl(issuer: URL, loginHint: string | null): string {
  return providerUrl(issuer, PROVIDER_PATHS.setup, loginHint);
}

export function disableUrl(issuer: URL, loginHint: string | null): string {
  return providerUrl(issuer, PROVIDER_PATHS.management, loginHint);
}
