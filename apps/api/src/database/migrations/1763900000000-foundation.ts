import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants, projects, users and memberships (DESIGN.md §4): what every later capability hangs from. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "tenant" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "kind" text NOT NULL CONSTRAINT "tenant_kind_check" CHECK ("kind" IN ('customer', 'partner', 'internal')),
        "name" text NOT NULL,
        "status" text NOT NULL DEFAULT 'active' CONSTRAINT "tenant_status_check" CHECK ("status" IN ('active', 'suspended', 'closed')),
        "managing_partner_id" uuid,
        "feature_flags" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "mfa_policy" text NOT NULL DEFAULT 'role_default' CONSTRAINT "tenant_mfa_policy_check" CHECK ("mfa_policy" IN ('role_default', 'required')),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "tenant_managing_partner_fk" FOREIGN KEY ("managing_partner_id") REFERENCES "tenant" ("id") ON DELETE RESTRICT
      )`);
    await db.query(`
      CREATE TABLE "project" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "status" text NOT NULL DEFAULT 'active' CONSTRAINT "project_status_check" CHECK ("status" IN ('active', 'archived')),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "project_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE RESTRICT
      )`);
    await db.query(`CREATE INDEX "project_tenant_idx" ON "project" ("tenant_id")`);
    await db.query(`
      CREATE TABLE "portal_user" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "idp_subject" text NOT NULL CONSTRAINT "portal_user_idp_subject_key" UNIQUE,
        "email" text,
        "display_name" text,
        "status" text NOT NULL DEFAULT 'active' CONSTRAINT "portal_user_status_check" CHECK ("status" IN ('active', 'disabled')),
        "mfa_policy" text NOT NULL DEFAULT 'role_default' CONSTRAINT "portal_user_mfa_policy_check" CHECK ("mfa_policy" IN ('role_default', 'required')),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE "membership" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "tenant_id" uuid NOT NULL,
        "role" text NOT NULL,
        "project_scope" text NOT NULL DEFAULT 'all' CONSTRAINT "membership_project_scope_check" CHECK ("project_scope" IN ('all', 'selected')),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "membership_user_fk" FOREIGN KEY ("user_id") REFERENCES "portal_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "membership_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE RESTRICT
      )`);
    await db.query(`CREATE UNIQUE INDEX "membership_user_tenant_key" ON "membership" ("user_id", "tenant_id")`);
    await db.query(`CREATE INDEX "membership_tenant_idx" ON "membership" ("tenant_id")`);
    await db.query(`
      CREATE TABLE "membership_project" (
        "membership_id" uuid NOT NULL,
        "project_id" uuid NOT NULL,
        PRIMARY KEY ("membership_id", "project_id"),
        CONSTRAINT "membership_project_membership_fk" FOREIGN KEY ("membership_id") REFERENCES "membership" ("id") ON DELETE CASCADE,
        CONSTRAINT "membership_project_project_fk" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX "membership_project_project_idx" ON "membership_project" ("project_id")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "membership_project"`);
    await db.query(`DROP TABLE "membership"`);
    await db.query(`DROP TABLE "portal_user"`);
    await db.query(`DROP TABLE "project"`);
    await db.query(`DROP TABLE "tenant"`);
  }
}
