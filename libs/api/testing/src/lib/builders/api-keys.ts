import type { DataSource } from 'typeorm';
import { ApiKeyEntity } from '@aidial/api/integrations';
import { ago, databaseNow } from './database-time';

/** Makes a key's expiry a second ago. */
export async function expireApiKey(ds: DataSource, keyId: string): Promise<void> {
  await ds.getRepository(ApiKeyEntity).update(keyId, { expiresAt: ago('1 second') });
}

/** Revokes a key now, by nobody in particular (the API records who; these tests do not need it). */
export async function revokeApiKey(ds: DataSource, keyId: string): Promise<void> {
  await ds.getRepository(ApiKeyEntity).update(keyId, { revokedAt: databaseNow });
}
