import type { MigrationInterface, QueryRunner } from 'typeorm';

const END_REASONS = [
  'signed_out',
  'revoked_by_user',
  'signed_out_elsewhere',
  'replaced',
  'revoked_by_admin',
  'revoked_by_tenant_admin',
  'tenant_suspended',
  'role_changed',
  'membership_removed',
  'idle_timeout',
  'absolute_timeout',
];

/**
 * Session security (docs/sessions.md): a session ends once, with a reason, a time and (when a person ended it) who and
 * their note; an ended session keeps no provider tokens and stays in the user's history for SESSION_HISTORY_DAYS.
 * `revoked_*` becomes `ended_*` because expiry ends a session too (the cleanup job writes it).
 */
export class SessionSecurity1763950000000 implements MigrationInterface {
  name = 'SessionSecurity1763950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "session" RENAME COLUMN "revoked_at" TO "ended_at"`);
    await db.query(`ALTER TABLE "session" RENAME COLUMN "revoked_reason" TO "end_reason"`);
    await db.query(`ALTER TABLE "session" ALTER COLUMN "tokens_encrypted" DROP NOT NULL`);
    await db.query(`
      ALTER TABLE "session"
        ADD COLUMN "ended_by_user_id" uuid,
        ADD COLUMN "end_note" text,
        ADD CONSTRAINT "session_ended_by_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "portal_user" ("id") ON DELETE SET NULL,
        ADD CONSTRAINT "session_end_reason_check" CHECK ("end_reason" IS NULL OR "end_reason" IN (${END_REASONS.map((r) => `'${r}'`).join(', ')})),
        ADD CONSTRAINT "session_end_consistent" CHECK (("ended_at" IS NULL) = ("end_reason" IS NULL)),
        ADD CONSTRAINT "session_end_note_length" CHECK (char_length("end_note") <= 500),
        ADD CONSTRAINT "session_live_has_tokens" CHECK ("ended_at" IS NOT NULL OR "tokens_encrypted" IS NOT NULL)`);
    // Live sessions of a tenant (suspension, an administrator's revocation) and the cleanup job's expiry sweep.
    await db.query(`CREATE INDEX "session_tenant_live_idx" ON "session" ("tenant_id") WHERE "ended_at" IS NULL`);
    await db.query(
      `CREATE INDEX "session_live_expiry_idx" ON "session" (LEAST("idle_expires_at", "absolute_expires_at")) WHERE "ended_at" IS NULL`,
    );
    // The history's retention: ended rows by end time.
    await db.query(`CREATE INDEX "session_ended_at_idx" ON "session" ("ended_at") WHERE "ended_at" IS NOT NULL`);
    await db.query(`CREATE INDEX "sign_in_attempt_created_idx" ON "sign_in_attempt" ("created_at")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "sign_in_attempt_created_idx"`);
    await db.query(`DROP INDEX "session_ended_at_idx"`);
    await db.query(`DROP INDEX "session_live_expiry_idx"`);
    await db.query(`DROP INDEX "session_tenant_live_idx"`);
    await db.query(`
      ALTER TABLE "session"
        DROP CONSTRAINT "session_live_has_tokens",
        DROP CONSTRAINT "session_end_note_length",
        DROP CONSTRAINT "session_end_consistent",
        DROP CONSTRAINT "session_end_reason_check",
        DROP CONSTRAINT "session_ended_by_fk",
        DROP COLUMN "end_note",
        DROP COLUMN "ended_by_user_id"`);
    await db.query(`UPDATE "session" SET "tokens_encrypted" = '' WHERE "tokens_encrypted" IS NULL`);
    await db.query(`ALTER TABLE "session" ALTER COLUMN "tokens_encrypted" SET NOT NULL`);
    await db.query(`ALTER TABLE "session" RENAME COLUMN "end_reason" TO "revoked_reason"`);
    await db.query(`ALTER TABLE "session" RENAME COLUMN "ended_at" TO "revoked_at"`);
  }
}
