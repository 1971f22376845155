/** What the callback knows about one sign-in when it asks for the MFA snapshot. */
export interface MfaSignIn {
  readonly userId: string;
  /** The provider's user id (the ID token's `sub`, which is Zitadel's user id). */
  readonly idpSubject: string;
  /** The ID token's `sid`, the provider's session (null when it sent none). */
  readonly idpSessionId: string | null;
  /** The ID token's `amr`, strings only (a missing or malformed `amr` is empty: single-factor). */
  readonly amr: readonly string[];
}

/**
 * The provider answered that the API may not read this user's MFA state (its service account lacks instance-wide
 * rights, docs/operators.md). A deployment fault: the sign-in ends as `session_validation_unavailable` rather than
 * carrying on with an `unknown` that would hide it.
 */
export class MfaStateForbiddenError extends Error {}
