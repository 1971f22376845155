import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The MFA snapshot on the session (taken at sign-in, read with the session row) and the recovery-code lifecycle of each
 * user (issue 5; libs/api/mfa, docs/mfa.md). Neither holds a secret: no code, seed or phone number.
 */
export class Mfa1763960000000 implements MigrationInterface {
  name = 'Mfa1763960000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "session" ADD COLUMN "mfa_snapshot" jsonb`);
    await db.query(`
      CREATE TABLE "mfa_lifecycle" (
        "user_id" uuid PRIMARY KEY CONSTRAINT "mfa_lifecycle_user_fk" REFERENCES "portal_user" ("id") ON DELETE CASCADE,
        "marker" text NOT NULL,
        "recovery_codes" text NOT NULL CONSTRAINT "mfa_lifecycle_recovery_codes_check" CHECK ("recovery_codes" IN ('none', 'ack_required', 'acknowledged', 'reminder')),
        "enrolled" boolean NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "mfa_lifecycle"`);
    await db.query(`ALTER TABLE "session" DROP COLUMN "mfa_snapshot"`);
  }
}
