// Presentational pieces of the Audit Log: inputs and outputs only, no stores.
export {
  AUDIT_ACTOR_KIND_LABELS,
  type AuditActorRow,
  type AuditEventRow,
  AuditEventsTable,
  type AuditTargetChoice,
} from './lib/audit-events-table';
export { AUDIT_DETAIL_LABELS, type AuditDetailLine, auditDetailLines } from './lib/audit-details';
export {
  AUDIT_ACTION_LABELS,
  AUDIT_OUTCOME_LABELS,
  AUDIT_TARGET_TYPE_LABELS,
  BROKEN_LINK_REASON_LABELS,
  auditLabelOf,
} from './lib/audit-labels';
