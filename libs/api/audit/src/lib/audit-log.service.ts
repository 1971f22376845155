import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { type AccessContext, ApiError, isUuid } from '@aidial/api/core';
import {
  type AuditEventFilter,
  type AuditPosition,
  type AuditScope,
  AuditEventRepository,
} from './audit-event.repository';
import { csvLine } from './csv';
import {
  type AuditChainVerificationDto,
  AuditEventDto,
  type AuditEventPageDto,
  CSV_COLUMNS,
  csvValues,
} from './dto/audit-event.response.dto';
import { type AuditEventFilterQueryDto, DEFAULT_AUDIT_PAGE_SIZE } from './dto/list-audit-events.query.dto';
import { ChainVerifier } from './hash-chain';

/** PostgreSQL's text form of a timestamptz, as `occurred_at::text` gives it. */
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2}){0,2}$/;

/** Rows fetched per query while exporting or verifying: memory stays flat whatever the size of the log. */
const BATCH = 500;

export function encodeAuditCursor(position: AuditPosition): string {
  return Buffer.from(JSON.stringify([position.occurredAt, position.id]), 'utf8').toString('base64url');
}

export function decodeAuditCursor(cursor: string): AuditPosition {
  let decoded: unknown = null;
  try {
    if (/^[A-Za-z0-9_-]+$/.test(cursor)) decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (
    Array.isArray(decoded) &&
    decoded.length === 2 &&
    typeof decoded[0] === 'string' &&
    PG_TIMESTAMP.test(decoded[0]) &&
    typeof decoded[1] === 'string' &&
    isUuid(decoded[1])
  ) {
    return { occurredAt: decoded[0], id: decoded[1] };
  }
  throw new ApiError('validation_failed', {
    fields: [{ field: 'cursor', message: 'cursor must be a next_cursor value from a previous page' }],
  });
}

function filterOf(query: AuditEventFilterQueryDto): AuditEventFilter {
  return {
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    actorUserId: query.actor,
    action: query.action,
    outcome: query.outcome,
    targetType: query.target_type,
    targetId: query.target_id,
  };
}

/** The Audit Log page, its CSV export and chain verification. Scope always comes from the caller's access context. */
@Injectable()
export class AuditLogService {
  constructor(private readonly events: AuditEventRepository) {}

  async list(
    context: AccessContext,
    query: AuditEventFilterQueryDto & { limit?: number; cursor?: string },
  ): Promise<AuditEventPageDto> {
    const after = query.cursor ? decodeAuditCursor(query.cursor) : null;
    const scope = await this.scope(context, query);
    const limit = query.limit ?? DEFAULT_AUDIT_PAGE_SIZE;
    const rows = await this.events.page(scope, filterOf(query), after, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(AuditEventDto.from),
      next_cursor:
        rows.length > limit && last ? encodeAuditCursor({ occurredAt: last.occurred_key, id: last.id }) : null,
    };
  }

  /** Resolves the scope first (so a refusal is still a normal error answer), then returns a writer of the CSV. */
  async prepareExport(
    context: AccessContext,
    query: AuditEventFilterQueryDto,
  ): Promise<(out: Writable) => Promise<void>> {
    const scope = await this.scope(context, query);
    const filter = filterOf(query);
    return async (out) => {
      await write(out, csvLine(CSV_COLUMNS));
      let after: AuditPosition | null = null;
      for (;;) {
        const rows = await this.events.page(scope, filter, after, BATCH);
        for (const row of rows) await write(out, csvLine(csvValues(AuditEventDto.from(row))));
        const last = rows.at(-1);
        if (rows.length < BATCH || !last) return;
        after = { occurredAt: last.occurred_key, id: last.id };
      }
    };
  }

  /** Walks one chain's rows in the time range in seq order and reports the first broken link. */
  async verify(tenantId: string | null, from?: Date, to?: Date): Promise<AuditChainVerificationDto> {
    const range = await this.events.chainRange(tenantId, from, to);
    if (!range) return { ok: true, checked: 0, first_broken: null };
    const verifier = new ChainVerifier(await this.events.predecessor(tenantId, range.first));
    let afterSeq = (BigInt(range.first) - 1n).toString();
    for (;;) {
      const rows = await this.events.chainBatch(tenantId, afterSeq, range.last, BATCH);
      for (const row of rows) {
        const broken = verifier.check(row);
        if (broken) return { ok: false, checked: verifier.checked, first_broken: { ...broken } };
      }
      const last = rows.at(-1);
      if (rows.length < BATCH || !last) return { ok: true, checked: verifier.checked, first_broken: null };
      afterSeq = last.seq;
    }
  }

  private scope(context: AccessContext, query: AuditEventFilterQueryDto): Promise<AuditScope> {
    return this.events.scopeOf(context, { clientId: query.client_id, tenantId: query.tenant_id });
  }
}

/** Writes with backpressure: waits for the socket to drain instead of buffering the whole export. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) throw new Error('export stream closed by the client');
  if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
}
