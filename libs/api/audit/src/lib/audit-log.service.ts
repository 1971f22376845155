import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { type AccessContext, ApiError, isUuid } from '@aidial/api/core';
import { ApiKeyDirectory } from '@aidial/api/integrations';
import { PortalUserDirectory } from '@aidial/api/tenancy';
import { isInternalRole } from '@aidial/shared/access';
import {
  type AuditEventFilter,
  type AuditEventRow,
  type AuditPosition,
  type AuditScope,
  AuditEventRepository,
} from './audit-event.repository';
import {
  type AuditReader,
  type KnownNames,
  type NameReferences,
  actorFilterOf,
  actorListOf,
  actorOf,
  actorReferencesOf,
  referencesOf,
  targetDescriptionOf,
} from './audit-names';
import { csvLine } from './csv';
import {
  type AuditActorListDto,
  type AuditChainVerificationDto,
  AuditEventDto,
  type AuditEventPageDto,
  CSV_COLUMNS,
  csvValues,
} from './dto/audit-event.response.dto';
import {
  type AuditEventFilterQueryDto,
  type AuditScopeQueryDto,
  DEFAULT_AUDIT_PAGE_SIZE,
} from './dto/list-audit-events.query.dto';
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
    actor: actorFilterOf(query.actor),
    action: query.action,
    outcome: query.outcome,
    targetType: query.target_type,
    targetId: query.target_id,
  };
}

/**
 * The Audit Log page, its person picker, its CSV export and chain verification. Scope always comes from the caller's
 * access context. People, tenants, invitations and keys are named at read time by the modules that own them: one
 * batched lookup per owner for a whole page (none when the page names nothing of theirs), never one per row.
 */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly events: AuditEventRepository,
    private readonly people: PortalUserDirectory,
    private readonly keys: ApiKeyDirectory,
  ) {}

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
      items: await this.inWords(items, readerOf(context, scope)),
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
    const reader = readerOf(context, scope);
    const filter = filterOf(query);
    return async (out) => {
      await write(out, csvLine(CSV_COLUMNS));
      let after: AuditPosition | null = null;
      for (;;) {
        const rows = await this.events.page(scope, filter, after, BATCH);
        for (const event of await this.inWords(rows, reader)) await write(out, csvLine(csvValues(event)));
        const last = rows.at(-1);
        if (rows.length < BATCH || !last) return;
        after = { occurredAt: last.occurred_key, id: last.id };
      }
    };
  }

  /** The person picker: everyone who acts in the caller's scope (or the one client or tenant asked for), in words. */
  async actors(context: AccessContext, query: AuditScopeQueryDto): Promise<AuditActorListDto> {
    const scope = await this.scope(context, query);
    const reader = readerOf(context, scope);
    const rows = await this.events.actors(scope);
    const names = await this.namesOf(actorReferencesOf(rows, reader));
    return { items: actorListOf(rows, names, reader) };
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

  private scope(context: AccessContext, query: AuditScopeQueryDto): Promise<AuditScope> {
    return this.events.scopeOf(context, { clientId: query.client_id, tenantId: query.tenant_id });
  }

  /** The rows as the API shows them: each with its actor and target in words. */
  private async inWords(rows: readonly AuditEventRow[], reader: AuditReader): Promise<AuditEventDto[]> {
    const names = await this.namesOf(referencesOf(rows, reader));
    return rows.map((row) =>
      AuditEventDto.from(row, {
        actor: actorOf(row, names, reader),
        target: targetDescriptionOf(row, names, reader),
      }),
    );
  }

  /** One lookup per owner, side by side: tenancy for people, tenants and invitations; integrations for API keys. */
  private async namesOf(references: NameReferences): Promise<KnownNames> {
    const [directory, apiKeys] = await Promise.all([
      this.people.namesFor(references),
      this.keys.labels(references.apiKeyIds),
    ]);
    return { ...directory, apiKeys };
  }
}

/** Who reads, for the naming rules: internal roles see everyone by name, within the scope just resolved. */
function readerOf(context: AccessContext, scope: AuditScope): AuditReader {
  return { internal: isInternalRole(context.role), tenantIds: scope.tenantIds };
}

/** Writes with backpressure: waits for the socket to drain instead of buffering the whole export. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) throw new Error('export stream closed by the client');
  if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
}
