import { randomUUID } from 'node:crypto';
import { Client, type DatabaseError } from 'pg';
import { API_GROUP_ROLE, cloneTestDatabase, type TestDatabase } from '@aidial/api/testing';

/**
 * Issue 16, least privilege at the database: the API connects as a role that may only do what its code does. On the
 * audit tables that is INSERT and SELECT (the checkpoints: SELECT), and retention through `audit_apply_retention`;
 * nothing the role can run edits an audit row, turns the triggers off, or makes it more than it is.
 */
describe('the API’s database role', () => {
  let database: TestDatabase;
  let api: Client;

  beforeAll(async () => {
    database = await cloneTestDatabase();
    api = new Client({ connectionString: database.url });
    await api.connect();
  });
  afterAll(async () => {
    await api?.end();
    await database?.drop();
  });

  async function sqlStateOf(sql: string, parameters: unknown[] = []): Promise<string | undefined> {
    try {
      await api.query(sql, parameters);
      return undefined;
    } catch (error) {
      return (error as DatabaseError).code;
    }
  }
  const INSUFFICIENT_PRIVILEGE = '42501';

  async function auditRow(): Promise<string> {
    const id = randomUUID();
    await api.query(
      `INSERT INTO audit_event (id, occurred_at, seq, tenant_id, action, outcome, details, prev_hash, hash)
       VALUES ($1, now() - interval '900 days', 1, $2, 'admin.tenant.status_changed', 'success', '{}', $3, $3)`,
      [id, randomUUID(), '0'.repeat(64)],
    );
    return id;
  }

  it('is no superuser and may create no role, no database and bypass no row security', async () => {
    const { rows } = await api.query(
      `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows).toEqual([
      { rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, rolreplication: false },
    ]);
    const { rows: membership } = await api.query(`SELECT pg_has_role(current_user, $1, 'USAGE') AS member`, [
      API_GROUP_ROLE,
    ]);
    expect(membership).toEqual([{ member: true }]);
  });

  it('writes and reads audit events', async () => {
    const id = await auditRow();
    const { rows } = await api.query(`SELECT action FROM audit_event WHERE id = $1`, [id]);
    expect(rows).toEqual([{ action: 'admin.tenant.status_changed' }]);
  });

  it.each([
    ['UPDATE an audit event', `UPDATE audit_event SET outcome = 'failure' WHERE id = $1`],
    ['DELETE an audit event', `DELETE FROM audit_event WHERE id = $1`],
    ['TRUNCATE the audit events', `TRUNCATE audit_event`],
    ['write a checkpoint', `INSERT INTO audit_chain_checkpoint VALUES (gen_random_uuid(), 1, '', now(), now())`],
    ['UPDATE the checkpoints', `UPDATE audit_chain_checkpoint SET seq = 0`],
    ['DELETE the checkpoints', `DELETE FROM audit_chain_checkpoint`],
    ['TRUNCATE the checkpoints', `TRUNCATE audit_chain_checkpoint`],
    ['switch triggers off for its session', `SET session_replication_role = replica`],
    ['disable the append-only trigger', `ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`],
    ['disable every trigger of the table', `ALTER TABLE audit_event DISABLE TRIGGER ALL`],
    ['drop the append-only trigger', `DROP TRIGGER audit_event_append_only ON audit_event`],
    [
      'replace the trigger function',
      `CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
    ],
    [
      'add a trigger of its own',
      `CREATE TRIGGER sneak BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`,
    ],
    ['create a table', `CREATE TABLE sneak (id int)`],
    ['become the owner', `SET ROLE aidial_owner`],
  ])('may not %s', async (_what, sql) => {
    const id = await auditRow();
    const parameters = sql.includes('$1') ? [id] : [];
    expect(await sqlStateOf(sql, parameters)).toBe(INSUFFICIENT_PRIVILEGE);
    const { rows } = await api.query(`SELECT outcome FROM audit_event WHERE id = $1`, [id]);
    expect(rows).toEqual([{ outcome: 'success' }]);
  });

  it('may not delete audit rows by setting the retention flag itself, even within one transaction', async () => {
    const id = await auditRow();
    await api.query('BEGIN');
    try {
      await api.query(`SELECT set_config('aidial.audit_retention', 'on', true)`);
      expect(await sqlStateOf(`DELETE FROM audit_event WHERE id = $1`, [id])).toBe(INSUFFICIENT_PRIVILEGE);
    } finally {
      await api.query('ROLLBACK');
    }
    expect((await api.query(`SELECT id FROM audit_event WHERE id = $1`, [id])).rowCount).toBe(1);
  });

  it('deletes old audit rows only through audit_apply_retention, which keeps a checkpoint', async () => {
    const id = await auditRow();
    const { rows } = await api.query(`SELECT audit_apply_retention(400)::int AS removed`);
    expect(rows[0].removed).toBeGreaterThanOrEqual(1);
    expect((await api.query(`SELECT id FROM audit_event WHERE id = $1`, [id])).rowCount).toBe(0);
    expect((await api.query(`SELECT count(*)::int AS n FROM audit_chain_checkpoint`)).rows[0].n).toBeGreaterThan(0);
  });

  // A diff here is a security review: a new table is the API's only once a migration grants it, and only what it needs.
  it('holds exactly these privileges on each table', async () => {
    const { rows } = await api.query(`
      SELECT c.relname AS table,
             array_to_string(ARRAY(SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',
                                                               'REFERENCES', 'TRIGGER']) AS p
                                    WHERE has_table_privilege(current_user, c.oid, p)), ', ') AS privileges
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
       ORDER BY c.relname`);
    expect(
      Object.fromEntries(rows.map((row: { table: string; privileges: string }) => [row.table, row.privileges])),
    ).toEqual({
      api_key: 'SELECT, INSERT, UPDATE',
      audit_chain_checkpoint: 'SELECT',
      audit_event: 'SELECT, INSERT',
      membership: 'SELECT, INSERT, UPDATE, DELETE',
      membership_invitation: 'SELECT, INSERT, DELETE',
      membership_project: 'SELECT, INSERT, DELETE',
      mfa_lifecycle: 'SELECT, INSERT, UPDATE',
      portal_user: 'SELECT, INSERT, UPDATE',
      project: 'SELECT, INSERT, UPDATE',
      rate_limit_counter: 'SELECT, INSERT, UPDATE, DELETE',
      schema_migration: '',
      schema_migration_id_seq: '',
      security_notice: 'SELECT, INSERT, UPDATE, DELETE',
      session: 'SELECT, INSERT, UPDATE, DELETE',
      sign_in_attempt: 'SELECT, INSERT, UPDATE, DELETE',
      support_ticket: 'SELECT, INSERT',
      tenant: 'SELECT, INSERT, UPDATE',
    });
  });

  it('lets only the API’s role run the retention, not every role on the server', async () => {
    const { rows } = await api.query(
      `SELECT has_function_privilege('public', 'audit_apply_retention(integer)', 'EXECUTE') AS everyone`,
    );
    expect(rows).toEqual([{ everyone: false }]);
  });
});
