// The Integrations page's signal store over the generated client: API keys, whose secrets it never keeps.
export { type ApiKeysState, ApiKeysStore, type NewApiKey, withoutSecret } from './lib/api-keys.store';
