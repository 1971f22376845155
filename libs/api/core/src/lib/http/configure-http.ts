import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { ERROR_CODES, type ErrorCode } from '@aidial/shared/access';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';
import { AppLogger } from '../logging/app-logger';
import { requestLogMiddleware } from '../logging/logger-options';
import { jsonBodyMiddleware } from './json-body';
import { portalStaticMiddleware } from './portal-static';
import { errorEnvelope, writeEnvelope } from '../errors/error-envelope';
import { requestContextMiddleware } from './request-context';
import { REQUEST_ID_HEADER, requestIdMiddleware, requestIdOf } from './request-id';
import { stripApiKeyMiddleware } from './strip-api-key';

/** The content security policy the built portal and the `/docs` page work under. */
export function contentSecurityPolicy(config: AppConfig): Record<string, string[]> {
  const https = config.publicUrl.protocol === 'https:';
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    // Angular and Angular Material add component styles at run time as <style> elements.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    // The sign-in form's redirect goes to the identity provider.
    'form-action': ["'self'", config.zitadelIssuer.origin],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * Express's `trust proxy` list. A proxy on this host may reach the API over 127.0.0.1 or ::1 (whichever `localhost`
 * resolves to), so an IPv4 loopback entry also trusts ::1, and ::1 also trusts 127.0.0.1. Nothing wider: `127.0.0.1`
 * does not trust 127.0.0.2 (another local process is not the proxy). `loopback` is Express's own name for both ranges.
 */
export function trustProxyList(entries: readonly string[]): string[] {
  const trusted = new Set(entries);
  for (const entry of entries) {
    if (entry.startsWith('127.')) trusted.add('::1');
    if (/^::1(\/128)?$/.test(entry)) trusted.add('127.0.0.1');
  }
  return [...trusted];
}

/** Methods no route answers and that only ever serve to reflect a request back (cross-site tracing): 405. */
const REFUSED_METHODS = new Set(['TRACE', 'TRACK']);

export function refuseTraceMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (!REFUSED_METHODS.has(req.method)) return next();
  writeEnvelope(res, 405, errorEnvelope('method_not_allowed', requestIdOf(req)), {
    Allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
  });
}

/**
 * A request Node's parser refuses before Express sees it (a URL or headers over `--max-http-header-size`, a malformed
 * request line) is answered in the error envelope with a fresh request id, as every other refusal is, instead of
 * Node's bare status line. The connection closes after it (the parser cannot continue on it). A socket that is
 * already gone is just destroyed.
 */
export function answerClientErrors(server: Server, logger?: Pick<AppLogger, 'log'>): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const code: ErrorCode | null =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 'request_header_too_large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? null
          : 'bad_request';
    logger?.log({ event: 'http.client_error', code: error.code ?? error.name, request_id: requestId }, 'Http');
    if (!code) {
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      return;
    }
    const status = ERROR_CODES[code].status;
    const body = JSON.stringify(errorEnvelope(code, requestId));
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\n${REQUEST_ID_HEADER}: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/**
 * Express-level setup shared by `main.ts`, the integration tests and the bench, so they all run the same pipeline:
 * `X-API-Key` removed outside `/v1`, the request id, the request's log line, security headers, strict JSON bodies, the
 * request context (request-context.ts), then the built portal when configured.
 */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  // No ETag over every JSON answer: they are per-user and mostly no-store, so a hash of each body buys no 304 and costs
  // every request a digest (docs/bench.md). The portal's static files keep theirs (express.static sets its own).
  app.set('etag', false);
  // Forwarded headers are believed only from the proxies the operator lists.
  app.set('trust proxy', config.trustedProxies.length > 0 ? trustProxyList(config.trustedProxies) : false);
  answerClientErrors(app.getHttpServer() as Server, app.get(AppLogger));
  // First of all: outside /v1 an X-API-Key header is dropped before anything reads the request.
  app.use(stripApiKeyMiddleware);
  app.use(requestIdMiddleware);
  app.use(requestLogMiddleware(app.get(AppLogger).pino));
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
      strictTransportSecurity:
        config.publicUrl.protocol === 'https:' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(refuseTraceMiddleware);
  app.use(jsonBodyMiddleware());
  app.use(cookieParser());
  // After the parsers: their stream callbacks would run outside the request's async context.
  app.use(requestContextMiddleware);
  if (config.portalDir) app.use(portalStaticMiddleware(config.portalDir));
}
