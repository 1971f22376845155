// Presentational building blocks shared by the portal's pages: inputs and outputs only, no stores.
export { ErrorNotice, type ProblemDetails } from './lib/error-notice';
export { type Confirmation, ConfirmDialog, confirmWith } from './lib/confirm-dialog';
export { DestructiveAction } from './lib/destructive-action';
export { afterSelectCloses } from './lib/after-select-closes';
export {
  ROLE_ABILITIES,
  type RoleChangeFacts,
  roleChangeConfirmation,
  roleChangedMessage,
  roleWithArticle,
} from './lib/role-change';
export {
  SessionExpiryDialog,
  type SessionExpiryDialogData,
  type SessionExpiryWarning,
  countdownOf,
  openSessionExpiryDialog,
} from './lib/session-expiry-dialog';
export {
  RevokeSessionsDialog,
  type SessionRevocation,
  askForRevocationNote,
  sessionsEndedMessage,
} from './lib/revoke-sessions-dialog';
export {
  MFA_POLICY_LABELS,
  PROJECT_STATUS_LABELS,
  TENANT_KIND_LABELS,
  TENANT_STATUS_LABELS,
  labelOf,
} from './lib/labels';
export { RoleLabelPipe } from './lib/role-label.pipe';
