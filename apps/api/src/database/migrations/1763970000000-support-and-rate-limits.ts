import type { MigrationInterface, QueryRunner } from 'typeorm';

/** PLACEHOLDER (filled in by its owner before commit): support tickets (libs/api/support) and the shared rate-limit counters (libs/api/core rate-limit). */
export class SupportAndRateLimits1763970000000 implements MigrationInterface {
  name = 'SupportAndRateLimits1763970000000';

  async up(_db: QueryRunner): Promise<void> {
    // filled in by its owner
  }

  async down(_db: QueryRunner): Promise<void> {
    // filled in by its owner
  }
}
