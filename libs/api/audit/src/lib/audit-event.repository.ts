import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type AccessContext, ApiError, NamedStatements, scopedId, shapedStatement } from '@aidial/api/core';
import { isInternalRole } from '@aidial/shared/access';
import { TenantDirectory } from '@aidial/api/tenancy';
import { type EntityManager, Repository } from 'typeorm';
import { AIDIAL_STAFF_ROLES, type AuditActorFilter } from './audit-names';
import { AuditEventEntity } from './entities/audit-event.entity';
import { type ChainedEvent, GENESIS_HASH, chainKeyOf, chainLockKey, hashEvent } from './hash-chain';

/** The expression the chain's unique index is on; queries must use it as written to use the index. */
export const CHAIN_KEY_SQL = `coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid)`;

/** Whose events a caller may read: a list of tenants, or every tenant (internal roles without a tenant filter). */
export interface AuditScope {
  readonly tenantIds: readonly string[] | null;
}

export interface AuditEventFilter {
  readonly from?: Date;
  readonly to?: Date;
  readonly actor?: AuditActorFilter;
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

/** A row of the Audit Log's keyset statement: the event, and its time as PostgreSQL's text (the cursor keeps microseconds). */
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

/** Someone who acts in a scope's events (AUDIT_ACTORS): a person, an API key, or neither (no actor). */
export interface AuditActorRow {
  readonly actor_user_id: string | null;
  readonly actor_api_key_id: string | null;
  /** Whether the person acted in an AiDial staff role. */
  readonly staff: boolean;
}

/** The last link of a chain: its last row, or the checkpoint retention left. */
interface ChainLink {
  readonly seq: string;
  readonly hash: string;
}

const COLUMNS = `id, occurred_at, occurred_at::text AS occurred_key, tenant_id, actor_user_id, actor_api_key_id,
  actor_role, action, target_type, target_id, outcome, request_id, ip_coarse, user_agent, details`;

/**
 * How long an append waits for its chain's lock before it fails (SQLSTATE 55P03, `lock_not_available`): an action
 * whose audit event cannot be written is refused (fail closed), within 2 s rather than the 10 s statement timeout.
 */
export const AUDIT_LOCK_TIMEOUT_MS = 1_500;

/** PostgreSQL's "could not obtain lock" (lock_timeout expired). */
export function isLockTimeout(error: unknown): boolean {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return candidate?.code === '55P03' || candidate?.driverError?.code === '55P03';
}

/**
 * The only place that reads and writes `audit_event` and `audit_chain_checkpoint`. Every read takes an AuditScope made
 * from the caller's access context (`scopeOf`), never a raw tenant id from the request.
 */
@Injectable()
export class AuditEventRepository {
  constructor(
    @InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>,
    private readonly tenants: TenantDirectory,
    private readonly statements: NamedStatements,
  ) {}

  /**
   * Appends to the event's chain under the chain's advisory lock (held to the end of the transaction), so two writers
   * never read the same head and fork the chain: lock, read the head (last row, or the retention checkpoint), insert.
   */
  async append(manager: EntityManager, event: Omit<ChainedEvent, 'seq' | 'prevHash'>): Promise<void> {
    // Raw: lock_timeout is set (for this transaction) in the statement that waits, left to right, so a chain held by a
    // stuck writer fails this one in AUDIT_LOCK_TIMEOUT_MS rather than at the 10 s statement timeout; the INSERT
    // below puts the previous value back, so a caller's transaction keeps its own.
    const [locked] = await manager.query<Array<{ previous: string }>>(
      `SELECT current_setting('lock_timeout') AS previous, set_config('lock_timeout', $2, true) AS applied,
              pg_advisory_xact_lock(hashtextextended($1, 0)) AS locked`,
      [chainLockKey(event.tenantId), `${AUDIT_LOCK_TIMEOUT_MS}ms`],
    );
    // Raw: the head is the later of the chain's last row (through the chain's unique index) and its checkpoint.
    const [head] = await manager.query<ChainLink[]>(
      `SELECT seq::text AS seq, hash FROM (
         (SELECT seq, hash FROM audit_event WHERE ${CHAIN_KEY_SQL} = $1::uuid ORDER BY ${CHAIN_KEY_SQL} DESC, seq DESC LIMIT 1)
         UNION ALL
         (SELECT seq, hash FROM audit_chain_checkpoint WHERE chain_id = $1::uuid)
       ) head ORDER BY head.seq DESC LIMIT 1`,
      [chainKeyOf(event.tenantId)],
    );
    const chained: ChainedEvent = {
      ...event,
      seq: head ? (BigInt(head.seq) + 1n).toString() : '1',
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    // Raw: the row is written exactly as hashed (details as given: TypeORM's insert typing cannot take free-form jsonb).
    await manager.query(
      `INSERT INTO audit_event (id, occurred_at, seq, tenant_id, actor_user_id, actor_api_key_id, actor_role, action,
                                target_type, target_id, outcome, request_id, ip_coarse, user_agent, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, $17)
       RETURNING set_config('lock_timeout', $18, true)`,
      [
        chained.id,
        chained.occurredAt,
        chained.seq,
        chained.tenantId,
        chained.actorUserId,
        chained.actorApiKeyId,
        chained.actorRole,
        chained.action,
        chained.targetType,
        chained.targetId,
        chained.outcome,
        chained.requestId,
        chained.ipCoarse,
        chained.userAgent,
        JSON.stringify(chained.details),
        chained.prevHash,
        hashEvent(chained),
        locked?.previous ?? '0',
      ],
    );
  }

  /** Deletes events older than the retention through `audit_apply_retention`, the only deleter; how many. */
  async applyRetention(retentionDays: number): Promise<number> {
    const [row] = await this.events.query<Array<{ removed: string }>>(
      `SELECT audit_apply_retention($1)::text AS removed`,
      [retentionDays],
    );
    return Number(row?.removed ?? 0);
  }

  /**
   * Client roles: their own tenant. Partner roles: their own tenant and the clients they manage, or one of those
   * clients (`clientId`). Internal roles: every tenant, or one (`tenantId`). A client id the partner does not manage,
   * or a filter the role may not use, answers 404 like a missing id.
   */
  async scopeOf(context: AccessContext, filter: { clientId?: string; tenantId?: string }): Promise<AuditScope> {
    if (isInternalRole(context.role)) {
      if (filter.clientId !== undefined) throw new ApiError('not_found');
      if (filter.tenantId === undefined) return { tenantIds: null };
      return { tenantIds: [scopedId(filter.tenantId)] };
    }
    if (filter.tenantId !== undefined) throw new ApiError('not_found');
    if (context.tenant.kind !== 'partner') {
      if (filter.clientId !== undefined) throw new ApiError('not_found');
      return { tenantIds: [context.tenant.id] };
    }
    const clientIds = await this.tenants.managedClientIds(context.tenant.id);
    if (filter.clientId === undefined) return { tenantIds: [context.tenant.id, ...clientIds] };
    const clientId = scopedId(filter.clientId);
    if (!clientIds.includes(clientId)) throw new ApiError('not_found');
    return { tenantIds: [clientId] };
  }

  /**
   * Named by shape (the Audit Log's per-request read): a keyset page, newest first, `limit` rows after `after`; ordered
   * by (occurred_at, id) descending, which the indexes serve. Each combination of filters is its own statement.
   */
  async page(
    scope: AuditScope,
    filter: AuditEventFilter,
    after: AuditPosition | null,
    limit: number,
  ): Promise<AuditEventRow[]> {
    const { where, bind, values } = scopedWhere(scope);
    if (filter.from) where.push(`occurred_at >= ${bind(filter.from)}::timestamptz`);
    if (filter.to) where.push(`occurred_at < ${bind(filter.to)}::timestamptz`);
    if (filter.actor) where.push(actorCondition(filter.actor, bind));
    if (filter.action) where.push(`action = ${bind(filter.action)}`);
    if (filter.outcome) where.push(`outcome = ${bind(filter.outcome)}`);
    if (filter.targetType) where.push(`target_type = ${bind(filter.targetType)}`);
    if (filter.targetId) where.push(`target_id = ${bind(filter.targetId)}`);
    if (after) where.push(`(occurred_at, id) < (${bind(after.occurredAt)}::timestamptz, ${bind(after.id)}::uuid)`);
    const text = `SELECT ${COLUMNS} FROM audit_event
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY occurred_at DESC, id DESC
        LIMIT ${bind(limit)}`;
    return this.statements.query<AuditEventRow>(shapedStatement('audit_page', text), values);
  }

  /**
   * Named by shape (the person picker's read): each distinct actor of the scope's events, once. An aggregate over the
   * scope's rows (the same tenant index as the page); its answer is a few dozen rows whatever the log's size.
   */
  async actors(scope: AuditScope): Promise<AuditActorRow[]> {
    const { where, bind, values } = scopedWhere(scope);
    const staff = bind(AIDIAL_STAFF_ROLES);
    const text = `SELECT actor_user_id, actor_api_key_id, coalesce(actor_role = ANY(${staff}::text[]), false) AS staff
        FROM audit_event
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        GROUP BY 1, 2, 3`;
    return this.statements.query<AuditActorRow>(shapedStatement('audit_actors', text), values);
  }

  /** The first and last seq of a chain's rows inside a time range (null when the range holds none). */
  async chainRange(tenantId: string | null, from?: Date, to?: Date): Promise<{ first: string; last: string } | null> {
    const query = this.events
      .createQueryBuilder('e')
      .select('min(e.seq)::text', 'first')
      .addSelect('max(e.seq)::text', 'last')
      .where(`${CHAIN_KEY_SQL} = :chain::uuid`, { chain: chainKeyOf(tenantId) });
    if (from) query.andWhere('e.occurredAt >= :from', { from });
    if (to) query.andWhere('e.occurredAt < :to', { to });
    const row = await query.getRawOne<{ first: string | null; last: string | null }>();
    return row?.first && row.last ? { first: row.first, last: row.last } : null;
  }

  /** Raw (a row or a checkpoint, one statement): what stands before `seq` in a chain, at seq − 1, or nothing. */
  async predecessor(tenantId: string | null, seq: string): Promise<ChainLink | null> {
    const [row] = await this.events.query<ChainLink[]>(
      `SELECT seq::text AS seq, hash FROM audit_event WHERE ${CHAIN_KEY_SQL} = $1::uuid AND seq = $2::bigint - 1
       UNION ALL
       SELECT seq::text, hash FROM audit_chain_checkpoint WHERE chain_id = $1::uuid AND seq = $2::bigint - 1
       LIMIT 1`,
      [chainKeyOf(tenantId), seq],
    );
    return row ?? null;
  }

  /** Rows of a chain with seq in (afterSeq, lastSeq], in seq order, `limit` at a time. */
  async chainBatch(
    tenantId: string | null,
    afterSeq: string,
    lastSeq: string,
    limit: number,
  ): Promise<AuditEventEntity[]> {
    return this.events
      .createQueryBuilder('e')
      .where(`${CHAIN_KEY_SQL} = :chain::uuid`, { chain: chainKeyOf(tenantId) })
      .andWhere('e.seq > :afterSeq::bigint AND e.seq <= :lastSeq::bigint', { afterSeq, lastSeq })
      .orderBy(CHAIN_KEY_SQL)
      .addOrderBy('e.seq')
      .limit(limit)
      .getMany();
  }
}

/** A statement's WHERE clauses and parameters, starting with the scope's tenants (none: every tenant). */
function scopedWhere(scope: AuditScope) {
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
  return { where, bind, values };
}

/** The `actor` filter as a condition: one person, one key, AiDial's staff (by the role they acted in), or no actor. */
function actorCondition(actor: AuditActorFilter, bind: (value: unknown) => string): string {
  switch (actor.kind) {
    case 'person':
      return `actor_user_id = ${bind(actor.userId)}::uuid`;
    case 'api_key':
      return `actor_api_key_id = ${bind(actor.apiKeyId)}::uuid`;
    case 'aidial_support':
      return `(actor_user_id IS NOT NULL AND actor_role = ANY(${bind(AIDIAL_STAFF_ROLES)}::text[]))`;
    case 'system':
      return `(actor_user_id IS NULL AND actor_api_key_id IS NULL)`;
  }
}
