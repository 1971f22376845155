import { type ChainedEvent, ChainVerifier, GENESIS_HASH, canonicalJson, hashEvent } from './hash-chain';

function event(seq: number, prevHash: string, overrides: Partial<ChainedEvent> = {}): ChainedEvent & { hash: string } {
  const base: ChainedEvent = {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    seq: String(seq),
    occurredAt: new Date(Date.UTC(2026, 10, 23, 12, 0, seq)),
    tenantId: '11111111-1111-4111-8111-111111111111',
    actorUserId: '22222222-2222-4222-8222-222222222222',
    actorApiKeyId: null,
    actorRole: 'client_admin',
    action: 'tenancy.member.role_changed',
    targetType: 'membership',
    targetId: '33333333-3333-4333-8333-333333333333',
    outcome: 'success',
    requestId: `req-${seq}-abcdefgh`,
    ipCoarse: '203.0.113.0',
    userAgent: 'jest',
    details: { to_role: 'client_manager', from_role: 'client_staff' },
    prevHash,
    ...overrides,
  };
  return { ...base, hash: hashEvent(base) };
}

function chain(length: number): Array<ChainedEvent & { hash: string }> {
  const rows: Array<ChainedEvent & { hash: string }> = [];
  for (let seq = 1; seq <= length; seq++) rows.push(event(seq, rows.at(-1)?.hash ?? GENESIS_HASH));
  return rows;
}

function verify(rows: Array<ChainedEvent & { hash: string }>, previous: { seq: string; hash: string } | null = null) {
  const verifier = new ChainVerifier(previous);
  for (const row of rows) {
    const broken = verifier.check(row);
    if (broken) return broken;
  }
  return null;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, so key order never changes a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });
});

describe('hashEvent', () => {
  it('is a SHA-256 of the content and the previous hash', () => {
    const row = event(1, GENESIS_HASH);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent({ ...row, details: { from_role: 'client_staff', to_role: 'client_manager' } })).toBe(row.hash);
  });

  it.each<[string, Partial<ChainedEvent>]>([
    ['the action', { action: 'tenancy.member.removed' }],
    ['the outcome', { outcome: 'denied' }],
    ['the actor', { actorUserId: '44444444-4444-4444-8444-444444444444' }],
    ['the tenant', { tenantId: null }],
    ['the time', { occurredAt: new Date(Date.UTC(2026, 10, 23, 12, 0, 1, 1)) }],
    ['a detail', { details: { from_role: 'client_staff', to_role: 'client_admin' } }],
    ['the previous hash', { prevHash: 'f'.repeat(64) }],
    ['the position', { seq: '2' }],
    ['the request id', { requestId: 'another-request' }],
  ])('changes when %s changes', (_name, change) => {
    const row = event(1, GENESIS_HASH);
    expect(hashEvent({ ...row, ...change })).not.toBe(row.hash);
  });
});

describe('ChainVerifier', () => {
  it('accepts an intact chain from its first row', () => {
    expect(verify(chain(5))).toBeNull();
  });

  it('accepts a range that starts after a known row or checkpoint', () => {
    const rows = chain(5);
    expect(verify(rows.slice(2), { seq: at(rows, 1).seq, hash: at(rows, 1).hash })).toBeNull();
  });

  it('reports exactly the row whose content was altered', () => {
    const rows = chain(5);
    rows[2] = { ...at(rows, 2), outcome: 'failure' };
    expect(verify(rows)).toEqual({ id: at(rows, 2).id, seq: '3', reason: 'hash_mismatch' });
  });

  it('reports the row after one that was removed', () => {
    const rows = chain(5);
    rows.splice(2, 1);
    expect(verify(rows)).toEqual({ id: at(rows, 2).id, seq: '4', reason: 'seq_gap' });
  });

  it('reports a row re-hashed to point elsewhere', () => {
    const rows = chain(4);
    const forged = event(3, 'e'.repeat(64));
    rows[2] = forged;
    expect(verify(rows)).toEqual({ id: forged.id, seq: '3', reason: 'prev_hash_mismatch' });
  });

  it('reports a first row whose predecessor is gone with nothing standing in for it', () => {
    const rows = chain(4);
    expect(verify(rows.slice(1))).toEqual({ id: at(rows, 1).id, seq: '2', reason: 'previous_row_missing' });
  });
});

/** The item at `index`, which the test has just made sure exists. */
function at<T>(list: ArrayLike<T> | Record<string, T>, index: number | string): T {
  const item = (list as Record<string | number, T | undefined>)[index];
  if (item === undefined) throw new Error(`nothing at ${String(index)}`);
  return item;
}
