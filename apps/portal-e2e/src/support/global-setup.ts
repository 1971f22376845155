import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * tools/lib holds the helpers every script shares (local stack, bench, these tests); it is a folder, not an Nx project.
 * Loaded with import() so Node runs them as the ES modules they are: Playwright compiles static imports to CommonJS,
 * where `import.meta` (dev-idp.mjs finds the workspace with it) is a syntax error.
 */
async function toolsLib() {
  /* eslint-disable @nx/enforce-module-boundaries */
  const [apiEnv, devIdp, devPlatform, postgres] = await Promise.all([
    import('../../../../tools/lib/api-env.mjs'),
    import('../../../../tools/lib/dev-idp.mjs'),
    import('../../../../tools/lib/dev-platform.mjs'),
    import('../../../../tools/lib/postgres.mjs'),
  ]);
  /* eslint-enable @nx/enforce-module-boundaries */
  return { ...apiEnv, ...devIdp, ...devPlatform, ...postgres };
}

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
const BUILT_API = join(WORKSPACE_ROOT, 'dist/apps/api/main.js');
const BUILT_MIGRATE = join(WORKSPACE_ROOT, 'dist/apps/api/migrate.js');
const BUILT_DEMO_SEED = join(WORKSPACE_ROOT, 'dist/apps/api/demo-seed.js');
const BUILT_PORTAL = join(WORKSPACE_ROOT, 'dist/apps/portal/browser');
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

/** The last lines the API printed, for the failure message when it does not come up. */
class OutputTail {
  private text = '';
  append(chunk: Buffer): void {
    this.text = (this.text + chunk.toString()).slice(-8_000);
  }
  toString(): string {
    return this.text;
  }
}

async function waitUntilReady(baseUrl: string, api: ChildProcess, output: OutputTail): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the API exited with code ${api.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`the API was not ready within ${READY_TIMEOUT_MS} ms:\n${output}`);
}

async function stopApi(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null || api.signalCode !== null) return;
  const exited = new Promise<void>((done) => api.once('exit', () => done()));
  api.kill('SIGTERM');
  const timer = setTimeout(() => api.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts what the browser tests need, from nothing a previous run left behind: a PostgreSQL server (the configured one,
 * or an embedded one in a fresh temporary folder), a database of its own, migrated by the built `migrate` command and
 * filled with the demo tenants and users (tools/demo/seed.json); the local identity provider (apps/dev-idp) with the
 * same users; the AiDial platform API's stand-in (apps/dev-platform) with sample data for the same tenants; and the
 * built API serving the built portal on a free port, signing in through that provider. Returns
 * the teardown, which undoes all of it.
 */
export default async function startStack(): Promise<() => Promise<void>> {
  for (const built of [BUILT_API, BUILT_MIGRATE, BUILT_DEMO_SEED, join(BUILT_PORTAL, 'index.html')]) {
    if (!existsSync(built))
      throw new Error(`${built} is missing: build first (npx nx run-many -t build -p api portal)`);
  }

  const {
    createDatabase,
    dropDatabase,
    freePort,
    scriptApiEnv,
    seedDemoData,
    startDevIdp,
    startDevPlatform,
    startPostgres,
    uniqueName,
  } = await toolsLib();
  const cleanups: Array<() => Promise<void> | void> = [];
  /** Undoes the steps in reverse, every one of them even when an earlier one fails. */
  const teardown = async () => {
    const failures: unknown[] = [];
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, 'the portal e2e teardown did not finish cleanly');
  };

  try {
    // A superuser's URL (it makes the roles and the database); DATABASE_URL is the API's own, limited role.
    const configuredUrl = process.env['TEST_DATABASE_URL']?.trim() || undefined;
    const postgresDir = mkdtempSync(join(tmpdir(), 'aidial-portal-e2e-'));
    cleanups.push(() => rmSync(postgresDir, { recursive: true, force: true }));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
    chmodSync(postgresDir, 0o755);
    const postgres = await startPostgres({
      configuredUrl,
      dataDir: join(postgresDir, 'data'),
      port: undefined, // a free one
      persistent: false,
    });
    cleanups.push(() => postgres.stop());

    const database = uniqueName('aidial_portal_e2e');
    const { url: databaseUrl, ownerUrl } = await createDatabase(postgres.adminUrl, database);
    cleanups.push(() => dropDatabase(postgres.adminUrl, database));
    execFileSync(process.execPath, [BUILT_MIGRATE], {
      cwd: WORKSPACE_ROOT,
      env: { PATH: process.env['PATH'] ?? '', DATABASE_MIGRATION_URL: ownerUrl },
      stdio: 'pipe',
    });
    seedDemoData(databaseUrl);
    // For tests that move a session's clock (support/database.ts): the workers inherit the setup's environment.
    process.env['PORTAL_E2E_DATABASE_URL'] = databaseUrl;

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const identityProvider = await startDevIdp({ port: await freePort(), appUrl: baseUrl });
    cleanups.push(() => identityProvider.stop());
    process.env['PORTAL_E2E_IDP_ISSUER'] = identityProvider.issuer;
    // The AiDial platform API's stand-in, trusting the identity provider's tokens: the proxy's upstream.
    const platform = await startDevPlatform({ port: 0, issuer: identityProvider.issuer });
    cleanups.push(() => platform.stop());

    const env = scriptApiEnv({
      databaseUrl,
      port,
      publicUrl: baseUrl,
      portalDir: BUILT_PORTAL,
      zitadelIssuer: identityProvider.issuer,
      logLevel: 'warn',
      sessionSecret: randomBytes(36).toString('base64url'),
      platformUrl: platform.url,
    });
    const api = spawn(process.execPath, ['--enable-source-maps', BUILT_API], {
      cwd: WORKSPACE_ROOT,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => stopApi(api));
    const output = new OutputTail();
    api.stdout.on('data', (chunk: Buffer) => output.append(chunk));
    api.stderr.on('data', (chunk: Buffer) => output.append(chunk));

    await waitUntilReady(baseUrl, api, output);
    // Workers start after the global setup and inherit its environment; playwright.config.ts reads this as baseURL.
    process.env['PORTAL_E2E_BASE_URL'] = baseUrl;
    return teardown;
  } catch (error) {
    await teardown().catch(() => undefined); // the setup's own error is the one to report
    throw error;
  }
}
