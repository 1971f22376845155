import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A partner's client selection kept in the session, and pending Team invitations. */
export class Tenancy1763920000000 implements MigrationInterface {
  name = 'Tenancy1763920000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "session" ADD "selected_client_id" uuid`);
    await db.query(`
      ALTER TABLE "session" ADD CONSTRAINT "session_selected_client_fk"
        FOREIGN KEY ("selected_client_id") REFERENCES "tenant" ("id") ON DELETE SET NULL`);
    await db.query(`
      CREATE TABLE "membership_invitation" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "email" text NOT NULL,
        "role" text NOT NULL,
        "invited_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "membership_invitation_email_check" CHECK ("email" = lower("email")),
        CONSTRAINT "membership_invitation_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE,
        CONSTRAINT "membership_invitation_invited_by_fk" FOREIGN KEY ("invited_by") REFERENCES "portal_user" ("id") ON DELETE SET NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX "membership_invitation_tenant_email_key" ON "membership_invitation" ("tenant_id", "email")`,
    );
    await db.query(`CREATE INDEX "membership_invitation_email_idx" ON "membership_invitation" ("email")`);
    // Partners list the clients they manage.
    await db.query(`CREATE INDEX "tenant_managing_partner_idx" ON "tenant" ("managing_partner_id")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "tenant_managing_partner_idx"`);
    await db.query(`DROP TABLE "membership_invitation"`);
    await db.query(`ALTER TABLE "session" DROP CONSTRAINT "session_selected_client_fk"`);
    await db.query(`ALTER TABLE "session" DROP COLUMN "selected_client_id"`);
  }
}
