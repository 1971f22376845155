// The Audit Log's signal store over the generated client, and the filters it shares with the page's address.
export {
  AUDIT_ACTIONS,
  AUDIT_EXPORT_PATH,
  AUDIT_OUTCOMES,
  AUDIT_TARGET_TYPES,
  type AuditFilters,
  NO_AUDIT_FILTERS,
  auditExportHref,
  auditFiltersFrom,
  auditQueryOf,
  sameAuditFilters,
} from './lib/audit-filters';
export {
  AUDIT_PAGE_SIZE,
  type AuditActorsView,
  type AuditLogView,
  AuditLogStore,
  type AuditTenantOption,
  type ChainVerification,
} from './lib/audit-log.store';
