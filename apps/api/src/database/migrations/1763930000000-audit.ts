import type { MigrationInterface, QueryRunner } from 'typeorm';

const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * The audit log (docs/audit.md): append-only `audit_event` rows in one hash chain per tenant, the checkpoints that
 * keep a chain verifiable after retention, and the retention function, the only way rows are ever deleted.
 *
 * Append-only is enforced by triggers, not by privileges alone, because the application may connect as the table's
 * owner (it does locally): UPDATE, DELETE and TRUNCATE raise, except a DELETE made while the transaction-local setting
 * `aidial.audit_retention` is `on`, which only `audit_apply_retention()` sets (and clears) inside its own transaction.
 * A deployment should also run the application as a role with only SELECT and INSERT on these tables and EXECUTE on
 * that function, which is SECURITY DEFINER: then not even a statement that sets the flag can delete (docs/audit.md).
 */
export class Audit1763930000000 implements MigrationInterface {
  name = 'Audit1763930000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "audit_event" (
        "id" uuid PRIMARY KEY,
        "occurred_at" timestamptz NOT NULL,
        "seq" bigint NOT NULL,
        "tenant_id" uuid,
        "actor_user_id" uuid,
        "actor_api_key_id" uuid,
        "actor_role" text,
        "action" text NOT NULL,
        "target_type" text,
        "target_id" text,
        "outcome" text NOT NULL,
        "request_id" text,
        "ip_coarse" text,
        "user_agent" text,
        "details" jsonb NOT NULL,
        "prev_hash" text NOT NULL,
        "hash" text NOT NULL,
        CONSTRAINT "audit_event_outcome_check" CHECK ("outcome" IN ('success', 'denied', 'failure'))
      )`);
    // One row per position in each chain; also how a writer finds the head of its chain.
    await db.query(
      `CREATE UNIQUE INDEX "audit_event_chain_seq_key" ON "audit_event" ((coalesce("tenant_id", ${NIL})), "seq")`,
    );
    // The Audit Log page: newest first within a tenant, and across tenants for internal roles (scanned backwards).
    await db.query(`CREATE INDEX "audit_event_tenant_time_idx" ON "audit_event" ("tenant_id", "occurred_at", "id")`);
    await db.query(`CREATE INDEX "audit_event_time_idx" ON "audit_event" ("occurred_at", "id")`);
    await db.query(`
      CREATE TABLE "audit_chain_checkpoint" (
        "chain_id" uuid PRIMARY KEY,
        "seq" bigint NOT NULL,
        "hash" text NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL
      )`);

    await db.query(`
      CREATE FUNCTION "audit_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('aidial.audit_retention', true) = 'on'
           AND ((TG_TABLE_NAME = 'audit_event' AND TG_OP = 'DELETE')
                OR (TG_TABLE_NAME = 'audit_chain_checkpoint' AND TG_OP = 'UPDATE')) THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_event', 'audit_chain_checkpoint']) {
      await db.query(`
        CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
          FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"()`);
      await db.query(`
        CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}"
          FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"()`);
    }

    // The retention job's only statement. Per chain, under the same advisory lock writers take, it removes the oldest
    // rows up to the last one older than the cut-off and keeps that row's seq and hash as the chain's checkpoint.
    await db.query(`
      CREATE FUNCTION "audit_apply_retention"(retention_days integer) RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        cutoff timestamptz;
        chain record;
        last_row record;
        removed bigint := 0;
        counted bigint;
      BEGIN
        IF retention_days IS NULL OR retention_days < 1 THEN
          RAISE EXCEPTION 'retention_days must be at least 1';
        END IF;
        cutoff := now() - make_interval(days => retention_days);
        -- One run at a time across every API instance; the others skip.
        IF NOT pg_try_advisory_xact_lock(hashtextextended('audit_event:retention', 0)) THEN
          RETURN 0;
        END IF;
        PERFORM set_config('aidial.audit_retention', 'on', true);
        FOR chain IN
          SELECT DISTINCT coalesce(tenant_id, ${NIL}) AS id FROM audit_event WHERE occurred_at < cutoff
        LOOP
          PERFORM pg_advisory_xact_lock(hashtextextended('audit_event:' || chain.id::text, 0));
          SELECT seq, hash, occurred_at INTO last_row FROM audit_event
           WHERE coalesce(tenant_id, ${NIL}) = chain.id AND occurred_at < cutoff
           ORDER BY seq DESC LIMIT 1;
          DELETE FROM audit_event WHERE coalesce(tenant_id, ${NIL}) = chain.id AND seq <= last_row.seq;
          GET DIAGNOSTICS counted = ROW_COUNT;
          removed := removed + counted;
          INSERT INTO audit_chain_checkpoint (chain_id, seq, hash, occurred_at, updated_at)
          VALUES (chain.id, last_row.seq, last_row.hash, last_row.occurred_at, now())
          ON CONFLICT (chain_id) DO UPDATE
            SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, occurred_at = EXCLUDED.occurred_at, updated_at = now();
        END LOOP;
        PERFORM set_config('aidial.audit_retention', 'off', true);
        RETURN removed;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION "audit_apply_retention"(integer)`);
    await db.query(`DROP TABLE "audit_chain_checkpoint"`);
    await db.query(`DROP TABLE "audit_event"`);
    await db.query(`DROP FUNCTION "audit_refuse_change"()`);
  }
}
