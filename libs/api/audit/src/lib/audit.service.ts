import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type AuditAction,
  type AuditEventInput,
  type AuditRecordOptions,
  type AuditRecorder,
  currentRequestContext,
  redact,
} from '@aidial/api/core';
import { DataSource, type EntityManager } from 'typeorm';
import { allowedDetails, isAuditAction, targetTypeOf } from './event-types';
import { type ChainedEvent, GENESIS_HASH, chainKeyOf, chainLockKey, hashEvent } from './hash-chain';

/** The expression the chain's unique index is on; queries must use it as written to use the index. */
export const CHAIN_KEY_SQL = `coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid)`;

const MAX_TEXT = 512;

function clip(value: string | null | undefined, length = MAX_TEXT): string | null {
  return value === null || value === undefined ? null : value.slice(0, length);
}

/** jsonb cannot hold U+0000; nothing else is changed. */
function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '');
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutNul(item)]));
  }
  return value;
}

/**
 * `record()` for every module (through the AUDIT_RECORDER port): the event type's allow-list, then the redactor, then
 * one row appended to its tenant's hash chain. Inside a caller's transaction the row commits or rolls back with the
 * change it describes.
 */
@Injectable()
export class AuditService implements AuditRecorder {
  private readonly logger = new Logger('Audit');

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async record<A extends AuditAction>(event: AuditEventInput<A>, options: AuditRecordOptions = {}): Promise<void> {
    if (!isAuditAction(event.action)) {
      // Not in the allow-list: nothing is written (a type must be declared before it can be recorded).
      this.logger.error({ event: 'audit.unknown_action', action: String(event.action).slice(0, 64) });
      return;
    }
    const context = currentRequestContext();
    const actor = event.actor
      ? { userId: event.actor.userId ?? null, apiKeyId: event.actor.apiKeyId ?? null, role: event.actor.role ?? null }
      : {
          userId: context?.actor.userId ?? null,
          apiKeyId: context?.actor.apiKeyId ?? null,
          role: context?.actor.role ?? null,
        };
    const tenantId = event.tenantId !== undefined ? event.tenantId : (context?.actor.tenantId ?? null);
    const details = withoutNul(
      redact(allowedDetails(event.action, event.details as Record<string, unknown> | undefined)),
    ) as Record<string, unknown>;
    const row: Omit<ChainedEvent, 'seq' | 'prevHash'> = {
      id: randomUUID(),
      occurredAt: new Date(),
      tenantId: tenantId?.toLowerCase() ?? null,
      actorUserId: actor.userId?.toLowerCase() ?? null,
      actorApiKeyId: actor.apiKeyId?.toLowerCase() ?? null,
      actorRole: clip(actor.role, 64),
      action: event.action,
      targetType: targetTypeOf(event.action),
      targetId: clip(event.targetId),
      outcome: event.outcome,
      requestId: clip(context?.requestId, 100),
      ipCoarse: clip(context?.ip, 64),
      userAgent: clip(context?.userAgent),
      details,
    };
    if (options.manager) await this.append(options.manager, row);
    else await this.dataSource.transaction((manager) => this.append(manager, row));
  }

  /**
   * Appends under the chain's advisory lock (held to the end of the transaction), so two writers never read the same
   * head and fork the chain: lock, read the head (last row, or the retention checkpoint), insert.
   */
  private async append(manager: EntityManager, row: Omit<ChainedEvent, 'seq' | 'prevHash'>): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [chainLockKey(row.tenantId)]);
    const [head] = (await manager.query(
      `SELECT seq::text AS seq, hash FROM (
         (SELECT seq, hash FROM audit_event WHERE ${CHAIN_KEY_SQL} = $1::uuid ORDER BY ${CHAIN_KEY_SQL} DESC, seq DESC LIMIT 1)
         UNION ALL
         (SELECT seq, hash FROM audit_chain_checkpoint WHERE chain_id = $1::uuid)
       ) head ORDER BY head.seq DESC LIMIT 1`,
      [chainKeyOf(row.tenantId)],
    )) as Array<{ seq: string; hash: string }>;
    const chained: ChainedEvent = {
      ...row,
      seq: head ? (BigInt(head.seq) + 1n).toString() : '1',
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    await manager.query(
      `INSERT INTO audit_event (id, occurred_at, seq, tenant_id, actor_user_id, actor_api_key_id, actor_role, action,
                                target_type, target_id, outcome, request_id, ip_coarse, user_agent, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, $17)`,
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
      ],
    );
  }
}
