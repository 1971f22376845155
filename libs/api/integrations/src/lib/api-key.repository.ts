import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NamedStatements } from '@aidial/api/core';
import { type EntityManager, Repository } from 'typeorm';
import { API_KEY_LABELS, API_KEY_LOOKUP } from './api-key.statements';
import { ApiKeyEntity } from './entities/api-key.entity';

/** What the per-request key lookup reads, with the key's state by the database's clock. */
export interface ApiKeyLookupRow {
  readonly id: string;
  readonly tenant_id: string;
  readonly client_id: string | null;
  readonly name: string;
  readonly public_id: string;
  readonly secret_hash: Buffer;
  readonly scopes: string[];
  readonly project_ids: string[] | null;
  readonly created_by: string | null;
  readonly creator_role: string;
  readonly expires_at: Date;
  readonly revoked: boolean;
  readonly expired: boolean;
  readonly touch_due: boolean;
}

/** How people recognise a key (API_KEY_LABELS): its name and last four characters, and whose it is. */
export interface ApiKeyLabelRow {
  readonly id: string;
  readonly tenant_id: string;
  readonly name: string;
  readonly last_four: string;
}

export type NewApiKey = Pick<
  ApiKeyEntity,
  | 'tenantId'
  | 'clientId'
  | 'name'
  | 'publicId'
  | 'secretHash'
  | 'lastFour'
  | 'scopes'
  | 'projectIds'
  | 'createdBy'
  | 'creatorRole'
  | 'expiresAt'
  | 'rotatedFromId'
>;

/** What revoking found: the key it revoked, or why not. */
export type Revocation = { readonly revoked: ApiKeyEntity } | { readonly refused: 'not_found' | 'api_key_not_active' };

/** The only place that reads and writes `api_key` (owned by the integrations module). */
@Injectable()
export class ApiKeyRepository {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly statements: NamedStatements,
  ) {}

  /** A tenant's keys, newest first. */
  async listOf(tenantId: string): Promise<ApiKeyEntity[]> {
    return this.keys.find({ where: { tenantId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /**
   * Named (the per-request read of every `/v1` request): one indexed statement judging the key by the database's clock.
   */
  async lookup(publicId: string, touchAfterSeconds: number): Promise<ApiKeyLookupRow | null> {
    const rows = await this.statements.query<ApiKeyLookupRow>(API_KEY_LOOKUP, [publicId, touchAfterSeconds]);
    return rows[0] ?? null;
  }

  /** Named (a per-request read of the Audit Log): the labels of any number of keys in one statement. */
  async labels(ids: readonly string[]): Promise<ApiKeyLabelRow[]> {
    return this.statements.query<ApiKeyLabelRow>(API_KEY_LABELS, [ids]);
  }

  /** Records a use, unless one was recorded in the last `granularitySeconds` (a concurrent request lost the race). */
  async touch(id: string, ip: string | null, userAgent: string | null, granularitySeconds: number): Promise<void> {
    await this.keys
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: () => 'now()', lastUsedIp: ip, lastUsedUserAgent: userAgent })
      .where('id = :id', { id })
      .andWhere('(last_used_at IS NULL OR last_used_at < now() - make_interval(secs => :granularitySeconds))', {
        granularitySeconds,
      })
      .execute();
  }

  /** A key of the tenant, locked until the transaction ends; null when the tenant has no such key. */
  async lock(manager: EntityManager, tenantId: string, id: string): Promise<ApiKeyEntity | null> {
    return manager.withRepository(this.keys).findOne({ where: { id, tenantId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Brings the key's expiry forward to at most `overlapMs` from now (by the database's clock); its new expiry. */
  async shortenTo(manager: EntityManager, id: string, overlapMs: number): Promise<Date> {
    const keys = manager.withRepository(this.keys);
    await keys
      .createQueryBuilder()
      .update()
      .set({ expiresAt: () => 'LEAST(expires_at, now() + make_interval(secs => :overlapSeconds))' })
      .where('id = :id', { id })
      .setParameter('overlapSeconds', overlapMs / 1000)
      .execute();
    const key = await keys.findOneOrFail({ select: { id: true, expiresAt: true }, where: { id } });
    return key.expiresAt;
  }

  /** Revokes an unrevoked key of the tenant at once; a revoked one is refused, an unknown one is not found. */
  async revoke(manager: EntityManager, tenantId: string, id: string, byUserId: string): Promise<Revocation> {
    const key = await this.lock(manager, tenantId, id);
    if (!key) return { refused: 'not_found' };
    if (key.revokedAt !== null) return { refused: 'api_key_not_active' };
    await manager.withRepository(this.keys).update({ id: key.id }, { revokedAt: () => 'now()', revokedBy: byUserId });
    return { revoked: key };
  }

  async insert(manager: EntityManager, key: NewApiKey): Promise<ApiKeyEntity> {
    const keys = manager.withRepository(this.keys);
    const { id } = await keys.save(keys.create(key));
    return keys.findOneOrFail({ where: { id } });
  }
}
