// Presentational building blocks shared by the portal's pages: inputs and outputs only, no stores.
export { ErrorNotice, type ProblemDetails } from './lib/error-notice';
export { type Confirmation, confirmWith } from './lib/confirm-dialog';
export type { ConfirmDialog } from './lib/confirm-dialog.component';
export { DestructiveAction } from './lib/destructive-action';
export { afterSelectCloses } from './lib/after-select-closes';
export { type RoleChangeFacts, roleChangeConfirmation, roleChangedMessage } from './lib/role-change';
export type { SessionExpiryDialog } from './lib/session-expiry-dialog.component';
export {
  type SessionExpiryDialogData,
  type SessionExpiryWarning,
  countdownOf,
  openSessionExpiryDialog,
} from './lib/session-expiry-dialog';
export type { RevokeSessionsDialog } from './lib/revoke-sessions-dialog.component';
export { type SessionRevocation, askForRevocationNote, sessionsEndedMessage } from './lib/revoke-sessions-dialog';
export {
  MFA_POLICY_LABELS,
  PROJECT_STATUS_LABELS,
  TENANT_KIND_LABELS,
  TENANT_STATUS_LABELS,
  labelOf,
  personName,
} from './lib/labels';
export { RoleLabelPipe } from './lib/role-label.pipe';
