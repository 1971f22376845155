// R0, the calibration: the least a Node.js HTTP server can do for a request on this machine.
import { createServer } from 'node:http';

const body = JSON.stringify({ message: 'Hello API' });

createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
