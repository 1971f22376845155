import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Support tickets (libs/api/support) and the shared rate-limit counters (libs/api/core rate-limit, used when no
 * REDIS_URL is set). A counter row holds only an HMAC of its bucket and key, its count and when its window ends; it
 * has no entity: only the rate limiter's own SQL reads and writes it (docs/rate-limits.md).
 */
export class SupportAndRateLimits1763970000000 implements MigrationInterface {
  name = 'SupportAndRateLimits1763970000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "support_ticket" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "category" text NOT NULL,
        "subject" text NOT NULL,
        "body" text NOT NULL,
        "status" text NOT NULL DEFAULT 'open',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "support_ticket_category_check" CHECK ("category" IN ('account', 'access', 'other')),
        CONSTRAINT "support_ticket_status_check" CHECK ("status" IN ('open', 'closed')),
        CONSTRAINT "support_ticket_subject_check" CHECK (char_length("subject") BETWEEN 1 AND 200),
        CONSTRAINT "support_ticket_body_check" CHECK (char_length("body") BETWEEN 1 AND 5000),
        CONSTRAINT "support_ticket_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE,
        CONSTRAINT "support_ticket_user_fk" FOREIGN KEY ("user_id") REFERENCES "portal_user" ("id") ON DELETE CASCADE
      )`);
    // Listing newest first: a tenant's tickets (administrators), a person's own tickets (everyone else).
    await db.query(`CREATE INDEX "support_ticket_tenant_idx" ON "support_ticket" ("tenant_id", "created_at")`);
    await db.query(`CREATE INDEX "support_ticket_user_idx" ON "support_ticket" ("user_id", "tenant_id", "created_at")`);

    await db.query(`
      CREATE TABLE "rate_limit_counter" (
        "key" text PRIMARY KEY,
        "count" integer NOT NULL,
        "window_ends_at" timestamptz NOT NULL
      )`);
    // The periodic cleanup deletes counters whose window has ended.
    await db.query(`CREATE INDEX "rate_limit_counter_window_ends_idx" ON "rate_limit_counter" ("window_ends_at")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "rate_limit_counter"`);
    await db.query(`DROP TABLE "support_ticket"`);
  }
}
