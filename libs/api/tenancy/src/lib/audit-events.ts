import type { AuditEventType } from '@aidial/api/core';

/**
 * The audit event types this module records (Team, Partner Team, client selection and the admin area's tenants and
 * memberships), with the only detail fields each may carry. Added to core's `AuditEventTypes` below, so `record()` is
 * typed by them; the audit module assembles every module's table into its allow-list (docs/audit.md describes each
 * type).
 */
export const TENANCY_AUDIT_EVENTS = {
  'tenancy.member.sessions_revoked': { target: 'user', details: ['note', 'count', 'team'] },
  'admin.user.sessions_revoked': { target: 'user', details: ['note', 'count'] },
  'admin.tenant.sessions_revoked': { target: 'tenant', details: ['note', 'count'] },
  'tenancy.client.selected': { target: 'tenant', details: ['client_name'] },
  'tenancy.client.cleared': { target: 'tenant', details: [] },
  'tenancy.invitation.created': { target: 'invitation', details: ['email', 'role', 'team'] },
  'tenancy.invitation.revoked': { target: 'invitation', details: ['team'] },
  'tenancy.member.role_changed': {
    target: 'membership',
    details: ['user_id', 'from_role', 'to_role', 'team', 'sessions_ended'],
  },
  'tenancy.member.removed': { target: 'membership', details: ['user_id', 'role', 'team', 'sessions_ended'] },
  'admin.tenant.created': { target: 'tenant', details: ['name', 'kind', 'managing_partner_id'] },
  'admin.tenant.status_changed': { target: 'tenant', details: ['status', 'sessions_ended'] },
  'admin.tenant.sms_otp_changed': { target: 'tenant', details: ['enabled'] },
  'admin.tenant.mfa_policy_changed': { target: 'tenant', details: ['mfa_policy'] },
  'admin.membership.assigned': { target: 'user', details: ['from_role', 'role', 'sessions_ended'] },
  'admin.membership.removed': { target: 'user', details: ['sessions_ended'] },
} as const satisfies Record<string, AuditEventType>;

type TenancyAuditEvents = typeof TENANCY_AUDIT_EVENTS;

declare module '@aidial/api/core' {
  interface AuditEventTypes extends TenancyAuditEvents {}
}
