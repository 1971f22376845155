// The upstream of the proxied-read scenarios (P0 measured on its own, and behind P1): a raw node:http stand-in for the
// AiDial platform API answering GET /calls with a fixed page of 20 calls (about 3 kB of JSON). It checks nothing: the
// bench measures the proxy's cost, and apps/dev-platform's token verification (a JWKS round trip on first use, then
// an RS256 check) would be the platform's cost, not ours.
import { createServer } from 'node:http';

const items = Array.from({ length: 20 }, (_, index) => ({
  id: `call_${String(index).padStart(16, '0')}`,
  project_id: '5f0c7a52-9d53-4c39-9d59-0c3f2d6e8a11',
  started_at: new Date(Date.UTC(2026, 10, 20, 9) - index * 3_600_000).toISOString(),
  direction: index % 2 === 0 ? 'outbound' : 'inbound',
  duration_seconds: 30 + index * 7,
  outcome: 'answered',
}));
const body = JSON.stringify({ items, next_cursor: '20' });

createServer((req, res) => {
  if (req.url?.startsWith('/calls')) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  } else {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{"error":"not_found"}');
  }
}).listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
