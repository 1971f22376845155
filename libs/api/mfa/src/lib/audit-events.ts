import type { AuditEventType } from '@aidial/api/core';

/**
 * The audit event types this module records (the Profile's MFA actions and the recovery-code lifecycle), with the only
 * detail fields each may carry. Added to core's `AuditEventTypes` below, so `record()` is typed by them; the audit
 * module assembles every module's table into its allow-list (docs/audit.md describes each type).
 */
export const MFA_AUDIT_EVENTS = {
  'mfa.setup_opened': { target: 'user', details: ['reason'] },
  'mfa.status_refresh_started': { target: 'session', details: ['reason'] },
  'mfa.recovery_codes.stored': { target: 'user', details: ['reason'] },
  'mfa.recovery_codes.reviewed': { target: 'user', details: ['reason'] },
  'mfa.recovery_codes.regenerated': { target: 'user', details: ['reason'] },
  'mfa.disable_opened': { target: 'user', details: ['reason'] },
  'mfa.factors_changed': { target: 'user', details: ['added', 'removed', 'sessions_ended'] },
} as const satisfies Record<string, AuditEventType>;

type MfaAuditEvents = typeof MFA_AUDIT_EVENTS;

declare module '@aidial/api/core' {
  interface AuditEventTypes extends MfaAuditEvents {}
}
