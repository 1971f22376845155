// Does this project's API suffer from what slowed the fresh Nx app (docs/bench.md, "Investigation")?
//   npx node tools/bench/investigate/api-debugger.mjs [--rounds 3] [--duration 5]
// Starts the built API twice on a fresh migrated database, as the bench does (pinned to core 0, CPU probe, pino
// request logging to a file, GET /health/ready): once as every launcher of this project starts it (`node
// --enable-source-maps dist/apps/api/main.js`), once with `--inspect` added; then measures, interleaved: the API, the
// API with an open inspector and nothing attached, and the same process with a debugger attached (as an IDE would).
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { scriptApiEnv } from '../../lib/api-env.mjs';
import { attachDebugger } from '../lib/debugger.mjs';
import { freePort } from '../../lib/ports.mjs';
import { request, spawnPinned, stopAll, waitForHttp, waitForMessage } from '../lib/processes.mjs';
import { createResources } from '../lib/resources.mjs';
import { fixed, median } from '../lib/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
  },
});
const rounds = Math.min(10, Math.max(1, Number(values.rounds) || 3));
const duration = Math.min(30, Math.max(1, Number(values.duration) || 5));
const warmup = Math.min(30, Math.max(0, Number(values.warmup) || 0));
const connections = 32;

const log = (line = '') => process.stdout.write(`${line}\n`);
const f = fixed;

const tmpDir = mkdtempSync(join(tmpdir(), 'aidial-bench-api-dbg-'));
const cleanups = [async () => rmSync(tmpDir, { recursive: true, force: true })];
const sessions = new Set();
let cleaned;
const cleanup = () =>
  (cleaned ??= (async () => {
    for (const session of sessions) await session.detach();
    await stopAll().catch(() => undefined);
    while (cleanups.length > 0)
      await cleanups
        .pop()()
        .catch((error) => process.stderr.write(`cleanup: ${error.message}\n`));
  })());
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cleanup().finally(() => process.exit(130)));

try {
  const resources = createResources({
    root,
    addCleanup: (_label, action) => cleanups.push(action),
    log,
    rebuild: false,
  });
  const [build, database] = await Promise.all([resources.apiBuild(), resources.database()]);
  const loader = spawnPinned({
    name: 'load generator',
    core: 1,
    args: [join(here, '../load-worker.mjs')],
    output: 'inherit',
  });
  await waitForMessage(loader, 'ready', 15_000);

  const start = async (name, extraArgs) => {
    const port = await freePort();
    const fd = openSync(join(tmpDir, `${name}.log`), 'a');
    const env = scriptApiEnv({
      databaseUrl: database.url,
      port,
      publicUrl: `http://127.0.0.1:${port}`,
      sessionSecret: randomBytes(32).toString('base64url'),
    });
    const entry = spawnPinned({
      name,
      core: 0,
      cwd: root,
      args: ['--require', join(here, '../cpu-probe.cjs'), '--enable-source-maps', ...extraArgs, build.main],
      env: { PATH: process.env['PATH'], NODE_ENV: 'production', ...env },
      output: fd,
    });
    closeSync(fd);
    const url = `http://127.0.0.1:${port}/health/ready`;
    await waitForHttp(entry, url, 30_000);
    return { entry, url };
  };
  const inspectPort = await freePort();
  const plain = await start('api', []);
  const inspected = await start('api-inspect', [`--inspect=127.0.0.1:${inspectPort}`]);
  const targets = [
    { name: 'api', ...plain },
    { name: 'api --inspect', ...inspected },
    { name: 'api --inspect+dbg', ...inspected, attach: inspectPort },
  ];

  const cpuOf = async (entry) => {
    const { usage } = await request(entry, { type: 'bench:cpu' }, ['bench:cpu'], 5_000);
    return usage.user + usage.system;
  };
  const measure = async (target, seconds) => {
    const session = target.attach ? await attachDebugger(target.attach) : null;
    if (target.attach && !session) throw new Error('could not attach the debugger');
    if (session) sessions.add(session);
    try {
      const before = await cpuOf(target.entry);
      const t0 = process.hrtime.bigint();
      const reply = await request(
        loader,
        { type: 'run', options: { url: target.url, connections, duration: seconds } },
        ['result', 'error'],
        (seconds + 20) * 1000,
      );
      if (reply.type === 'error') throw new Error(reply.message);
      const cpu = (await cpuOf(target.entry)) - before;
      const wall = Number(process.hrtime.bigint() - t0) / 1000;
      return { ...reply.result, cpuPerRequest: cpu / reply.result.requests, serverCpu: cpu / wall };
    } finally {
      if (session) {
        sessions.delete(session);
        await session.detach();
      }
    }
  };

  log(
    `\nnode ${process.version}; API on core 0, autocannon on core 1, ${connections} keep-alive connections, ${duration} s a run`,
  );
  if (warmup > 0) for (const t of targets) await measure(t, warmup);
  log('round target               req/s  p50 ms  p99 ms  non2xx  CPU µs/req  srv CPU');
  const rows = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[(i + round) % targets.length];
      const r = await measure(t, duration);
      rows.push({ round: round + 1, name: t.name, ...r });
      log(
        `${String(round + 1).padEnd(6)}${t.name.padEnd(20)}${f(r.rps).padStart(6)}${f(r.p50, 2).padStart(8)}${f(r.p99, 2).padStart(8)}` +
          `${String(r.non2xx + r.errors).padStart(8)}${f(r.cpuPerRequest, 1).padStart(12)}${`${f(r.serverCpu * 100)}%`.padStart(9)}`,
      );
      await sleep(300);
    }
  }
  log('\nmedians                req/s  CPU µs/req  CPU/req vs api');
  for (const t of targets) {
    const mine = rows.filter((r) => r.name === t.name);
    const ratio = median(
      mine.map((r) => r.cpuPerRequest / rows.find((b) => b.name === 'api' && b.round === r.round).cpuPerRequest),
    );
    log(
      `${t.name.padEnd(20)}${f(median(mine.map((r) => r.rps))).padStart(8)}${f(median(mine.map((r) => r.cpuPerRequest)), 1).padStart(12)}` +
        `${`${f(ratio, 2)}x`.padStart(16)}`,
    );
  }
  if (rows.some((r) => r.non2xx + r.errors > 0)) throw new Error('some runs had non-2xx answers or errors');
} catch (error) {
  process.stderr.write(`failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
process.exit(process.exitCode ?? 0);
