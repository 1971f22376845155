import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provider logout and security notices (docs/sessions.md, docs/operators.md): live sessions are found by the identity
 * provider's session or subject (back-channel logout); the MFA lifecycle remembers the factors last seen, so a change
 * is noticed; `security_notice` is the outbox of e-mails, written in the transaction of the change they tell about.
 */
export class ProviderLogoutAndNotices1764200000000 implements MigrationInterface {
  name = 'ProviderLogoutAndNotices1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX "session_idp_session_live_idx" ON "session" ("idp_session_id") WHERE "ended_at" IS NULL`,
    );
    await db.query(`CREATE INDEX "session_idp_subject_live_idx" ON "session" ("idp_subject") WHERE "ended_at" IS NULL`);
    await db.query(`ALTER TABLE "mfa_lifecycle" ADD "known_factors" text array`);
    await db.query(`
      CREATE TABLE "security_notice" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "kind" text NOT NULL,
        "recipient" text NOT NULL,
        "subject" text NOT NULL,
        "body" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "last_error" text,
        CONSTRAINT "security_notice_attempts_check" CHECK ("attempts" >= 0)
      )`);
    await db.query(`CREATE INDEX "security_notice_due_idx" ON "security_notice" ("next_attempt_at")`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "security_notice" TO aidial_api`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "security_notice"`);
    await db.query(`ALTER TABLE "mfa_lifecycle" DROP COLUMN "known_factors"`);
    await db.query(`DROP INDEX "session_idp_subject_live_idx"`);
    await db.query(`DROP INDEX "session_idp_session_live_idx"`);
  }
}
