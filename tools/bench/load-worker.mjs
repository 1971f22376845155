// The load generator: a long-lived child the harness starts pinned to its own core (`taskset -c 1`), driven over IPC.
// Each `run` message is one autocannon run (keep-alive connections, fixed count and duration, no pipelining); the
// answer carries the counts and latency percentiles computed here from every response time (autocannon's own
// histogram rounds to whole milliseconds, too coarse for a 1 ms p50).
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

if (typeof process.send !== 'function') {
  process.stderr.write('load-worker.mjs is started by tools/bench/run.mjs (it needs an IPC channel)\n');
  process.exit(2);
}

/** Percentile by nearest rank over a sorted array. */
function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

async function run({ url, connections, duration, headers = {}, method = 'GET' }) {
  let times = new Float64Array(1 << 16);
  let count = 0;
  const statuses = {};
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const instance = autocannon({ url, connections, duration, pipelining: 1, method, headers, timeout: 10 });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (count === times.length) {
      const bigger = new Float64Array(times.length * 2);
      bigger.set(times);
      times = bigger;
    }
    times[count++] = responseTime;
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const cpu = process.cpuUsage(cpuBefore);
  const elapsedSeconds = (performance.now() - started) / 1000;
  const sorted = times.subarray(0, count).sort();
  return {
    requests: result.requests.total,
    elapsedSeconds,
    rps: result.requests.total / elapsedSeconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: count > 0 ? sorted[count - 1] : Number.NaN,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    resets: result.resets,
    statuses,
    cpuMicros: cpu.user + cpu.system,
  };
}

process.on('message', (message) => {
  if (!message || message.type !== 'run') return;
  run(message.options).then(
    (result) => process.send({ type: 'result', id: message.id, result }),
    (error) =>
      process.send({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready' });
