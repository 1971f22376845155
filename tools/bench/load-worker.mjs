// The load generator: a long-lived child the harness starts pinned to its own core (`taskset -c 1`), driven over IPC.
// Each `run` message is one autocannon run (keep-alive connections, fixed count and duration, no pipelining), as fast
// as the server answers or, given `rate`, paced at that many requests a second; the answer carries the counts and
// latency percentiles computed here from every response time (autocannon's own histogram rounds to whole
// milliseconds, too coarse for a 1 ms p50).
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

/**
 * Paces every connection at its share of `rate` requests a second, their schedules staggered evenly, so requests
 * arrive at the server at a steady rate. autocannon's own `overallRate` does not: it gives each connection a quota a
 * second, which the connection sends back to back as soon as the second starts, so a run at 70% of the peak rate holds
 * the server at full load for most of every second and its p99 is the peak's. Returns autocannon's `setupClient` hook
 * and `lateness(client)`: how long after its due time the client's request in flight was sent, because the previous
 * response came back late. Adding it to the response time counts a slow server's queue that waited in the client
 * (no coordinated omission); a timer firing a little late is the load generator's delay, not the server's, and adds
 * nothing.
 */
function pacing(rate, connections) {
  const interval = (1000 * connections) / rate;
  const start = performance.now();
  const late = new WeakMap();
  let index = 0;
  const setupClient = (client) => {
    // autocannon 9 (pinned in package.json) writes every request through this method: at connect and after each response.
    const send = client._doRequest;
    if (typeof send !== 'function') throw new Error('autocannon changed: Client.prototype._doRequest is gone');
    let due = start + (index++ * interval) / connections;
    client._doRequest = function pacedRequest() {
      const wait = due - performance.now();
      due += interval;
      if (wait <= 0) {
        late.set(this, -wait);
        send.call(this);
        return;
      }
      setTimeout(() => {
        if (this.destroyed) return;
        late.set(this, 0);
        send.call(this);
      }, wait);
    };
  };
  return { setupClient, lateness: (client) => late.get(client) ?? 0 };
}

async function run({ url, connections, duration, headers = {}, method = 'GET', rate }) {
  let times = new Float64Array(1 << 16);
  let count = 0;
  const statuses = {};
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  // Paced, no connection waits more than a second between requests (autocannon times a silent one out after 10 s).
  const clients = rate ? Math.max(1, Math.min(connections, Math.floor(rate))) : connections;
  const paced = rate ? pacing(rate, clients) : undefined;
  const instance = autocannon({
    url,
    connections: clients,
    duration,
    pipelining: 1,
    method,
    headers,
    timeout: 10,
    ...(paced && { setupClient: paced.setupClient }),
  });
  instance.on('response', (client, statusCode, _bytes, responseTime) => {
    if (count === times.length) {
      const bigger = new Float64Array(times.length * 2);
      bigger.set(times);
      times = bigger;
    }
    times[count++] = paced ? responseTime + paced.lateness(client) : responseTime;
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
