import type { AuditEventType } from '@aidial/api/core';

/**
 * The audit event types this module records (sign-in, sign-out and a person's own sessions), with the only detail
 * fields each may carry. Added to core's `AuditEventTypes` below, so `record()` is typed by them; the audit module
 * assembles every module's table into its allow-list (docs/audit.md describes each type).
 */
export const AUTH_AUDIT_EVENTS = {
  'auth.sign_in': { target: 'user', details: ['reason', 'amr', 'role', 'step_up'] },
  'auth.sign_out': { target: 'session', details: ['reason'] },
  'auth.session.revoked': { target: 'session', details: ['reason'] },
  'auth.session.revoked_others': { target: 'user', details: ['count'] },
  'auth.session.provider_logout': { target: 'session', details: ['by'] },
} as const satisfies Record<string, AuditEventType>;

type AuthAuditEvents = typeof AUTH_AUDIT_EVENTS;

declare module '@aidial/api/core' {
  interface AuditEventTypes extends AuthAuditEvents {}
}
