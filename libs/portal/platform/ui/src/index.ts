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
