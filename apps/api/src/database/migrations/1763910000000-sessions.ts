import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions (hashed cookie, encrypted provider tokens, lifetimes, revocation) and sign-in attempts (state, nonce, PKCE). */
export class Sessions1763910000000 implements MigrationInterface {
  name = 'Sessions1763910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "session" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "token_hash" bytea NOT NULL,
        "user_id" uuid NOT NULL,
        "tenant_id" uuid NOT NULL,
        "idp_subject" text NOT NULL,
        "idp_session_id" text,
        "tokens_encrypted" text NOT NULL,
        "amr" text[] NOT NULL,
        "auth_time" timestamptz NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_seen_at" timestamptz NOT NULL,
        "idle_expires_at" timestamptz NOT NULL,
        "absolute_expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        "revoked_reason" text,
        "user_agent" text,
        "ip_coarse" text,
        CONSTRAINT "session_user_fk" FOREIGN KEY ("user_id") REFERENCES "portal_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "session_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE
      )`);
    await db.query(`CREATE UNIQUE INDEX "session_token_hash_key" ON "session" ("token_hash")`);
    await db.query(`CREATE INDEX "session_user_idx" ON "session" ("user_id")`);
    await db.query(`
      CREATE TABLE "sign_in_attempt" (
        "state_hash" bytea PRIMARY KEY,
        "browser_hash" bytea NOT NULL,
        "nonce" text NOT NULL,
        "code_verifier" text NOT NULL,
        "return_to" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "consumed_at" timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "sign_in_attempt"`);
    await db.query(`DROP TABLE "session"`);
  }
}
