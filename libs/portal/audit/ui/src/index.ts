// Presentational pieces of the Audit Log: inputs and outputs only, no stores.
export { type AuditEventRow, AuditEventsTable } from './lib/audit-events-table';
export {
  AUDIT_ACTION_LABELS,
  AUDIT_OUTCOME_LABELS,
  AUDIT_TARGET_TYPE_LABELS,
  BROKEN_LINK_REASON_LABELS,
  auditLabelOf,
} from './lib/audit-labels';
