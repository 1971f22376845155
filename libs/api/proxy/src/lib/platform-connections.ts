import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';

/** What the platform answered: its status, its headers and its body, read whole (at most the limit). */
export interface UpstreamResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** No complete answer within the deadline. */
export class UpstreamTimeoutError extends Error {}

/** An answer longer than the limit: refused once its declared length or the bytes read pass it. */
export class UpstreamTooLargeError extends Error {}

/**
 * Kept-alive connections to the platform API (http or https, as AIDIAL_API_BASE_URL says) and one GET over them at a
 * time: node's own client rather than `fetch`, whose WHATWG streams, abort signals and decompression cost the proxied
 * read more than everything else it does (bench scenario P1). One deadline covers the whole exchange, the body is
 * refused (and the connection dropped) as soon as it passes the limit, redirects are answers like any other status,
 * and nothing but the headers given is sent.
 */
export class PlatformConnections {
  private readonly agent: http.Agent;
  private readonly request: typeof http.request;
  private readonly target: { readonly hostname: string; readonly port: string };

  constructor(
    base: URL,
    private readonly timeoutMs: number,
    private readonly limitBytes: number,
  ) {
    const secure = base.protocol === 'https:';
    this.agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
    this.request = secure ? https.request : http.request;
    // URL keeps an IPv6 literal in brackets; node's client wants it bare.
    this.target = { hostname: base.hostname.replace(/^\[(.*)\]$/, '$1'), port: base.port };
  }

  /**
   * `path` absolute (with its query string); rejects with UpstreamTimeoutError, UpstreamTooLargeError or the socket's
   * error.
   */
  get(path: string, headers: Record<string, string>): Promise<UpstreamResponse> {
    return new Promise((resolve, reject) => {
      let current: http.ClientRequest | undefined;
      let settled = false;
      const settle = (error: Error | null, response?: UpstreamResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        if (error) {
          current?.destroy();
          reject(error);
        } else {
          resolve(response as UpstreamResponse);
        }
      };
      const deadline = setTimeout(() => settle(new UpstreamTimeoutError()), this.timeoutMs);

      const send = (retryOnStaleConnection: boolean) => {
        let answered = false;
        const request = this.request(
          { ...this.target, path, method: 'GET', headers, agent: this.agent },
          (response) => {
            answered = true;
            if (Number(response.headers['content-length']) > this.limitBytes) {
              settle(new UpstreamTooLargeError());
              return;
            }
            const chunks: Buffer[] = [];
            let size = 0;
            response.on('data', (chunk: Buffer) => {
              size += chunk.length;
              if (size > this.limitBytes) settle(new UpstreamTooLargeError());
              else chunks.push(chunk);
            });
            response.on('end', () =>
              settle(null, {
                status: response.statusCode ?? 0,
                headers: response.headers,
                body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size),
              }),
            );
            response.on('error', (error) => settle(error));
          },
        );
        current = request;
        request.on('error', (error: NodeJS.ErrnoException) => {
          // A kept-alive connection the platform closed just as it was reused: a GET is safe to send again, once.
          const stale = request.reusedSocket && error.code === 'ECONNRESET' && !answered;
          if (stale && retryOnStaleConnection && !settled) send(false);
          else settle(error);
        });
        request.end();
      };
      send(true);
    });
  }

  /** Closes the kept-alive connections (at shutdown). */
  close(): void {
    this.agent.destroy();
  }
}
