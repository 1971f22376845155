import { Inject, Injectable } from '@nestjs/common';
import { type AccessContext, ApiError } from '@aidial/api/core';
import { isInternalRole } from '@aidial/shared/access';
import { DataSource } from 'typeorm';
import { CHAIN_KEY_SQL } from './audit.service';
import { type ChainedEvent, chainKeyOf } from './hash-chain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whose events a caller may read: a list of tenants, or every tenant (internal roles without a tenant filter). */
export interface AuditScope {
  readonly tenantIds: readonly string[] | null;
}

export interface AuditEventFilter {
  readonly from?: Date;
  readonly to?: Date;
  readonly actorUserId?: string;
  readonly action?: string;
  readonly outcome?: string;
  readonly targetType?: string;
  readonly targetId?: string;
}

/** Where a page continues: the last row's time (PostgreSQL's own text, microseconds kept) and id. */
export interface AuditPosition {
  readonly occurredAt: string;
  readonly id: string;
}

export interface AuditEventRow {
  id: string;
  occurred_at: Date;
  occurred_key: string;
  tenant_id: string | null;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  request_id: string | null;
  ip_coarse: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
}

interface ChainRow extends AuditEventRow {
  seq: string;
  prev_hash: string;
  hash: string;
}

const COLUMNS = `id, occurred_at, occurred_at::text AS occurred_key, tenant_id, actor_user_id, actor_api_key_id,
  actor_role, action, target_type, target_id, outcome, request_id, ip_coarse, user_agent, details`;

export function toChainedEvent(row: ChainRow): ChainedEvent & { hash: string } {
  return {
    id: row.id,
    seq: row.seq,
    occurredAt: row.occurred_at,
    tenantId: row.tenant_id,
    actorUserId: row.actor_user_id,
    actorApiKeyId: row.actor_api_key_id,
    actorRole: row.actor_role,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    requestId: row.request_id,
    ipCoarse: row.ip_coarse,
    userAgent: row.user_agent,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The only place that reads `audit_event`. Every read takes an AuditScope made from the caller's access context
 * (`scopeOf`), never a raw tenant id from the request.
 */
@Injectable()
export class AuditEventRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Client roles: their own tenant. Partner roles: their own tenant and the clients they manage, or one of those
   * clients (`clientId`). Internal roles: every tenant, or one (`tenantId`). A client id the partner does not manage,
   * or a filter the role may not use, answers 404 like a missing id.
   */
  async scopeOf(context: AccessContext, filter: { clientId?: string; tenantId?: string }): Promise<AuditScope> {
    if (isInternalRole(context.role)) {
      if (filter.clientId !== undefined) throw new ApiError('not_found');
      if (filter.tenantId === undefined) return { tenantIds: null };
      if (!UUID.test(filter.tenantId)) throw new ApiError('not_found');
      return { tenantIds: [filter.tenantId.toLowerCase()] };
    }
    if (filter.tenantId !== undefined) throw new ApiError('not_found');
    if (context.tenant.kind !== 'partner') {
      if (filter.clientId !== undefined) throw new ApiError('not_found');
      return { tenantIds: [context.tenant.id] };
    }
    const managed = (await this.dataSource.query(
      `SELECT id FROM tenant WHERE managing_partner_id = $1 AND kind = 'customer' ORDER BY id`,
      [context.tenant.id],
    )) as Array<{ id: string }>;
    const clientIds = managed.map((row) => row.id);
    if (filter.clientId === undefined) return { tenantIds: [context.tenant.id, ...clientIds] };
    const clientId = filter.clientId.toLowerCase();
    if (!clientIds.includes(clientId)) throw new ApiError('not_found');
    return { tenantIds: [clientId] };
  }

  /** Newest first, `limit` rows after `after`; ordered by (occurred_at, id) descending, which the indexes serve. */
  async page(
    scope: AuditScope,
    filter: AuditEventFilter,
    after: AuditPosition | null,
    limit: number,
  ): Promise<AuditEventRow[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const bind = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    if (scope.tenantIds !== null) {
      if (scope.tenantIds.length === 1) where.push(`tenant_id = ${bind(scope.tenantIds[0])}::uuid`);
      else where.push(`tenant_id = ANY(${bind(scope.tenantIds)}::uuid[])`);
    }
    if (filter.from) where.push(`occurred_at >= ${bind(filter.from)}::timestamptz`);
    if (filter.to) where.push(`occurred_at < ${bind(filter.to)}::timestamptz`);
    if (filter.actorUserId) where.push(`actor_user_id = ${bind(filter.actorUserId)}::uuid`);
    if (filter.action) where.push(`action = ${bind(filter.action)}`);
    if (filter.outcome) where.push(`outcome = ${bind(filter.outcome)}`);
    if (filter.targetType) where.push(`target_type = ${bind(filter.targetType)}`);
    if (filter.targetId) where.push(`target_id = ${bind(filter.targetId)}`);
    if (after) where.push(`(occurred_at, id) < (${bind(after.occurredAt)}::timestamptz, ${bind(after.id)}::uuid)`);
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit_event
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY occurred_at DESC, id DESC
        LIMIT ${bind(limit)}`,
      values,
    )) as AuditEventRow[];
  }

  /** The first and last seq of a chain's rows inside a time range (null when the range holds none). */
  async chainRange(tenantId: string | null, from?: Date, to?: Date): Promise<{ first: string; last: string } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT min(seq)::text AS first, max(seq)::text AS last FROM audit_event
        WHERE ${CHAIN_KEY_SQL} = $1::uuid
          AND ($2::timestamptz IS NULL OR occurred_at >= $2) AND ($3::timestamptz IS NULL OR occurred_at < $3)`,
      [chainKeyOf(tenantId), from ?? null, to ?? null],
    )) as Array<{ first: string | null; last: string | null }>;
    return row?.first && row.last ? { first: row.first, last: row.last } : null;
  }

  /** What stands before `seq` in a chain: the row at seq − 1, else a checkpoint at seq − 1, else nothing. */
  async predecessor(tenantId: string | null, seq: string): Promise<{ seq: string; hash: string } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT seq::text AS seq, hash FROM audit_event WHERE ${CHAIN_KEY_SQL} = $1::uuid AND seq = $2::bigint - 1
       UNION ALL
       SELECT seq::text, hash FROM audit_chain_checkpoint WHERE chain_id = $1::uuid AND seq = $2::bigint - 1
       LIMIT 1`,
      [chainKeyOf(tenantId), seq],
    )) as Array<{ seq: string; hash: string }>;
    return row ?? null;
  }

  /** Rows of a chain with seq in (afterSeq, lastSeq], in seq order, `limit` at a time. */
  async chainBatch(tenantId: string | null, afterSeq: string, lastSeq: string, limit: number) {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS}, seq::text AS seq, prev_hash, hash FROM audit_event
        WHERE ${CHAIN_KEY_SQL} = $1::uuid AND seq > $2::bigint AND seq <= $3::bigint
        ORDER BY ${CHAIN_KEY_SQL}, audit_event.seq
        LIMIT $4`,
      [chainKeyOf(tenantId), afterSeq, lastSeq, limit],
    )) as ChainRow[];
    return rows.map(toChainedEvent);
  }
}
