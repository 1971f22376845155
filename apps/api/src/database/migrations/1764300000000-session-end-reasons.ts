import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = [
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
const AFTER = [...BEFORE, 'provider_signed_out', 'factors_changed'];

const check = (reasons: readonly string[]) =>
  `ADD CONSTRAINT "session_end_reason_check" CHECK ("end_reason" IS NULL OR "end_reason" IN (${reasons
    .map((reason) => `'${reason}'`)
    .join(', ')}))`;

/**
 * Two ways a session ends that the history must name truthfully (docs/sessions.md): a sign-out at the identity
 * provider (back-channel logout) and a change of the person's second factors seen at a sign-in. Neither was the
 * person's "Sign out" or "Sign out everywhere else".
 */
export class SessionEndReasons1764300000000 implements MigrationInterface {
  name = 'SessionEndReasons1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "session" DROP CONSTRAINT "session_end_reason_check", ${check(AFTER)}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `UPDATE "session" SET "end_reason" = 'signed_out' WHERE "end_reason" IN ('provider_signed_out', 'factors_changed')`,
    );
    await db.query(`ALTER TABLE "session" DROP CONSTRAINT "session_end_reason_check", ${check(BEFORE)}`);
  }
}
