// Presentational pieces of the AiDial platform pages: inputs and outputs only, no stores.
export {
  CALL_DIRECTION_LABELS,
  CALL_OUTCOME_LABELS,
  CAMPAIGN_STATUS_LABELS,
  type CallRow,
  CallsTable,
  type Figure,
  Figures,
  durationText,
} from './lib/platform-figures';
export { PlatformProblem, type PlatformProblemKind } from './lib/platform-problem';
export { ProjectNamePipe, UNNAMED_PROJECT } from './lib/project-name.pipe';
export {
  ADJUSTMENT_KIND_LABELS,
  CALLING_DAYS_LABELS,
  COMPLIANCE_RESULT_LABELS,
  COMPLIANCE_RULE_LABELS,
  CONSENT_KIND_LABELS,
  DISCOUNT_SCOPE_LABELS,
  DISCOUNT_STATUS_LABELS,
  DO_NOT_CALL_SOURCE_LABELS,
  INCIDENT_SEVERITY_LABELS,
  INCIDENT_STATUS_LABELS,
  calendarDay,
} from './lib/platform-labels';
