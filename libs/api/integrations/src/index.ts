import { ApiKeyEntity } from './lib/entities/api-key.entity';

export * from './lib/integrations.module';
export * from './lib/entities/api-key.entity';
export { API_KEY_LENGTH, API_KEY_PREFIX, issueApiKey, parseApiKey } from './lib/api-key-format';
export { ApiKeyHasher } from './lib/api-key-hasher';
export { type ApiKeyLabel, ApiKeyDirectory } from './lib/api-key-directory';

/** The tables this module owns, listed for the application's data source (no globs). */
export const INTEGRATIONS_ENTITIES = [ApiKeyEntity];
export { checksumOf } from './lib/api-key-format';
export { INTEGRATIONS_AUDIT_EVENTS } from './lib/audit-events';
