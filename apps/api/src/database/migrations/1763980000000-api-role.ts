import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the API may do, granted to the NOLOGIN group role `aidial_api` (docs/operators.md, "Database roles"). The API
 * connects as a login role that is a member of it; migrations run as the tables' owner. Each table gets only what the
 * API's code does to it: `audit_event` INSERT and SELECT, `audit_chain_checkpoint` SELECT, and deleting audit rows only
 * through `audit_apply_retention`, which is SECURITY DEFINER and so runs with the owner's rights. No table grants
 * TRUNCATE, REFERENCES or TRIGGER, and only an owner or a superuser can disable a trigger or set
 * `session_replication_role`. There are no default privileges: a new table is the API's only once its migration grants
 * it, and `database-role.int-spec.ts` holds the list.
 */
const API_GRANTS: Record<string, string> = {
  tenant: 'SELECT, INSERT, UPDATE',
  project: 'SELECT, INSERT, UPDATE',
  portal_user: 'SELECT, INSERT, UPDATE',
  membership: 'SELECT, INSERT, UPDATE, DELETE',
  membership_project: 'SELECT, INSERT, DELETE',
  membership_invitation: 'SELECT, INSERT, DELETE',
  session: 'SELECT, INSERT, UPDATE, DELETE',
  sign_in_attempt: 'SELECT, INSERT, UPDATE, DELETE',
  audit_event: 'SELECT, INSERT',
  audit_chain_checkpoint: 'SELECT',
  api_key: 'SELECT, INSERT, UPDATE',
  mfa_lifecycle: 'SELECT, INSERT, UPDATE',
  support_ticket: 'SELECT, INSERT',
  rate_limit_counter: 'SELECT, INSERT, UPDATE, DELETE',
};

export class ApiRole1763980000000 implements MigrationInterface {
  name = 'ApiRole1763980000000';

  async up(db: QueryRunner): Promise<void> {
    // Roles belong to the whole server: another database's migration may have made it, perhaps at this very moment.
    await db.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aidial_api') THEN
          CREATE ROLE aidial_api NOLOGIN;
        END IF;
      EXCEPTION
        WHEN duplicate_object OR unique_violation THEN NULL;
        WHEN insufficient_privilege THEN
          RAISE EXCEPTION 'the role aidial_api does not exist and % may not create it: as a superuser, run CREATE ROLE aidial_api NOLOGIN (docs/operators.md)', current_user;
      END $$`);
    // PostgreSQL before 15 lets everyone create objects in `public`; the API must not (a table of its own, a function
    // shadowing one the retention calls). A no-op, with a warning, when the migrating role does not own the schema.
    await db.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await db.query(`GRANT USAGE ON SCHEMA public TO aidial_api`);
    for (const [table, privileges] of Object.entries(API_GRANTS)) {
      await db.query(`GRANT ${privileges} ON "${table}" TO aidial_api`);
    }
    await db.query(`REVOKE ALL ON FUNCTION "audit_apply_retention"(integer) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION "audit_apply_retention"(integer) TO aidial_api`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The role stays: other databases on the server may use it.
    await db.query(`REVOKE ALL ON FUNCTION "audit_apply_retention"(integer) FROM aidial_api`);
    await db.query(`GRANT EXECUTE ON FUNCTION "audit_apply_retention"(integer) TO PUBLIC`);
    for (const table of Object.keys(API_GRANTS)) await db.query(`REVOKE ALL ON "${table}" FROM aidial_api`);
    await db.query(`REVOKE USAGE ON SCHEMA public FROM aidial_api`);
  }
}
