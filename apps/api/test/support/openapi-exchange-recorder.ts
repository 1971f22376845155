// Records every answer an HTTP server gives (method, URL, status, headers, body), for the contract check of
// openapi-contract.ts. Node built-ins only and erasable TypeScript only: the built API loads this file itself, with
// `node --require` (Node strips the types), and then writes one JSON line per answer to the file named by
// OPENAPI_EXCHANGE_LOG; the integration tests install it in-process on the app they start (test-app.ts).
import { appendFileSync } from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import http from 'node:http';

export interface RecordedExchange {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;
  /** The body as sent, base64 (it may be compressed or binary). */
  readonly body: string;
}

/** Bodies larger than this are recorded truncated and not validated (none of the API's answers come near it). */
const MAX_RECORDED_BODY_BYTES = 4 * 1024 * 1024;

function chunkOf(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return undefined;
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

/**
 * Calls `record` once per answer of `server`, when the answer is complete (`end()`), before a byte of its end reaches
 * the client: a test that awaited a response can rely on it having been recorded.
 */
export function recordExchanges(server: Server, record: (exchange: RecordedExchange) => void): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: unknown, encoding: unknown) => {
      const buffer = chunkOf(chunk, encoding);
      if (!buffer || size > MAX_RECORDED_BODY_BYTES) return;
      size += buffer.length;
      chunks.push(buffer);
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof res.write;
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      try {
        record({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          status: res.statusCode,
          headers: res.getHeaders(),
          body: size > MAX_RECORDED_BODY_BYTES ? '' : Buffer.concat(chunks).toString('base64'),
        });
      } catch {
        // Recording must never change an answer.
      }
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as typeof res.end;
  });
}

/**
 * In a process started with `node --require <this file>` and OPENAPI_EXCHANGE_LOG set: record every server the process
 * creates into that file.
 */
const exchangeLog = process.env['OPENAPI_EXCHANGE_LOG'];
if (exchangeLog) {
  const createServer = http.createServer;
  (http as { createServer: typeof http.createServer }).createServer = function (this: unknown, ...args: unknown[]) {
    const server = (createServer as (...a: unknown[]) => Server).apply(this, args);
    recordExchanges(server, (exchange) => appendFileSync(exchangeLog, `${JSON.stringify(exchange)}\n`));
    return server;
  } as typeof http.createServer;
}
