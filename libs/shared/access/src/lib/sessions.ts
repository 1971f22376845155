/**
 * Why a session ended, as its row and the user's "Ended sessions" history say. Set once, when the session ends; a live
 * session has none. The portal words each one (libs/portal/settings); docs/sessions.md describes them.
 */
export const SESSION_END_REASONS = [
  /** The user signed out of this browser. */
  'signed_out',
  /** The user revoked this session from their own session list (possibly from another browser). */
  'revoked_by_user',
  /** The user chose "Sign out everywhere else" in another session. */
  'signed_out_elsewhere',
  /** A new sign-in in the same browser replaced it (a fresh session id at every privilege change). */
  'replaced',
  /** An AiDial administrator revoked the user's or the tenant's sessions, with a note. */
  'revoked_by_admin',
  /** A client administrator of the user's tenant revoked the member's sessions, with a note. */
  'revoked_by_tenant_admin',
  /** The tenant was suspended. */
  'tenant_suspended',
  /** The user's role in the tenant changed. */
  'role_changed',
  /** The user's membership in the tenant was removed. */
  'membership_removed',
  /** No request within the idle lifetime. */
  'idle_timeout',
  /** The absolute lifetime since sign-in was reached. */
  'absolute_timeout',
  /** The user signed out at the identity provider, which told the portal (OpenID Connect Back-Channel Logout). */
  'provider_signed_out',
  /** A sign-in showed the user's second factors had changed at the provider: their other sessions ended. */
  'factors_changed',
] as const;

export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** The longest note an administrator may give when revoking sessions (shown to the user in their history). */
export const SESSION_REVOCATION_NOTE_MAX_LENGTH = 500;
