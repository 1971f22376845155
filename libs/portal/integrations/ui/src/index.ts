// Presentational pieces of the Integrations page: inputs and outputs only, no stores.
export { API_KEY_SCOPE_LABELS, API_KEY_STATUS_LABELS } from './lib/api-key-labels';
export { ApiKeySecret } from './lib/api-key-secret';
export { type ApiKeyRow, ApiKeysTable } from './lib/api-keys-table';
