// Preloaded into every bench server (`node --require tools/bench/cpu-probe.cjs server.js`), so the same probe measures
// a raw node:http server, Express, NestJS and the real API alike. The harness starts the server with an IPC channel and
// asks for `process.cpuUsage()` right before and right after a measured window; the difference divided by the requests
// answered is the CPU a request cost inside the server (user + system time, every thread of the process).
// Without an IPC channel (the server started by hand) the probe does nothing.
'use strict';

if (typeof process.send === 'function') {
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
    });
  });
  // The harness is gone (finished, crashed or was killed with SIGKILL): a bench server never outlives it.
  process.on('disconnect', () => process.exit(0));
  // The channel alone must not keep a server alive that would otherwise exit (a boot failure, say).
  process.channel?.unref();
}
