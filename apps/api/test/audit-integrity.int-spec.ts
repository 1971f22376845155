import { randomUUID } from 'node:crypto';
import { AuditRetention, AuditService, GENESIS_HASH, type ChainedEvent, hashEvent } from '@aidial/api/audit';
import { asDatabaseOwner } from '@aidial/api/testing';
import { auditCalls } from './support/audit-calls';
import { type SignInStack, startSignInStack } from './support/sign-in-flow';

/**
 * Issue 7 "append-only and tamper-evident": the database refuses UPDATE, DELETE and TRUNCATE on audit rows (to the
 * API's role by its privileges, to the owner by the triggers; database-role.int-spec.ts has the role's side); each
 * tenant's events form a hash chain that concurrent writers never fork; a row altered behind the triggers' back is
 * reported by the verify endpoint, exactly that row; retention deletes old rows and leaves a checkpoint that keeps
 * the chain verifiable.
 */
describe('the audit log is append-only and tamper-evident', () => {
  let stack: SignInStack;
  const { as, call, db } = auditCalls(() => stack);

  beforeAll(async () => {
    stack = await startSignInStack();
  });
  afterAll(() => stack.close());

  const audit = () => stack.api.app.get(AuditService);

  async function verify(tenantId: string | null, range = '') {
    const query = new URLSearchParams(tenantId ? { tenant_id: tenantId } : {});
    const answer = await call(
      await as('grace.okafor@aidial.example'),
      'GET',
      `/api/admin/audit-events/verify?${query.toString()}${range}`,
    );
    expect(answer.status).toBe(200);
    return answer.body as {
      ok: boolean;
      checked: number;
      first_broken: { id: string; seq: string; reason: string } | null;
    };
  }

  /** Records `count` events in a fresh tenant's chain through the service, all at once. */
  async function chainOf(count: number): Promise<string> {
    const tenantId = randomUUID();
    await Promise.all(
      Array.from({ length: count }, (_, index) =>
        audit().record({
          action: 'admin.tenant.status_changed',
          outcome: 'success',
          tenantId,
          actor: { userId: null, role: 'aidial_admin' },
          targetId: tenantId,
          details: { status: index % 2 ? 'active' : 'suspended' },
        }),
      ),
    );
    return tenantId;
  }

  async function rowsOf(tenantId: string) {
    return (await db().query(
      `SELECT id, seq::text AS seq, prev_hash, hash FROM audit_event WHERE tenant_id = $1 ORDER BY audit_event.seq`,
      [tenantId],
    )) as Array<{ id: string; seq: string; prev_hash: string; hash: string }>;
  }

  const asOwner = <T>(work: Parameters<typeof asDatabaseOwner<T>>[1]) => asDatabaseOwner(stack.api.database, work);

  /** As the tables' owner, with the trigger off inside one transaction: what an attacker with the owner's password could do. */
  async function behindTheTriggers(sql: string, parameters: unknown[]): Promise<void> {
    await asOwner(async (owner) => {
      await owner.query('BEGIN');
      await owner.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
      await owner.query(sql, parameters);
      await owner.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
      await owner.query('COMMIT');
    });
  }

  it('keeps concurrent writers of one chain in one line: seq 1…n, each row pointing at the one before', async () => {
    const tenantId = await chainOf(25);
    const rows = await rowsOf(tenantId);
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 25 }, (_, index) => String(index + 1)));
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    rows.slice(1).forEach((row, index) => expect(row.prev_hash).toBe(rows[index]?.hash));
    expect(await verify(tenantId)).toEqual({ ok: true, checked: 25, first_broken: null });
  });

  // Raw SQL throughout this file where it tampers with the audit tables: that is what the product never does.
  it.each([
    ['UPDATE', `UPDATE audit_event SET outcome = 'failure'`],
    ['DELETE', `DELETE FROM audit_event`],
    ['TRUNCATE', `TRUNCATE audit_event`],
    ['UPDATE of a checkpoint', `UPDATE audit_chain_checkpoint SET seq = 0`],
    ['DELETE of a checkpoint', `DELETE FROM audit_chain_checkpoint`],
    ['TRUNCATE of the checkpoints', `TRUNCATE audit_chain_checkpoint`],
  ])('refuses %s to the API’s role, and to the owner through the triggers', async (_name, sql) => {
    await chainOf(2);
    // Only audit_apply_retention writes checkpoints: one is planted (by the owner) so the statements have a row to hit.
    await asOwner((owner) =>
      owner.query(
        `INSERT INTO audit_chain_checkpoint (chain_id, seq, hash, occurred_at, updated_at)
         VALUES ($1, 1, $2, now(), now()) ON CONFLICT DO NOTHING`,
        [randomUUID(), GENESIS_HASH],
      ),
    );
    const before = (await db().query(`SELECT count(*)::int AS n FROM audit_event`)) as Array<{ n: number }>;
    await expect(db().query(sql)).rejects.toThrow(/permission denied/);
    await expect(asOwner((owner) => owner.query(sql))).rejects.toThrow(/append-only/);
    expect(await db().query(`SELECT count(*)::int AS n FROM audit_event`)).toEqual(before);
  });

  it('refuses a DELETE even when the statement sets the retention flag outside the retention function’s transaction', async () => {
    // The flag is transaction-local: set by a separate statement outside a transaction it is gone before the DELETE.
    await asOwner(async (owner) => {
      await owner.query(`SELECT set_config('aidial.audit_retention', 'on', true)`);
      await expect(owner.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    });
  });

  it('reports exactly the row altered behind the triggers, and nothing before it', async () => {
    const tenantId = await chainOf(6);
    const rows = await rowsOf(tenantId);
    const victim = at(rows, 3);
    await behindTheTriggers(`UPDATE audit_event SET outcome = 'failure' WHERE id = $1`, [victim.id]);
    expect(await verify(tenantId)).toEqual({
      ok: false,
      checked: 4,
      first_broken: { id: victim.id, seq: '4', reason: 'hash_mismatch' },
    });
  });

  it('reports the row after one deleted behind the triggers', async () => {
    const tenantId = await chainOf(5);
    const rows = await rowsOf(tenantId);
    await behindTheTriggers(`DELETE FROM audit_event WHERE id = $1`, [at(rows, 1).id]);
    expect((await verify(tenantId)).first_broken).toEqual({ id: at(rows, 2).id, seq: '3', reason: 'seq_gap' });
  });

  it('verifies a time range, linking its first row to the row before it', async () => {
    const tenantId = randomUUID();
    for (const status of ['suspended', 'active', 'suspended', 'active'] as const) {
      await audit().record({
        action: 'admin.tenant.status_changed',
        outcome: 'success',
        tenantId,
        actor: {},
        details: { status },
      });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const times = (await db().query(
      `SELECT occurred_at FROM audit_event WHERE tenant_id = $1 ORDER BY audit_event.seq`,
      [tenantId],
    )) as Array<{ occurred_at: Date }>;
    const from = encodeURIComponent(at(times, 2).occurred_at.toISOString());
    const to = encodeURIComponent(at(times, 3).occurred_at.toISOString());
    expect(await verify(tenantId, `&from=${from}`)).toEqual({ ok: true, checked: 2, first_broken: null });
    expect(await verify(tenantId, `&from=${from}&to=${to}`)).toEqual({ ok: true, checked: 1, first_broken: null });
  });

  it('lets only the internal roles verify', async () => {
    const operator = await call(await as('noah.williams@aidial.example'), 'GET', '/api/admin/audit-events/verify');
    expect(operator.status).toBe(200);
    for (const email of ['amelia.hart@acme-health.example', 'priya.natarajan@northwind.example']) {
      const answer = await call(await as(email), 'GET', '/api/admin/audit-events/verify');
      expect([answer.status, answer.body['code']]).toEqual([404, 'not_found']);
    }
  });

  describe('retention', () => {
    /** Appends rows with the given ages (days) to a new chain, hashed as the service does, and answers its tenant id. */
    async function agedChain(ages: number[]): Promise<string> {
      const tenantId = randomUUID();
      let prevHash = GENESIS_HASH;
      for (const [index, age] of ages.entries()) {
        const row: ChainedEvent = {
          id: randomUUID(),
          seq: String(index + 1),
          occurredAt: new Date(Date.now() - age * 86_400_000),
          tenantId,
          actorUserId: null,
          actorApiKeyId: null,
          actorRole: 'aidial_admin',
          action: 'admin.tenant.mfa_policy_changed',
          targetType: 'tenant',
          targetId: tenantId,
          outcome: 'success',
          requestId: null,
          ipCoarse: null,
          userAgent: null,
          details: { mfa_policy: 'required' },
          prevHash,
        };
        const hash = hashEvent(row);
        // Back-dated rows: the service stamps every event with the time it records it.
        await db().query(
          `INSERT INTO audit_event (id, occurred_at, seq, tenant_id, actor_role, action, target_type, target_id, outcome,
                                    details, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)`,
          [
            row.id,
            row.occurredAt,
            row.seq,
            tenantId,
            row.actorRole,
            row.action,
            row.targetType,
            row.targetId,
            row.outcome,
            JSON.stringify(row.details),
            prevHash,
            hash,
          ],
        );
        prevHash = hash;
      }
      return tenantId;
    }

    it('deletes rows older than the retention, keeps a checkpoint, and the rest still verifies', async () => {
      const tenantId = await agedChain([500, 450, 401, 30, 1]);
      const rows = await rowsOf(tenantId);
      const removed = await stack.api.app.get(AuditRetention).run(400);
      expect(removed).toBeGreaterThanOrEqual(3);
      expect((await rowsOf(tenantId)).map((row) => row.seq)).toEqual(['4', '5']);
      expect(
        await db().query(`SELECT seq::text AS seq, hash FROM audit_chain_checkpoint WHERE chain_id = $1`, [tenantId]),
      ).toEqual([{ seq: '3', hash: at(rows, 2).hash }]);
      expect(await verify(tenantId)).toEqual({ ok: true, checked: 2, first_broken: null });
    });

    it('continues a chain whose every row was removed from its checkpoint', async () => {
      const tenantId = await agedChain([700, 600]);
      const last = at(await rowsOf(tenantId), 1);
      await stack.api.app.get(AuditRetention).run(400);
      expect(await rowsOf(tenantId)).toEqual([]);
      await audit().record({
        action: 'admin.tenant.mfa_policy_changed',
        outcome: 'success',
        tenantId,
        actor: {},
        details: { mfa_policy: 'role_default' },
      });
      const [next] = await rowsOf(tenantId);
      expect(next).toMatchObject({ seq: '3', prev_hash: last.hash });
      expect(await verify(tenantId)).toEqual({ ok: true, checked: 1, first_broken: null });
    });

    it('is the only way rows go: the same delete outside the function is refused', async () => {
      const tenantId = await agedChain([900]);
      await expect(db().query(`DELETE FROM audit_event WHERE tenant_id = $1`, [tenantId])).rejects.toThrow(
        /permission denied/,
      );
      await expect(db().query(`SELECT audit_apply_retention(0)`)).rejects.toThrow(/at least 1/);
    });
  });
});

/** The item at `index`, which the test has just made sure exists. */
function at<T>(list: ArrayLike<T> | Record<string, T>, index: number | string): T {
  const item = (list as Record<string | number, T | undefined>)[index];
  if (item === undefined) throw new Error(`nothing at ${String(index)}`);
  return item;
}
