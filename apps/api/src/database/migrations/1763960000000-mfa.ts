import type { MigrationInterface, QueryRunner } from 'typeorm';

/** PLACEHOLDER (filled in by its owner before commit): the MFA snapshot on the session and the recovery-code lifecycle (issue 5; libs/api/mfa). */
export class Mfa1763960000000 implements MigrationInterface {
  name = 'Mfa1763960000000';

  async up(_db: QueryRunner): Promise<void> {
    // filled in by its owner
  }

  async down(_db: QueryRunner): Promise<void> {
    // filled in by its owner
  }
}
