import { Client } from 'pg';

/**
 * The roles the tests use, as docs/operators.md asks of a deployment: `aidial_owner` owns each test database and runs
 * the migrations; `aidial_app`, the API's login, is only a member of `aidial_api`, the group role the migrations grant
 * to. Roles belong to the whole server and outlive a run: they are made when missing and never dropped. The passwords
 * are public and for test servers only (tools/lib/postgres.mjs makes the same roles for `npm start` and the bench).
 */
export const OWNER_ROLE = { name: 'aidial_owner', password: 'aidial_owner' } as const;
export const API_LOGIN_ROLE = { name: 'aidial_app', password: 'aidial_app' } as const;
export const API_GROUP_ROLE = 'aidial_api';

/** `url` with another role's credentials (and, when given, another database). */
export function urlAs(url: string, role: { name: string; password: string }, database?: string): string {
  const parsed = new URL(url);
  parsed.username = role.name;
  parsed.password = role.password;
  if (database) parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Makes the owner, the API's group role and its login when missing, as a superuser at `adminUrl`. Concurrent runs on
 * one server take turns on an advisory lock (the maintenance database is the same for all), so none fails on a role
 * another is making.
 */
export async function ensureDatabaseRoles(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('aidial:database-roles', 0))`);
    await client.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${API_GROUP_ROLE}') THEN
          CREATE ROLE ${API_GROUP_ROLE} NOLOGIN;
        END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${OWNER_ROLE.name}') THEN
          CREATE ROLE ${OWNER_ROLE.name} LOGIN PASSWORD '${OWNER_ROLE.password}';
        END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${API_LOGIN_ROLE.name}') THEN
          CREATE ROLE ${API_LOGIN_ROLE.name} LOGIN PASSWORD '${API_LOGIN_ROLE.password}';
        END IF;
        IF NOT pg_has_role('${API_LOGIN_ROLE.name}', '${API_GROUP_ROLE}', 'MEMBER') THEN
          GRANT ${API_GROUP_ROLE} TO ${API_LOGIN_ROLE.name};
        END IF;
      END $$`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
