import { Injectable } from '@nestjs/common';
import { ApiKeyRepository } from './api-key.repository';

/** A key as people recognise it on the Integrations page: its name and last four characters, and its tenant. */
export interface ApiKeyLabel {
  readonly name: string;
  readonly lastFour: string;
  readonly tenantId: string;
}

/**
 * What other modules may read of `api_key` (owned by this module): how a key is named, for the Audit Log's actors and
 * targets. One statement for any number of ids; a key that no longer exists is absent from the answer.
 */
@Injectable()
export class ApiKeyDirectory {
  constructor(private readonly keys: ApiKeyRepository) {}

  async labels(ids: readonly string[]): Promise<ReadonlyMap<string, ApiKeyLabel>> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    if (unique.length === 0) return new Map();
    const rows = await this.keys.labels(unique);
    return new Map(rows.map((row) => [row.id, { name: row.name, lastFour: row.last_four, tenantId: row.tenant_id }]));
  }
}
