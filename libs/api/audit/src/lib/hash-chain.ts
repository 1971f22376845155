import { createHash } from 'node:crypto';

/** The `prev_hash` of a chain's first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The nil UUID stands for "no tenant" as a chain key (the chain of events that belong to no tenant). */
export const NO_TENANT_CHAIN = '00000000-0000-0000-0000-000000000000';

export function chainKeyOf(tenantId: string | null): string {
  return (tenantId ?? NO_TENANT_CHAIN).toLowerCase();
}

/** The advisory-lock key text a writer (and `audit_apply_retention`) locks a chain with: one writer per chain at a time. */
export function chainLockKey(tenantId: string | null): string {
  return `audit_event:${chainKeyOf(tenantId)}`;
}

/** Everything a row's hash covers: every column except `hash` itself. */
export interface ChainedEvent {
  readonly id: string;
  readonly seq: string;
  readonly occurredAt: Date;
  readonly tenantId: string | null;
  readonly actorUserId: string | null;
  readonly actorApiKeyId: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly outcome: string;
  readonly requestId: string | null;
  readonly ipCoarse: string | null;
  readonly userAgent: string | null;
  readonly details: Record<string, unknown>;
  readonly prevHash: string;
}

/**
 * JSON with object keys sorted at every depth: the same value always gives the same text, whatever order PostgreSQL's
 * jsonb hands the keys back in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/**
 * SHA-256 (hex) over version 1 of the canonical serialisation: a JSON array of the row's columns in a fixed order,
 * ids lower-cased, the time as an ISO string, ending with the previous row's hash.
 */
export function hashEvent(event: ChainedEvent): string {
  const lower = (value: string | null) => (value === null ? null : value.toLowerCase());
  const content = canonicalJson([
    1,
    lower(event.id),
    String(event.seq),
    event.occurredAt.toISOString(),
    lower(event.tenantId),
    lower(event.actorUserId),
    lower(event.actorApiKeyId),
    event.actorRole,
    event.action,
    event.targetType,
    event.targetId,
    event.outcome,
    event.requestId,
    event.ipCoarse,
    event.userAgent,
    event.details,
    event.prevHash,
  ]);
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

export type BrokenLinkReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' | 'previous_row_missing';

export interface BrokenLink {
  readonly id: string;
  readonly seq: string;
  readonly reason: BrokenLinkReason;
}

/**
 * Checks rows of one chain, in seq order, against the link before them: `previous` is the seq and stored hash of the
 * row (or checkpoint) just before the first row, or null when it is gone and nothing stands in for it. Returns the
 * first broken link, or null. Each row's stored hash (not its recomputed one) is what the next row must point to, so
 * one altered row is reported alone.
 */
export class ChainVerifier {
  private expected: { seq: bigint; hash: string } | null;
  private started = false;
  checked = 0;

  constructor(previous: { seq: string; hash: string } | null) {
    this.expected = previous ? { seq: BigInt(previous.seq), hash: previous.hash } : null;
  }

  /** Feeds the next row; returns the broken link it shows, if any. */
  check(row: ChainedEvent & { readonly hash: string }): BrokenLink | null {
    this.checked += 1;
    const seq = BigInt(row.seq);
    const first = !this.started;
    this.started = true;
    let reason: BrokenLinkReason | null = null;
    if (hashEvent(row) !== row.hash) reason = 'hash_mismatch';
    else if (this.expected === null)
      reason = first && seq === 1n && row.prevHash === GENESIS_HASH ? null : 'previous_row_missing';
    else if (seq !== this.expected.seq + 1n) reason = 'seq_gap';
    else if (row.prevHash !== this.expected.hash) reason = 'prev_hash_mismatch';
    this.expected = { seq, hash: row.hash };
    return reason ? { id: row.id, seq: row.seq, reason } : null;
  }
}
