import type { AuditAction } from '@aidial/api/core';
import { AUDIT_EVENT_TYPES } from './audit-event-types';

export function isAuditAction(action: unknown): action is AuditAction {
  return typeof action === 'string' && Object.prototype.hasOwnProperty.call(AUDIT_EVENT_TYPES, action);
}

/**
 * The event type's allow-list applied to what a caller passed: only the fields the type declares (AUDIT_EVENT_TYPES,
 * assembled from each module's table) are kept, in any other case nothing. The redactor runs on the result before it is
 * written.
 */
export function allowedDetails(
  action: AuditAction,
  details: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const allowed: readonly string[] = AUDIT_EVENT_TYPES[action].details;
  const kept: Record<string, unknown> = {};
  for (const field of allowed) {
    if (details && Object.prototype.hasOwnProperty.call(details, field) && details[field] !== undefined) {
      kept[field] = details[field];
    }
  }
  return kept;
}

export function targetTypeOf(action: AuditAction): string {
  return AUDIT_EVENT_TYPES[action].target;
}
