// R1, the physical floor of R3: raw node:http and node-postgres doing R3's database work (the API's three named
// statements, in its order; servers/dashboard-floor.mjs) and answering the API's body bytes. Nothing else: no
// framework, no logging, no headers beyond the two the API sets for this answer.
import { createServer } from 'node:http';
import { createPool, readDashboard } from './dashboard-floor.mjs';

const pool = createPool(process.env.DATABASE_URL);

createServer((req, res) => {
  if (req.method !== 'GET' || req.url !== '/api/dashboard') {
    res.writeHead(404).end();
    return;
  }
  readDashboard(pool, req.headers.cookie).then(
    ({ status, body }) => {
      const json = JSON.stringify(body);
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(json),
        'Cache-Control': 'no-store',
      });
      res.end(json);
    },
    (error) => {
      process.stderr.write(`R1: ${error instanceof Error ? error.stack : String(error)}\n`);
      res.writeHead(503).end();
    },
  );
}).listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
