/** The portal's own pages that the access rules send people to (DESIGN.md §5, "portal shows"). */
export const SIGN_IN_PATH = '/sign-in';
export const ACCESS_DENIED_PATH = '/access-denied';
/** Not a route of its own: the shell's catch-all renders the not-found page for it, and for any unknown address. */
export const NOT_FOUND_PATH = '/not-found';

/** `/sign-in?return_to=/calls` — the page to come back to after signing in. */
export const RETURN_TO_PARAM = 'return_to';

/** The variants of the access-denied page (spec/02, "Common Access Issues"); `/access-denied?reason=<reason>`. */
export const ACCESS_DENIED_REASONS = [
  'no_membership',
  'role_not_recognised',
  'tenant_suspended',
  'session_validation_unavailable',
] as const;

export type AccessDeniedReason = (typeof ACCESS_DENIED_REASONS)[number];

export function isAccessDeniedReason(value: unknown): value is AccessDeniedReason {
  return typeof value === 'string' && (ACCESS_DENIED_REASONS as readonly string[]).includes(value);
}
