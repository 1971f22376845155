// The investigation of docs/bench.md ("a fresh Nx NestJS app answers 5,700 req/s against 30,000 for plain Express"),
// reproducible in one command:  npx node tools/bench/investigate/nx-serve.mjs [--rounds 3] [--duration 5] [--keep]
//
// It scaffolds the app `@nx/nest:application` generates in a scratch Nx workspace outside this repository (using this
// repository's node_modules), then measures, interleaved over rounds, with the bench's load generator (autocannon on
// core 1, 32 keep-alive connections) and every server pinned to core 0:
//   express          plain Express 5 hello (tools/bench/servers/express.mjs)
//   bundle           the fresh app's webpack bundle run by plain `node` (NODE_ENV=production)
//   nx-serve         the same app served by `nx serve api` (the @nx/js:node executor: watch, NODE_ENV=development,
//                    -r source-map-support/register, --inspect, ESM loader, stdout piped to the Nx process)
//   nx-serve+dbg     that same process while a debugger client is attached to the --inspect port the executor opens,
//                    configured as VS Code's and Chrome DevTools' are (Debugger.enable, async call stacks depth 32)
//   nx-serve-noinsp  `nx serve api --inspect=false` with the same client trying to attach (nothing to attach to)
// Each row gives the server's CPU a request (from /proc), its CPU use, each core's idle share and the machine's idle
// share as `top` shows it. Everything started here is stopped at the end; the scratch workspace is removed.
import { mkdtempSync, openSync, closeSync, rmSync, readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { freePort } from '../../lib/ports.mjs';
import { coreTimes, commandLine, descendantsOf, idleShares, processMicros } from '../lib/procstat.mjs';
import { request, spawnPinned, stopAll, waitForHttp, waitForMessage } from '../lib/processes.mjs';
import { attachDebugger } from '../lib/debugger.mjs';
import { scaffoldFreshNestApp } from './nest-fresh.mjs';
import { fixed, median } from '../lib/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '32' },
    keep: { type: 'boolean', default: false },
  },
});
const rounds = Math.min(10, Math.max(1, Number(values.rounds) || 3));
const duration = Math.min(30, Math.max(1, Number(values.duration) || 5));
const warmup = Math.min(30, Math.max(0, Number(values.warmup) || 0));
const connections = Math.min(512, Math.max(1, Number(values.connections) || 32));

const log = (line = '') => process.stdout.write(`${line}\n`);
const f = fixed;

const scratch = mkdtempSync(join(tmpdir(), 'nest-fresh-'));
const nxGroups = [];
const debuggers = new Set();

const nxEnv = {
  PATH: `${join(root, 'node_modules/.bin')}:${process.env['PATH']}`,
  HOME: process.env['HOME'] ?? '/tmp',
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NX_SKIP_NX_CACHE: 'true',
};

async function cleanup() {
  for (const session of debuggers) await session.detach();
  await stopAll().catch(() => undefined);
  // Each `nx serve` leads its own process group (nx, its task runner, the served app): stop the groups we started.
  const signalGroup = (pid, signal) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  for (const pid of nxGroups) signalGroup(pid, 'SIGTERM');
  await sleep(1_500);
  for (const pid of nxGroups) signalGroup(pid, 'SIGKILL');
  if (!values.keep) rmSync(scratch, { recursive: true, force: true });
}

/**
 * `nx serve api ...args` in a workspace of its own (Nx runs one `serve` of a project per workspace at a time), in its
 * own process group; resolves with the served app's pid once it answers.
 */
async function nxServe(name, port, args) {
  const workspace = join(scratch, name);
  scaffoldFreshNestApp(workspace, root);
  const out = openSync(join(scratch, `${name}.log`), 'a');
  const nx = spawn(join(root, 'node_modules/.bin/nx'), ['serve', 'api', ...args], {
    cwd: workspace,
    env: { ...nxEnv, PORT: String(port) },
    stdio: ['ignore', out, out],
    detached: true,
  });
  closeSync(out);
  nxGroups.push(nx.pid);
  const url = `http://127.0.0.1:${port}/api`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (nx.exitCode !== null || readFileSync(join(scratch, `${name}.log`), 'utf8').includes('in another nx process'))
      break;
    await sleep(250);
  }
  const app = descendantsOf(nx.pid).find((pid) => /node-with-(esm-loader|require-overrides)/.test(commandLine(pid)));
  if (!app)
    throw new Error(
      `${name}: the served app did not come up\n${readFileSync(join(scratch, `${name}.log`), 'utf8').slice(-2000)}`,
    );
  spawnSync('taskset', ['-pc', '0', String(app)], { stdio: 'ignore' });
  return { pid: app, url, cmdline: commandLine(app) };
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cleanup().finally(() => process.exit(130)));

try {
  log(`scaffolding fresh Nx NestJS apps under ${scratch}`);
  const loader = spawnPinned({
    name: 'load generator',
    core: 1,
    args: [join(here, '../load-worker.mjs')],
    output: 'inherit',
  });
  await waitForMessage(loader, 'ready', 15_000);

  const [expressPort, bundlePort, servePort, noInspectPort, inspectPort, inspectPort2] = await Promise.all(
    Array.from({ length: 6 }, () => freePort()),
  );
  log('nx serve api (builds api:build:development first)...');
  const served = await nxServe('nx-serve', servePort, [`--port=${inspectPort}`, '--host=127.0.0.1']);
  log(`  served app: ${served.cmdline}`);
  log('nx serve api --inspect=false ...');
  const noInspect = await nxServe('nx-serve-noinsp', noInspectPort, ['--inspect=false', `--port=${inspectPort2}`]);
  log(`  served app: ${noInspect.cmdline}`);

  const express = spawnPinned({
    name: 'express',
    core: 0,
    args: [join(root, 'tools/bench/servers/express.mjs')],
    env: { PATH: process.env['PATH'], PORT: String(expressPort), NODE_ENV: 'production' },
  });
  await waitForHttp(express, `http://127.0.0.1:${expressPort}/`, 15_000);
  const bundle = spawnPinned({
    name: 'bundle',
    core: 0,
    cwd: join(scratch, 'nx-serve'),
    args: ['dist/apps/api/main.js'],
    env: { PATH: process.env['PATH'], PORT: String(bundlePort), NODE_ENV: 'production' },
  });
  await waitForHttp(bundle, `http://127.0.0.1:${bundlePort}/api`, 15_000);

  const targets = [
    { name: 'express', url: `http://127.0.0.1:${expressPort}/`, pid: express.child.pid },
    { name: 'bundle', url: `http://127.0.0.1:${bundlePort}/api`, pid: bundle.child.pid },
    { name: 'nx-serve', url: served.url, pid: served.pid },
    { name: 'nx-serve+dbg', url: served.url, pid: served.pid, attach: inspectPort },
    { name: 'nx-serve-noinsp', url: noInspect.url, pid: noInspect.pid, attach: inspectPort2 },
  ];

  const run = async (url, seconds) => {
    const reply = await request(
      loader,
      { type: 'run', options: { url, connections, duration: seconds } },
      ['result', 'error'],
      (seconds + 20) * 1000,
    );
    if (reply.type === 'error') throw new Error(reply.message);
    return reply.result;
  };
  const measure = async (target, seconds) => {
    const session = target.attach ? await attachDebugger(target.attach) : null;
    if (session) debuggers.add(session);
    try {
      const cpu0 = processMicros(target.pid);
      const cores0 = coreTimes();
      const t0 = process.hrtime.bigint();
      const result = await run(target.url, seconds);
      const wall = Number(process.hrtime.bigint() - t0) / 1000;
      const cpu = processMicros(target.pid) - cpu0;
      return {
        ...result,
        attached: session !== null,
        cpuPerRequest: cpu / result.requests,
        serverCpu: cpu / wall,
        idle: idleShares(cores0, coreTimes()),
      };
    } finally {
      if (session) {
        debuggers.delete(session);
        await session.detach();
      }
    }
  };

  log(
    `\nnode ${process.version}; servers on core 0, autocannon on core 1, ${connections} keep-alive connections, ${duration} s a run, ${rounds} rounds`,
  );
  if (warmup > 0) for (const t of targets) await measure(t, warmup);
  log(
    'round target           req/s  p50 ms  p99 ms  non2xx  CPU µs/req  srv CPU  idle c0  idle c1  idle (top)  debugger',
  );
  const rows = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[(i + round) % targets.length];
      const r = await measure(t, duration);
      rows.push({ round: round + 1, name: t.name, ...r });
      log(
        `${String(round + 1).padEnd(6)}${t.name.padEnd(16)}${f(r.rps).padStart(6)}${f(r.p50, 2).padStart(8)}${f(r.p99, 2).padStart(8)}` +
          `${String(r.non2xx + r.errors).padStart(8)}${f(r.cpuPerRequest, 1).padStart(12)}${`${f(r.serverCpu * 100)}%`.padStart(9)}` +
          `${`${f(r.idle.cores[0] * 100)}%`.padStart(9)}${`${f(r.idle.cores[1] * 100)}%`.padStart(9)}${`${f(r.idle.machine * 100)}%`.padStart(12)}  ${t.attach ? (r.attached ? 'attached' : 'none to attach to') : '-'}`,
      );
      await sleep(300);
    }
  }
  log('\nmedians                  req/s  CPU µs/req  srv CPU  idle (top)  req/s vs express  CPU/req vs express');
  const base = rows.filter((r) => r.name === 'express');
  for (const t of targets) {
    const mine = rows.filter((r) => r.name === t.name);
    const ratio = median(mine.map((r) => r.rps / base.find((b) => b.round === r.round).rps));
    const cpuRatio = median(mine.map((r) => r.cpuPerRequest / base.find((b) => b.round === r.round).cpuPerRequest));
    log(
      `${t.name.padEnd(22)}${f(median(mine.map((r) => r.rps))).padStart(8)}${f(median(mine.map((r) => r.cpuPerRequest)), 1).padStart(12)}` +
        `${`${f(median(mine.map((r) => r.serverCpu)) * 100)}%`.padStart(9)}${`${f(median(mine.map((r) => r.idle.machine)) * 100)}%`.padStart(12)}${`${f(ratio, 2)}x`.padStart(18)}${`${f(cpuRatio, 2)}x`.padStart(20)}`,
    );
  }
  if (rows.some((r) => r.non2xx + r.errors > 0)) throw new Error('some runs had non-2xx answers or errors');
} catch (error) {
  process.stderr.write(`investigation failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
process.exit(process.exitCode ?? 0);
