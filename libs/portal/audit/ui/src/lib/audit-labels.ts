/** Each event type in words, as the Audit Log shows it (docs/audit.md "Event types"). */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_out': 'Signed out',
  'auth.session.revoked': 'Revoked one of their sessions',
  'auth.session.revoked_others': 'Signed out everywhere else',
  'auth.session.provider_logout': 'Signed out at the sign-in service',
  'mfa.setup_opened': 'Opened MFA setup',
  'mfa.status_refresh_started': 'Refreshed their security status',
  'mfa.recovery_codes.stored': 'Confirmed storing recovery codes',
  'mfa.recovery_codes.reviewed': 'Confirmed reviewing recovery codes',
  'mfa.recovery_codes.regenerated': 'Declared new recovery codes',
  'mfa.disable_opened': 'Opened MFA management to disable',
  'mfa.factors_changed': 'Sign-in methods changed; other sessions ended',
  'mfa.sms_otp.enrolment': 'SMS one-time code enrolment',
  'support.ticket.created': 'Created a support ticket',
  'support.ticket.refused': 'A support ticket was refused',
  'tenancy.client.selected': 'Selected a client',
  'tenancy.client.cleared': 'Cleared the client selection',
  'tenancy.invitation.created': 'Invited a member',
  'tenancy.invitation.revoked': 'Revoked an invitation',
  'tenancy.member.role_changed': "Changed a member's role",
  'tenancy.member.removed': 'Removed a member',
  'tenancy.member.sessions_revoked': 'Signed a member out',
  'admin.tenant.created': 'Created a tenant',
  'admin.tenant.status_changed': "Changed a tenant's status",
  'admin.tenant.sms_otp_changed': 'Changed SMS one-time codes for a tenant',
  'admin.tenant.mfa_policy_changed': "Changed a tenant's MFA policy",
  'admin.membership.assigned': 'Assigned a role',
  'admin.membership.removed': 'Removed a membership',
  'admin.user.sessions_revoked': 'Signed a user out everywhere',
  'admin.tenant.sessions_revoked': "Signed out a tenant's members",
  'access.denied': 'Was denied access',
  'integrations.api_key.created': 'Created an API key',
  'integrations.api_key.rotated': 'Rotated an API key',
  'integrations.api_key.revoked': 'Revoked an API key',
  'integrations.api_key.rejected': 'An API key was refused',
};

export const AUDIT_OUTCOME_LABELS: Readonly<Record<string, string>> = {
  success: 'Success',
  denied: 'Denied',
  failure: 'Failure',
};

/** What an event is about (`target_type`), in words. */
export const AUDIT_TARGET_TYPE_LABELS: Readonly<Record<string, string>> = {
  user: 'User',
  session: 'Session',
  tenant: 'Tenant',
  invitation: 'Invitation',
  membership: 'Membership',
  api_key: 'API key',
  route: 'Route',
  ticket: 'Support ticket',
};

/** Why the integrity check stopped at a row (`first_broken.reason`). */
export const BROKEN_LINK_REASON_LABELS: Readonly<Record<string, string>> = {
  hash_mismatch: "the event's content no longer matches its hash: it was altered",
  prev_hash_mismatch: 'the event does not point to the event before it: re-hashed or inserted out of line',
  seq_gap: 'events before this one are missing',
  previous_row_missing: 'the first event checked has neither its predecessor nor a retention checkpoint',
};

/** The words for a value, or the value itself when it has none (an event type newer than this portal). */
export function auditLabelOf(labels: Readonly<Record<string, string>>, value: string): string {
  return labels[value] ?? value;
}
