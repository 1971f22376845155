import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';
import { AppLogger } from '../logging/app-logger';
import { requestLogMiddleware } from '../logging/logger-options';
import { jsonBodyMiddleware } from './json-body';
import { portalStaticMiddleware } from './portal-static';
import { requestContextMiddleware } from './request-context';
import { requestIdMiddleware } from './request-id';
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
  app.set('trust proxy', config.trustedProxies.length > 0 ? [...config.trustedProxies] : false);
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
  app.use(jsonBodyMiddleware());
  app.use(cookieParser());
  // After the parsers: their stream callbacks would run outside the request's async context.
  app.use(requestContextMiddleware);
  if (config.portalDir) app.use(portalStaticMiddleware(config.portalDir));
}
