// `npm run bench` (npx node tools/bench/run.mjs): the HTTP bench of DESIGN.md §11. One run compares scenarios against
// each other: every server pinned to core 0, the load generator (autocannon, in its own process) pinned to core 1, a
// warm-up, then rounds in which every scenario runs once in a rotating order; medians across rounds and the ratios
// between scenarios, whose drift between runs is far smaller than that of absolute numbers. docs/bench.md explains it.
//
// Options: --rounds N (3) --duration S (5) --warmup S (2) --connections N (32) --only id,id (a paced scenario brings
//          the one it is paced from) --json FILE --build
//          --noisy-retries N (4: at most N runs disturbed by other work on the machine are repeated at the end)
//          --profile DIR (a V8 CPU profile of every server, DIR/<id>.cpuprofile, written when it stops)
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, release, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { scriptApiEnv } from '../lib/api-env.mjs';
import { freePort } from '../lib/ports.mjs';
import { fixed, median } from './lib/stats.mjs';
import { postgresMicros, processMicros } from './lib/procstat.mjs';
import { createResources } from './lib/resources.mjs';
import { request, spawnPinned, stop, stopAll, waitForHttp, waitForMessage } from './lib/processes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const SERVER_CORE = 0;
/** A run during which other processes used more than this share of a core is noisy, and repeated (--noisy-retries). */
const NOISY_OTHER_CPU = 0.25;
const LOAD_CORE = 1;

/**
 * The real built API, `dist/apps/api/main.js`, started as every launcher of this project starts it, on the run's
 * migrated database, logging at `info` to its file; `env` overrides scriptApiEnv's options (a fixture's session secret
 * or key pepper, the platform URL).
 */
async function builtApi(ctx, env = {}) {
  const [build, database] = await Promise.all([ctx.apiBuild(), ctx.database()]);
  return {
    args: ['--enable-source-maps', build.main],
    env: {
      ...scriptApiEnv({
        databaseUrl: database.url,
        port: ctx.port,
        publicUrl: `http://127.0.0.1:${ctx.port}`,
        logLevel: 'info',
        sessionSecret: randomBytes(32).toString('base64url'),
        ...env,
      }),
      // The abuse limits stay on (their counting is part of what a request costs), above what one load generator on
      // one address sends in a run: a refused request would make the run invalid, not cheaper.
      V1_REQUESTS_PER_MINUTE: '1000000',
      SIGN_IN_STARTS_PER_MINUTE: '10000',
      FAILED_SESSION_LOOKUPS_PER_MINUTE: '100000',
    },
  };
}

/**
 * R1 and R2, the floors of R3: they run the API's own statements, loaded from its `*.statements.ts` files by Node's
 * type stripping; the project's package.json declares no module type, so Node warns once that it reparsed them as ES
 * modules. That one warning is silenced, nothing else.
 */
async function dashboardFloor(ctx, file) {
  const [database, session] = await Promise.all([ctx.database(), ctx.signedInSession()]);
  return {
    args: ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', join(here, 'servers', file)],
    // The API's own role (ctx.database()'s `url`, the DATABASE_URL builtApi gives the API).
    env: { DATABASE_URL: database.url },
    headers: { cookie: session.cookie },
  };
}

/**
 * The scenarios, in the order they are listed. Adding one is adding an entry: `id` (used by --only and the ratios),
 * `title`, `path` (what autocannon requests), optional `headers`, and `server(ctx)` returning `{ args, env, headers, path }`:
 * the Node.js arguments (after the CPU probe), extra environment, and request headers and path when they are only known
 * at run time (a session cookie, a cursor). `sameBodyAs: id` makes the harness refuse to measure unless this scenario's
answer (status, Content-Type, Cache-Control and body bytes) equals that scenario's, when both are in the run. `ctx.database()`, `ctx.apiBuild()`, `ctx.port` and `ctx.tmpDir` provide what it needs;
 * resources are acquired once a run, on first use, and released at the end.
 * Every server gets PORT, HOST=127.0.0.1 and NODE_ENV=production, and nothing else from the caller's environment.
 *
 * A paced scenario has no server of its own: `pacedFrom: id` loads that scenario's server, path and headers at `share`
 * of the req/s that scenario reached in the same round, right after it, and `p99Budget` (ms) is the latency it must
 * stay within, with no errors, for the summary to call it met.
 */
const SCENARIOS = [
  {
    id: 'R0',
    title: 'raw node:http hello (calibration)',
    path: '/',
    server: () => ({ args: [join(here, 'servers/raw-http.mjs')] }),
  },
  {
    id: 'express',
    title: 'plain Express 5 hello',
    path: '/',
    server: () => ({ args: [join(here, 'servers/express.mjs')] }),
  },
  {
    id: 'nest',
    title: 'bare NestJS 11 (Express) hello',
    path: '/',
    server: () => ({ args: [join(here, 'servers/nest-bare.cjs')] }),
  },
  {
    id: 'api-ready',
    title: 'API GET /health/ready (whole pipeline, SELECT 1)',
    path: '/health/ready',
    server: (ctx) => builtApi(ctx),
  },
  {
    id: 'R1',
    title: "raw node:http + pg: R3's three named statements and its body (the physical floor)",
    path: '/api/dashboard',
    sameBodyAs: 'R3',
    server: (ctx) => dashboardFloor(ctx, 'floor-raw.mjs'),
  },
  {
    id: 'R2',
    title: "bare NestJS 11 + pg: R3's three named statements and its body in one handler (the framework floor)",
    path: '/api/dashboard',
    sameBodyAs: 'R3',
    server: (ctx) => dashboardFloor(ctx, 'floor-nest.cjs'),
  },
  {
    id: 'R3',
    title: 'API GET /api/dashboard (session → access context → section guard → workspace queries)',
    path: '/api/dashboard',
    async server(ctx) {
      const [api, session] = await Promise.all([builtApi(ctx), ctx.signedInSession()]);
      return { ...api, headers: { cookie: session.cookie } };
    },
  },
  {
    id: 'R3@70',
    title: "R3 paced at 70% of R3's req/s in the same round (issue 18: p99 ≤ 50 ms, no errors)",
    pacedFrom: 'R3',
    share: 0.7,
    p99Budget: 50,
  },
  {
    id: 'A1',
    title: 'API GET /api/audit-events, first page (client_admin, 200,000 events in the table)',
    path: '/api/audit-events',
    async server(ctx) {
      const [api, session] = await Promise.all([builtApi(ctx), ctx.signedInSession()]);
      await ctx.auditEvents();
      return { ...api, headers: { cookie: session.cookie } };
    },
  },
  {
    id: 'A2',
    title: 'API GET /api/audit-events, deep cursor page (after the 150,000th of 200,000 events)',
    path: '/api/audit-events',
    async server(ctx) {
      const [api, session] = await Promise.all([builtApi(ctx), ctx.signedInSession()]);
      const events = await ctx.auditEvents();
      return { ...api, headers: { cookie: session.cookie }, path: `/api/audit-events?cursor=${events.deepCursor}` };
    },
  },
  {
    id: 'K1',
    title: 'API GET /v1/projects with X-API-Key (key check → scope → creator section → workspace query)',
    path: '/v1/projects',
    async server(ctx) {
      const key = await ctx.apiKey();
      return { ...(await builtApi(ctx, { apiKeyPepper: key.pepper })), headers: { 'x-api-key': key.key } };
    },
  },
  {
    id: 'P0',
    title: 'raw node:http platform stub GET /calls (the upstream of P1, on its own)',
    path: '/calls',
    server: () => ({ args: [join(here, 'servers/platform-stub.mjs')] }),
  },
  {
    id: 'P1',
    title: 'API GET /api/platform/calls (session → guard → sealed token → proxy to a raw node:http stub)',
    path: '/api/platform/calls',
    async server(ctx) {
      const [session, upstream] = await Promise.all([ctx.proxySession(), ctx.platformStub()]);
      const api = await builtApi(ctx, { sessionSecret: session.sessionSecret, platformUrl: upstream.url });
      return {
        ...api,
        headers: { cookie: session.cookie },
        // The stub's CPU is the platform's, not the proxy's: counted apart, never as "other" work.
        companionPids: [upstream.pid],
      };
    },
  },
];

/**
 * Ratios printed when both scenarios ran: `of` compared with `to` (requests a second and CPU a request, and PostgreSQL's
 * CPU a request when both used it).
 */
const RATIOS = [
  { of: 'express', to: 'R0' },
  { of: 'nest', to: 'express' },
  { of: 'nest', to: 'R0' },
  { of: 'api-ready', to: 'nest' },
  { of: 'api-ready', to: 'R0' },
  { of: 'R3', to: 'api-ready' },
  { of: 'R3', to: 'R0' },
  { of: 'R3', to: 'R1' },
  { of: 'R3', to: 'R2' },
  { of: 'R2', to: 'R1' },
  // req/s near 0.70x says the pacing held; CPU a request, what a request costs the API below its peak.
  { of: 'R3@70', to: 'R3' },
  { of: 'A1', to: 'R3' },
  { of: 'A2', to: 'R3' },
  { of: 'A2', to: 'A1' },
  { of: 'K1', to: 'R3' },
  { of: 'K1', to: 'api-ready' },
  { of: 'P1', to: 'R3' },
  { of: 'P1', to: 'P0' },
];

function parseOptions() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '32' },
      only: { type: 'string' },
      json: { type: 'string' },
      build: { type: 'boolean', default: false },
      'noisy-retries': { type: 'string', default: '4' },
      profile: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'usage: npm run bench -- [--rounds 3] [--duration 5] [--warmup 2] [--connections 32] [--only id,id] [--json file] [--build] [--noisy-retries 4] [--profile dir]\n' +
        `scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}\n`,
    );
    process.exit(0);
  }
  const int = (name, min, max) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const only = values.only
    ?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const unknown = only?.filter((id) => !SCENARIOS.some((s) => s.id === id)) ?? [];
  if (unknown.length > 0)
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  // A paced scenario needs the one it is paced from in the same run.
  const wanted = only && [
    ...only,
    ...SCENARIOS.filter((s) => only.includes(s.id) && s.pacedFrom).map((s) => s.pacedFrom),
  ];
  return {
    rounds: int('rounds', 1, 10),
    duration: int('duration', 1, 30),
    warmup: int('warmup', 0, 30),
    connections: int('connections', 1, 512),
    scenarios: wanted ? SCENARIOS.filter((s) => wanted.includes(s.id)) : SCENARIOS,
    json: values.json,
    build: values.build,
    noisyRetries: int('noisy-retries', 0, 20),
    profile: values.profile ? resolve(values.profile) : undefined,
  };
}

// ---- statistics and formatting -----------------------------------------------------------------------------------

const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '-');
const pad = (text, width) => String(text).padStart(width);
const padEnd = (text, width) => String(text).padEnd(width);

/**
 * CPU time spent in processes on the whole machine so far (user, nice and system of every core; interrupts and
 * softirqs, where the loopback's packet work lands, are left out), in microseconds; /proc/stat counts in 1/100 s.
 */
function machineBusyMicros() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal ...
    return (fields[0] + fields[1] + fields[2]) * 10_000;
  } catch {
    return Number.NaN;
  }
}

function cpuHeader() {
  const list = cpus();
  return `${list[0]?.model?.trim() ?? 'unknown CPU'} (${list.length} cores)`;
}

/**
 * The order of round `round`: row `round` of a Williams Latin square. Over as many rounds as scenarios, each scenario
 * runs once in every position, and (for an even count) right after every other scenario once, so neither a position
 * nor a neighbour's after-effects (heat, GC, TIME_WAIT sockets) favours one scenario.
 */
function roundOrder(count, round) {
  const base = [0];
  for (let i = 1; i < count; i++) base.push(i % 2 === 1 ? (i + 1) / 2 : count - i / 2);
  return base.map((i) => (i + round) % count);
}

/**
 * The cost columns of a row: CPU a request in the server and in PostgreSQL, statements a request, then the server's,
 * PostgreSQL's and everything else's share of a core. `-` where a scenario has none (no database, no node-postgres).
 */
const COST_HEADERS = `${pad('CPU µs/req', 12)}${pad('db µs/req', 11)}${pad('stmts/req', 11)}${pad('srv CPU', 9)}${pad('db', 6)}${pad('other', 7)}`;
const percent = (share) => (Number.isFinite(share) ? `${fixed(share * 100, 0)}%` : '-');
const costColumns = (m) =>
  `${pad(fixed(m.cpuPerRequest, 1), 12)}${pad(fixed(m.dbPerRequest, 1), 11)}${pad(fixed(m.statementsPerRequest, 2), 11)}` +
  `${pad(percent(m.serverCpu), 9)}${pad(percent(m.dbCpu), 6)}${pad(percent(m.otherCpu), 7)}`;

/**
 * Refuses to measure a scenario declared `sameBodyAs` another unless both answer alike (status, Content-Type,
 * Cache-Control and body bytes): a floor that answered less would look cheaper for the wrong reason.
 */
async function checkSameBodies(servers) {
  const answerOf = async (server) => {
    const response = await fetch(`${server.url}${server.path}`, {
      headers: server.headers,
      signal: AbortSignal.timeout(5_000),
    });
    const body = Buffer.from(await response.arrayBuffer());
    const headers = ['content-type', 'cache-control'].map((name) => `${name}: ${response.headers.get(name)}`);
    return { status: response.status, headers, body };
  };
  for (const server of servers) {
    const reference = server.scenario.sameBodyAs;
    if (!reference) continue;
    const other = servers.find((s) => s.scenario.id === reference);
    if (!other) {
      log(`${server.scenario.id}'s answer is not compared with ${reference}'s (${reference} is not in this run)`);
      continue;
    }
    const [mine, theirs] = await Promise.all([answerOf(server), answerOf(other)]);
    const differences = [
      mine.status !== theirs.status && `status ${mine.status} against ${theirs.status}`,
      ...mine.headers.map((header, i) => header !== theirs.headers[i] && `${header} against ${theirs.headers[i]}`),
      !mine.body.equals(theirs.body) &&
        `body\n  ${mine.body.toString('utf8')}\nagainst\n  ${theirs.body.toString('utf8')}`,
    ].filter(Boolean);
    if (differences.length > 0) {
      throw new Error(
        `${server.scenario.id} must answer what ${reference} answers, and does not: ${differences.join('; ')}`,
      );
    }
    log(`${server.scenario.id} answers what ${reference} answers (${mine.body.length} bytes)`);
  }
}

/**
 * A paced scenario against its budget, from the summary: whether it met it, and whether the peak it was paced from was
 * the server's (its core saturated) or only what the rest of the machine allowed. Written to --json as `paced`.
 */
function pacedVerdict(s, summary) {
  const peak = summary.find((p) => p.id === s.pacedFrom);
  return {
    id: s.id,
    pacedFrom: s.pacedFrom,
    share: s.share,
    targetRps: s.targetRps,
    rps: s.rps,
    p50: s.p50,
    p99: s.p99,
    worstP99: s.worstP99,
    cpuPerRequest: s.cpuPerRequest,
    p99Budget: s.p99Budget,
    non2xx: s.non2xx,
    errors: s.errors,
    met: s.p99 <= s.p99Budget && s.non2xx + s.errors === 0,
    peakServerCpu: peak.serverCpu,
    peakSaturated: peak.serverCpu >= 0.9,
  };
}

/** The summary's lines for a verdict: `R3 at 70% of its peak (N req/s): p99 X ms, 0 errors; meets ...`. */
function pacedLines(v, rounds) {
  const failures = v.non2xx + v.errors === 0 ? '0 errors' : `${v.errors} errors, ${v.non2xx} non-2xx`;
  const lines = [
    `${v.pacedFrom} at ${fixed(v.share * 100, 0)}% of its peak (${int(v.targetRps)} req/s): p99 ${fixed(v.p99, 2)} ms, ` +
      `${failures}; ${v.met ? 'meets' : 'misses'} p99 ≤ ${v.p99Budget} ms with no errors (achieved ${int(v.rps)} req/s, ` +
      `p50 ${fixed(v.p50, 2)} ms, ${fixed(v.cpuPerRequest, 1)} CPU µs/req` +
      `${rounds > 1 ? `, worst round's p99 ${fixed(v.worstP99, 2)} ms` : ''})`,
  ];
  if (!v.peakSaturated) {
    lines.push(
      `  but ${v.pacedFrom}'s server used ${fixed(v.peakServerCpu * 100, 0)}% of its core at its peak: that peak, so this ` +
        `rate, was set by something else (PostgreSQL, the load generator, other work): the machine's, not the server's`,
    );
  }
  return lines;
}

// ---- the run -----------------------------------------------------------------------------------------------------

const cleanups = [];
let cleaning;

/** Runs the cleanups once, newest first, each bounded in time; failures are reported, not thrown. */
function cleanup() {
  cleaning ??= (async () => {
    await stopAll().catch(() => undefined);
    while (cleanups.length > 0) {
      const { label, action } = cleanups.pop();
      try {
        await Promise.race([
          action(),
          sleep(15_000).then(() => {
            throw new Error('timed out');
          }),
        ]);
      } catch (error) {
        process.stderr.write(`cleanup: ${label} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  })();
  return cleaning;
}

function log(message) {
  process.stdout.write(`${message}\n`);
}

async function main() {
  const options = parseOptions();
  if (spawnSync('taskset', ['--version']).error)
    throw new Error('taskset (util-linux) is required to pin the processes');
  if (cpus().length < 2) throw new Error('the bench needs two cores: one for the servers, one for the load generator');
  const started = Date.now();
  const tmpDir = mkdtempSync(join(tmpdir(), 'aidial-bench-'));
  cleanups.push({ label: `remove ${tmpDir}`, action: async () => rmSync(tmpDir, { recursive: true, force: true }) });
  const addCleanup = (label, action) => cleanups.push({ label, action });
  const resources = createResources({ root, addCleanup, log, rebuild: options.build });
  /** `ctx.platformStub()`: a second platform stub on the servers' core, the upstream P1 proxies to. */
  let stub;
  resources.platformStub = () =>
    (stub ??= (async () => {
      const port = await freePort();
      const entry = spawnPinned({
        name: 'platform stub',
        core: SERVER_CORE,
        args: [join(here, 'servers/platform-stub.mjs')],
        env: { PATH: process.env['PATH'], PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
      });
      addCleanup('stop the platform stub', () => stop(entry));
      const url = `http://127.0.0.1:${port}`;
      await waitForHttp(entry, `${url}/calls`, 15_000);
      return { url, pid: entry.child.pid };
    })());

  log(`AiDial Access bench  ${new Date().toISOString()}`);
  log(`node ${process.version} on ${cpuHeader()}, linux ${release()}`);
  log(
    `servers on core ${SERVER_CORE}, autocannon on core ${LOAD_CORE}; ${options.rounds} rounds x ${options.scenarios.length} scenarios, ` +
      `${options.duration} s a run after a ${options.warmup} s warm-up, ${options.connections} keep-alive connections, no pipelining`,
  );

  // The load generator: one process for the whole run, on its own core.
  const loader = spawnPinned({
    name: 'load generator',
    core: LOAD_CORE,
    args: [join(here, 'load-worker.mjs')],
    output: 'inherit',
  });
  await waitForMessage(loader, 'ready', 15_000);
  /** One autocannon run; `rate` (requests a second across all connections) paces it, else it goes as fast as it can. */
  const load = async (url, path, headers, duration, rate) => {
    const reply = await request(
      loader,
      { type: 'run', options: { url: `${url}${path}`, headers, connections: options.connections, duration, rate } },
      ['result', 'error'],
      (duration + 20) * 1000,
    );
    if (reply.type === 'error') throw new Error(`autocannon: ${reply.message}`);
    return reply.result;
  };

  // Every server, started once and kept for the whole run (an idle server costs its neighbours nothing).
  const servers = [];
  for (const scenario of options.scenarios.filter((s) => !s.pacedFrom)) {
    const port = await freePort();
    const spec = await scenario.server({ ...resources, port, tmpDir });
    const logFile = join(tmpDir, `${scenario.id}.log`);
    const fd = openSync(logFile, 'a');
    const entry = spawnPinned({
      name: scenario.id,
      core: SERVER_CORE,
      cwd: root,
      args: [
        // --profile: V8's sampling profiler, written when the server exits (it adds a few percent to every number).
        ...(options.profile
          ? ['--cpu-prof', `--cpu-prof-dir=${options.profile}`, `--cpu-prof-name=${scenario.id}.cpuprofile`]
          : []),
        '--require',
        join(here, 'cpu-probe.cjs'),
        ...spec.args,
      ],
      env: { PATH: process.env['PATH'], NODE_ENV: 'production', ...spec.env, PORT: String(port), HOST: '127.0.0.1' },
      output: fd,
    });
    closeSync(fd);
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(entry, `${url}${spec.path ?? scenario.path}`, 30_000, spec.headers ?? scenario.headers ?? {});
    } catch (error) {
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- ${scenario.id} log ---\n${tail}`);
    }
    const probe = await request(entry, { type: 'bench:cpu' }, ['bench:cpu'], 5_000);
    if (probe.inspector) {
      throw new Error(
        `${scenario.id} runs with an inspector open (${probe.inspector}); a debugger attached to it makes the numbers meaningless`,
      );
    }
    servers.push({
      scenario,
      entry,
      url,
      logFile,
      path: spec.path ?? scenario.path,
      headers: spec.headers ?? scenario.headers ?? {},
      companionPids: spec.companionPids ?? [],
    });
  }

  await checkSameBodies(servers);

  // PostgreSQL's CPU: the run's own server's processes (its postmaster and everything under it), found when the
  // database was made; every postgres process on the machine when that failed; none when no scenario used one.
  const database = await resources.postgres();
  const postmasterPid = database?.postmaster.pid;
  const databaseMicros = database ? () => postgresMicros(postmasterPid) : () => Number.NaN;

  /** The probe's reading: CPU used so far and statements sent so far (null without node-postgres). */
  const probeOf = (server) => request(server.entry, { type: 'bench:cpu' }, ['bench:cpu'], 5_000);

  if (options.warmup > 0) {
    for (const server of servers) await load(server.url, server.path, server.headers, options.warmup);
    log(`warmed up (${options.warmup} s each)`);
  }

  const measurements = [];
  const discarded = [];
  const pacedScenarios = options.scenarios.filter((s) => s.pacedFrom);
  const pacedFrom = (id) => pacedScenarios.filter((s) => s.pacedFrom === id);
  /** The fixed rate of `scenario`'s run paced from `peak` (the measurement of the scenario it is paced from). */
  const pace = (scenario, peak) => ({ scenario, peak, rate: Math.max(1, Math.round(peak.rps * scenario.share)) });
  /** One run of `server`'s scenario, or, given `paced` ({ scenario, peak, rate }), of the paced scenario on its server. */
  const measureOnce = async (server, round, paced) => {
    const before = await probeOf(server);
    const busyBefore = machineBusyMicros();
    const dbBefore = databaseMicros();
    const companionsOf = () => server.companionPids.reduce((sum, pid) => sum + processMicros(pid), 0);
    const companionsBefore = companionsOf();
    const t0 = process.hrtime.bigint();
    const result = await load(server.url, server.path, server.headers, options.duration, paced?.rate);
    const after = await probeOf(server);
    const wallMicros = Number(process.hrtime.bigint() - t0) / 1000;
    const busyMicros = machineBusyMicros() - busyBefore;
    // Never below zero: a PostgreSQL process that exits unreaped (another server's, when counting them all) takes its
    // time with it.
    const dbMicros = Math.max(0, databaseMicros() - dbBefore);
    const companionMicros = server.companionPids.length > 0 ? Math.max(0, companionsOf() - companionsBefore) : 0;
    const cpuMicros = after.usage.user - before.usage.user + (after.usage.system - before.usage.system);
    const statements = before.statements === null ? Number.NaN : after.statements - before.statements;
    return {
      round,
      id: paced?.scenario.id ?? server.scenario.id,
      ...(paced && { pacedFrom: paced.peak.id, targetRps: paced.rate, peakRps: paced.peak.rps }),
      rps: result.rps,
      p50: result.p50,
      p99: result.p99,
      cpuPerRequest: result.requests > 0 ? cpuMicros / result.requests : Number.NaN,
      serverCpu: cpuMicros / wallMicros,
      // What every other process did meanwhile (the harness, other people's builds), as a share of one core: a high
      // value marks a noisy window.
      otherCpu: Math.max(0, busyMicros - cpuMicros - result.cpuMicros - (dbMicros || 0) - companionMicros) / wallMicros,
      // The upstream's CPU a request for proxied scenarios (P1's platform stub); not part of CPU µs/req.
      upstreamPerRequest: result.requests > 0 && companionMicros > 0 ? companionMicros / result.requests : Number.NaN,
      // PostgreSQL's share of a core, and its CPU a request (the database half of the cost for R1/R3-like scenarios).
      dbCpu: dbMicros / wallMicros,
      dbPerRequest: result.requests > 0 ? dbMicros / result.requests : Number.NaN,
      // Statements sent through node-postgres a response (NaN for a server without it). Counted on every connection of
      // the server, so a background job's statements during the window count too.
      statementsPerRequest: result.requests > 0 ? statements / result.requests : Number.NaN,
      requests: result.requests,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      statuses: result.statuses,
    };
  };
  const printRow = (m, suffix = '') => {
    log(
      `${padEnd(m.round, 6)}${padEnd(m.id, 11)}${pad(int(m.rps), 9)}${pad(fixed(m.p50, 2), 9)}${pad(fixed(m.p99, 2), 9)}` +
        `${costColumns(m)}${pad(m.non2xx, 9)}${pad(m.errors, 8)}${suffix}`,
    );
  };
  log('');
  log(
    `${padEnd('round', 6)}${padEnd('scenario', 11)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${COST_HEADERS}${pad('non-2xx', 9)}${pad('errors', 8)}`,
  );
  const noisyNote = (m) => (m.otherCpu > NOISY_OTHER_CPU ? `  noisy (other ${fixed(m.otherCpu * 100, 0)}%)` : '');
  // The paced runs follow their peak within the round, so each rate comes from the state of the machine seconds before
  // (absolute req/s drift by a quarter over a run here; the median of all rounds could be another machine's peak).
  for (let round = 0; round < options.rounds; round++) {
    const order = roundOrder(servers.length, round).map((i) => servers[i]);
    for (const server of order) {
      const m = await measureOnce(server, round + 1);
      measurements.push(m);
      printRow(m, noisyNote(m));
      await sleep(300);
      for (const scenario of pacedFrom(m.id)) {
        const p = await measureOnce(server, round + 1, pace(scenario, m));
        measurements.push(p);
        printRow(p, noisyNote(p));
        await sleep(300);
      }
    }
  }
  // Runs disturbed by other work on the machine are run again at the end (bursts of other work last tens of seconds,
  // so an immediate repeat would hit the same burst), noisiest first, a bounded number of times; a repeat replaces the
  // original only when it was quieter.
  const noisy = measurements
    .filter((m) => m.otherCpu > NOISY_OTHER_CPU)
    .sort((a, b) => b.otherCpu - a.otherCpu)
    .slice(0, options.noisyRetries);
  if (noisy.length > 0) log(`repeating ${noisy.length} noisy run(s)`);
  for (const original of noisy) {
    // Already replaced: a paced run redone after its peak's repeat.
    if (!measurements.includes(original)) continue;
    const server = servers.find((s) => s.scenario.id === (original.pacedFrom ?? original.id));
    const peakOf = (m) => measurements.find((p) => p.id === m.pacedFrom && p.round === m.round);
    const scenario = options.scenarios.find((s) => s.id === original.id);
    const again = await measureOnce(
      server,
      original.round,
      original.pacedFrom ? pace(scenario, peakOf(original)) : undefined,
    );
    const better = again.otherCpu < original.otherCpu;
    if (better) measurements[measurements.indexOf(original)] = again;
    discarded.push(better ? original : again);
    printRow(again, better ? '  repeat, kept' : '  repeat, noisier: dropped');
    await sleep(300);
    if (!better) continue;
    // The round's paced runs were paced from the peak just replaced: run them again from the new one.
    for (const paced of pacedFrom(again.id)) {
      const old = measurements.find((m) => m.id === paced.id && m.round === again.round);
      const redo = await measureOnce(server, again.round, pace(paced, again));
      measurements[measurements.indexOf(old)] = redo;
      discarded.push(old);
      printRow(redo, `  repeat after ${again.id}'s`);
      await sleep(300);
    }
  }

  // Medians across rounds, then the ratios (the median of the per-round ratios: each round's pair ran side by side).
  const summary = options.scenarios.map((scenario) => {
    const mine = measurements.filter((m) => m.id === scenario.id);
    return {
      id: scenario.id,
      title: scenario.title,
      rps: median(mine.map((m) => m.rps)),
      p50: median(mine.map((m) => m.p50)),
      p99: median(mine.map((m) => m.p99)),
      cpuPerRequest: median(mine.map((m) => m.cpuPerRequest)),
      serverCpu: median(mine.map((m) => m.serverCpu)),
      otherCpu: median(mine.map((m) => m.otherCpu)),
      dbCpu: median(mine.map((m) => m.dbCpu)),
      dbPerRequest: median(mine.map((m) => m.dbPerRequest)),
      statementsPerRequest: median(mine.map((m) => m.statementsPerRequest)),
      non2xx: mine.reduce((sum, m) => sum + m.non2xx, 0),
      errors: mine.reduce((sum, m) => sum + m.errors, 0),
      ...(scenario.pacedFrom && {
        pacedFrom: scenario.pacedFrom,
        share: scenario.share,
        targetRps: median(mine.map((m) => m.targetRps)),
        worstP99: Math.max(...mine.map((m) => m.p99)),
        p99Budget: scenario.p99Budget,
      }),
    };
  });
  log('');
  log(`medians of ${options.rounds} rounds`);
  log(
    `${padEnd('scenario', 11)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${COST_HEADERS}${pad('non-2xx/err', 13)}  what`,
  );
  for (const s of summary) {
    log(
      `${padEnd(s.id, 11)}${pad(int(s.rps), 9)}${pad(fixed(s.p50, 2), 9)}${pad(fixed(s.p99, 2), 9)}${costColumns(s)}` +
        `${pad(`${s.non2xx}/${s.errors}`, 13)}  ${s.title}`,
    );
  }
  for (const s of summary) {
    // A paced run leaves its server idle part of the time by design.
    if (s.serverCpu < 0.9 && !s.pacedFrom) {
      log(
        `note: ${s.id}'s server used ${fixed(s.serverCpu * 100, 0)}% of its core: its req/s was limited by the load generator or by other work on the machine; compare CPU µs/req`,
      );
    }
    if (s.otherCpu > 0.25)
      log(
        `note: other processes used ${fixed(s.otherCpu * 100, 0)}% of a core during ${s.id}'s runs (a noisy machine)`,
      );
  }
  const pacedVerdicts = summary.filter((s) => s.pacedFrom).map((s) => pacedVerdict(s, summary));
  if (pacedVerdicts.length > 0) log('');
  for (const v of pacedVerdicts) pacedLines(v, options.rounds).forEach((line) => log(line));
  const ratios = RATIOS.filter((r) => summary.some((s) => s.id === r.of) && summary.some((s) => s.id === r.to)).map(
    (r) => {
      const perRound = (field) =>
        median(
          Array.from({ length: options.rounds }, (_, i) => {
            const a = measurements.find((m) => m.id === r.of && m.round === i + 1);
            const b = measurements.find((m) => m.id === r.to && m.round === i + 1);
            return a && b ? a[field] / b[field] : Number.NaN;
          }),
        );
      return {
        of: r.of,
        to: r.to,
        rps: perRound('rps'),
        cpuPerRequest: perRound('cpuPerRequest'),
        dbPerRequest: perRound('dbPerRequest'),
      };
    },
  );
  if (ratios.length > 0) {
    log('');
    log('ratios (median of the per-round ratios)');
    for (const r of ratios) {
      log(
        `${padEnd(`${r.of} / ${r.to}`, 22)} req/s ${pad(fixed(r.rps, 2), 5)}x   CPU a request ${pad(fixed(r.cpuPerRequest, 2), 5)}x` +
          (Number.isFinite(r.dbPerRequest) ? `   PostgreSQL CPU a request ${pad(fixed(r.dbPerRequest, 2), 5)}x` : ''),
      );
    }
  }
  log('');
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`);

  if (options.json) {
    const report = {
      date: new Date(started).toISOString(),
      node: process.version,
      cpu: cpuHeader(),
      options: {
        rounds: options.rounds,
        duration: options.duration,
        warmup: options.warmup,
        connections: options.connections,
      },
      // Whose CPU the db columns are: the run's own server (its postmaster's pid), every postgres process, or none.
      postgres: database ? { postmasterPid: postmasterPid ?? null, reason: database.postmaster.reason ?? null } : null,
      measurements,
      discarded,
      summary,
      ratios,
      // Each paced scenario against its budget (issue 18's "done when"), as the summary prints it.
      paced: pacedVerdicts,
    };
    writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  }

  const failed = summary.filter((s) => s.non2xx > 0 || s.errors > 0);
  if (failed.length > 0) {
    throw new Error(
      `non-2xx answers or errors in ${failed.map((s) => s.id).join(', ')}: the numbers above are not valid`,
    );
  }
  // Servers stop before the cleanups so a database can be dropped without cutting a live pool.
  for (const server of servers) await stop(server.entry);
}

let exiting = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (exiting) return;
    exiting = true;
    process.stderr.write(`\n${signal}: stopping servers and cleaning up...\n`);
    cleanup().finally(() => process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal] ?? 0)));
  });
}

// A run has a hard ceiling: whatever hangs, the harness cleans up and fails.
const watchdog = setTimeout(() => {
  process.stderr.write('bench: gave up after 10 minutes\n');
  exiting = true;
  cleanup().finally(() => process.exit(1));
}, 600_000);
watchdog.unref();

main().then(
  async () => {
    await cleanup();
    if (!exiting) process.exit(0);
  },
  async (error) => {
    if (!exiting) process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    await cleanup();
    if (!exiting) process.exit(1);
  },
);
