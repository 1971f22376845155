import type { AuditEventType } from '@aidial/api/core';

/**
 * The audit event types this module records (API keys), with the only detail fields each may carry. Added to
 * core's `AuditEventTypes` below, so `record()` is typed by them; the audit module assembles every module's table
 * into its allow-list (docs/audit.md describes each type).
 */
export const INTEGRATIONS_AUDIT_EVENTS = {
  'integrations.api_key.created': {
    target: 'api_key',
    details: ['name', 'public_id', 'scopes', 'client_id', 'project_ids', 'expires_at'],
  },
  'integrations.api_key.rotated': {
    target: 'api_key',
    details: ['name', 'public_id', 'successor_id', 'successor_public_id', 'old_expires_at', 'expires_at'],
  },
  'integrations.api_key.revoked': { target: 'api_key', details: ['name', 'public_id'] },
  'integrations.api_key.rejected': { target: 'api_key', details: ['public_id', 'reason'] },
} as const satisfies Record<string, AuditEventType>;

type IntegrationsAuditEvents = typeof INTEGRATIONS_AUDIT_EVENTS;

declare module '@aidial/api/core' {
  interface AuditEventTypes extends IntegrationsAuditEvents {}
}
