import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step-up (docs/sessions.md, "Step-up"): a sign-in started to re-authenticate for a sensitive action keeps the
 * `max_age` it asked for, so the callback refuses an ID token whose `auth_time` is older than that.
 */
export class StepUp1764100000000 implements MigrationInterface {
  name = 'StepUp1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "sign_in_attempt" ADD "max_age_seconds" integer`);
    await db.query(
      `ALTER TABLE "sign_in_attempt" ADD CONSTRAINT "sign_in_attempt_max_age_check" CHECK ("max_age_seconds" >= 0)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "sign_in_attempt" DROP CONSTRAINT "sign_in_attempt_max_age_check"`);
    await db.query(`ALTER TABLE "sign_in_attempt" DROP COLUMN "max_age_seconds"`);
  }
}
