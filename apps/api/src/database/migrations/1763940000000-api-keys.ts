import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys for the /v1 integration surface: public id, HMAC of the secret, scopes, project scope, expiry, rotation, revocation. */
export class ApiKeys1763940000000 implements MigrationInterface {
  name = 'ApiKeys1763940000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "api_key" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "client_id" uuid,
        "name" text NOT NULL,
        "public_id" text NOT NULL,
        "secret_hash" bytea NOT NULL,
        "last_four" text NOT NULL,
        "scopes" text[] NOT NULL,
        "project_ids" uuid[],
        "created_by" uuid,
        "creator_role" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "rotated_from_id" uuid,
        "revoked_at" timestamptz,
        "revoked_by" uuid,
        "last_used_at" timestamptz,
        "last_used_ip" text,
        "last_used_user_agent" text,
        CONSTRAINT "api_key_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE,
        CONSTRAINT "api_key_client_fk" FOREIGN KEY ("client_id") REFERENCES "tenant" ("id") ON DELETE SET NULL,
        CONSTRAINT "api_key_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "portal_user" ("id") ON DELETE SET NULL,
        CONSTRAINT "api_key_revoked_by_fk" FOREIGN KEY ("revoked_by") REFERENCES "portal_user" ("id") ON DELETE SET NULL,
        CONSTRAINT "api_key_rotated_from_fk" FOREIGN KEY ("rotated_from_id") REFERENCES "api_key" ("id") ON DELETE SET NULL
      )`);
    await db.query(`CREATE UNIQUE INDEX "api_key_public_id_key" ON "api_key" ("public_id")`);
    await db.query(`CREATE INDEX "api_key_tenant_idx" ON "api_key" ("tenant_id", "created_at")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "api_key"`);
  }
}
