import type { AuditEventType } from '@aidial/api/core';

/**
 * The audit event types this module records (support tickets), with the only detail fields each may carry. Added to
 * core's `AuditEventTypes` below, so `record()` is typed by them; the audit module assembles every module's table
 * into its allow-list (docs/audit.md describes each type).
 */
export const SUPPORT_AUDIT_EVENTS = {
  'support.ticket.created': { target: 'ticket', details: ['category'] },
  'support.ticket.refused': { target: 'ticket', details: ['category', 'reason'] },
} as const satisfies Record<string, AuditEventType>;

type SupportAuditEvents = typeof SUPPORT_AUDIT_EVENTS;

declare module '@aidial/api/core' {
  interface AuditEventTypes extends SupportAuditEvents {}
}
