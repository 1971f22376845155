// Preloaded into every bench server (`node --require tools/bench/cpu-probe.cjs server.js`), so the same probe measures
// a raw node:http server, Express, NestJS and the real API alike. The harness starts the server with an IPC channel and
// asks for `process.cpuUsage()` right before and right after a measured window; the difference divided by the requests
// answered is the CPU a request cost inside the server (user + system time, every thread of the process).
// It also counts the statements the server sends to PostgreSQL through node-postgres, for statements a request.
// Without an IPC channel (the server started by hand) the probe does nothing.
'use strict';

if (typeof process.send === 'function') {
  const statements = countStatements();
  // An open inspector lets a debugger attach, and an attached debugger (async call stacks on) multiplies the CPU a
  // request costs about tenfold (docs/bench.md): the harness refuses to measure such a server.
  const inspector = require('node:inspector');
  process.on('message', (message) => {
    if (!message || message.type !== 'bench:cpu') return;
    process.send({
      type: 'bench:cpu',
      id: message.id,
      usage: process.cpuUsage(),
      rss: process.memoryUsage.rss(),
      inspector: inspector.url() ?? null,
      statements: statements.count(),
    });
  });
  // The harness is gone (finished, crashed or was killed with SIGKILL): a bench server never outlives it.
  process.on('disconnect', () => process.exit(0));
  // The channel alone must not keep a server alive that would otherwise exit (a boot failure, say).
  process.channel?.unref();
}

/**
 * Counts every `Client.prototype.query` call of the project's node-postgres (node_modules/pg, which the API's bundle,
 * TypeORM and the floors all load: one module instance), each one statement sent: a pool's query, TypeORM's queries,
 * BEGIN and COMMIT alike. pg is not loaded here (a server without it keeps its footprint): the first module load after
 * which pg's client module is in the cache wraps it, and the hook then removes itself. `count()` is null while pg is
 * not loaded, so a server without PostgreSQL reports none.
 */
function countStatements() {
  const Module = require('node:module');
  let clientFile;
  try {
    clientFile = require.resolve('pg/lib/client.js');
  } catch {
    return { count: () => null };
  }
  let count = null;
  const load = Module._load;
  Module._load = function loadAndWatchForPg(...args) {
    const exports = load.apply(this, args);
    const client = require.cache[clientFile];
    if (count === null && client?.loaded) {
      if (Module._load === loadAndWatchForPg) Module._load = load;
      const query = client.exports.prototype.query;
      client.exports.prototype.query = function countedQuery(...queryArgs) {
        count++;
        return query.apply(this, queryArgs);
      };
      count = 0;
    }
    return exports;
  };
  return { count: () => count };
}
