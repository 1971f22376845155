// Measures servers the harness did not start (a `nx serve` child, a server started by hand) with the bench's load
// generator and settings, interleaved over rounds like run.mjs. The server's CPU comes from /proc/PID/stat (1/100 s
// ticks), so no probe is needed; each core's idle share over the window comes from /proc/stat.
//
//   npx node tools/bench/measure.mjs [--rounds 3] [--duration 5] [--warmup 2] [--connections 32] [--header 'N: v'] \
//     name=http://127.0.0.1:3310/api@PID other=http://127.0.0.1:4101/@PID
//
// Only 127.0.0.1 URLs are accepted. The load generator runs on core 1; pin the servers to core 0 yourself
// (`taskset -pc 0 PID`) to compare like run.mjs does.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { coreTimes, idleShares, processMicros } from './lib/procstat.mjs';
import { request, spawnPinned, stopAll, waitForMessage } from './lib/processes.mjs';
import { fixed, median } from './lib/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '32' },
    header: { type: 'string', multiple: true, default: [] },
  },
});
const headers = Object.fromEntries(
  values.header.map((h) => {
    const at = h.indexOf(':');
    if (at < 1) throw new Error(`--header "${h}" is not "Name: value"`);
    return [h.slice(0, at).trim(), h.slice(at + 1).trim()];
  }),
);
const rounds = Math.min(10, Math.max(1, Number(values.rounds) || 3));
const duration = Math.min(30, Math.max(1, Number(values.duration) || 5));
const warmup = Math.min(30, Math.max(0, Number(values.warmup) || 0));
const connections = Math.min(512, Math.max(1, Number(values.connections) || 32));

const targets = positionals.map((spec) => {
  // Loopback only: 127.0.0.1, or `localhost` to see what resolving it (to ::1 first) costs.
  const match = /^([\w.-]+)=(http:\/\/(?:127\.0\.0\.1|localhost):\d+\/\S*?)(?:@(\d+))?$/.exec(spec);
  if (!match) throw new Error(`target "${spec}" is not name=http://127.0.0.1:PORT/path[@PID] (or localhost)`);
  return { name: match[1], url: match[2], pid: match[3] ? Number(match[3]) : undefined };
});
if (targets.length === 0) {
  process.stderr.write('usage: measure.mjs [--rounds N] [--duration S] name=http://127.0.0.1:PORT/path@PID ...\n');
  process.exit(2);
}

const f = fixed;

const loader = spawnPinned({
  name: 'load generator',
  core: 1,
  args: [join(here, 'load-worker.mjs')],
  output: 'inherit',
});
const cleanup = () => stopAll().catch(() => undefined);
process.on('SIGINT', () => cleanup().finally(() => process.exit(130)));
process.on('SIGTERM', () => cleanup().finally(() => process.exit(143)));

try {
  await waitForMessage(loader, 'ready', 15_000);
  const run = async (url, seconds) => {
    const reply = await request(
      loader,
      { type: 'run', options: { url, connections, duration: seconds, headers } },
      ['result', 'error'],
      (seconds + 20) * 1000,
    );
    if (reply.type === 'error') throw new Error(reply.message);
    return reply.result;
  };
  process.stdout.write(
    `node ${process.version}; load generator on core 1, ${connections} connections, ${duration} s a run, ${rounds} rounds, ${warmup} s warm-up` +
      `${values.header.length ? `; headers ${values.header.join(', ')}` : ''}\n`,
  );
  if (warmup > 0) for (const t of targets) await run(t.url, warmup);
  const rows = [];
  process.stdout.write(
    'round name            req/s  p50 ms  p99 ms  non-2xx errors  CPU µs/req  srv CPU  idle core0 core1\n',
  );
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[(i + round) % targets.length];
      const cpu0 = processMicros(t.pid);
      const cores0 = coreTimes();
      const started = process.hrtime.bigint();
      const r = await run(t.url, duration);
      const wall = Number(process.hrtime.bigint() - started) / 1000;
      const cpu = processMicros(t.pid) - cpu0;
      const { cores } = idleShares(cores0, coreTimes());
      const row = {
        round: round + 1,
        name: t.name,
        ...r,
        cpuPerRequest: cpu / r.requests,
        serverCpu: cpu / wall,
        idle: cores,
      };
      rows.push(row);
      process.stdout.write(
        `${String(row.round).padEnd(6)}${t.name.padEnd(12)}${f(r.rps).padStart(9)}${f(r.p50, 2).padStart(8)}${f(r.p99, 2).padStart(8)}` +
          `${String(r.non2xx).padStart(9)}${String(r.errors + r.timeouts).padStart(7)}${f(row.cpuPerRequest, 1).padStart(12)}` +
          `${`${f(row.serverCpu * 100)}%`.padStart(9)}  ${cores.map((c) => `${f(c * 100)}%`.padStart(5)).join(' ')}\n`,
      );
      await sleep(300);
    }
  }
  process.stdout.write('\nmedians\n');
  for (const t of targets) {
    const mine = rows.filter((r) => r.name === t.name);
    process.stdout.write(
      `${t.name.padEnd(12)} ${f(median(mine.map((r) => r.rps))).padStart(8)} req/s  p50 ${f(median(mine.map((r) => r.p50)), 2)} ms  ` +
        `p99 ${f(median(mine.map((r) => r.p99)), 2)} ms  CPU ${f(median(mine.map((r) => r.cpuPerRequest)), 1)} µs/req  ` +
        `server CPU ${f(median(mine.map((r) => r.serverCpu)) * 100)}%  non-2xx ${mine.reduce((a, r) => a + r.non2xx, 0)}\n`,
    );
  }
  if (targets.length > 1) {
    const base = targets[targets.length - 1].name;
    process.stdout.write(`\nreq/s ratios to ${base} (median of per-round ratios)\n`);
    for (const t of targets.slice(0, -1)) {
      const ratios = Array.from({ length: rounds }, (_, i) => {
        const a = rows.find((r) => r.name === t.name && r.round === i + 1);
        const b = rows.find((r) => r.name === base && r.round === i + 1);
        return a.rps / b.rps;
      });
      process.stdout.write(`${t.name.padEnd(12)} ${f(median(ratios), 2)}x\n`);
    }
  }
} finally {
  await cleanup();
}
