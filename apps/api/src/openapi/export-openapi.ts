import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@aidial/api/core';
import { AppModule } from '../app/app.module';
import { buildOpenApiDocument } from './openapi-document';

/**
 * Writes the OpenAPI document to the path given (default `apps/api/openapi.json`). The application is built but never
 * started: no database connection is made and no request is served, so the placeholder configuration below is only
 * ever read by dependency injection, not used.
 */
const DOCUMENT_ONLY_CONFIG: AppConfig = Object.freeze({
  sessionSecret: 'openapi-export-never-serves-requests-0000',
  publicUrl: new URL('https://portal.invalid'),
  aidialApiBaseUrl: new URL('https://platform.invalid'),
  aidialApiTimeoutMs: 1,
  zitadelIssuer: new URL('https://idp.invalid'),
  zitadelClientId: 'openapi-export',
  zitadelClientSecret: 'openapi-export',
  zitadelServiceToken: 'openapi-export',
  databaseUrl: 'postgres://openapi-export.invalid/none',
  redisUrl: undefined,
  trustedProxies: [],
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  port: 0,
  logLevel: 'silent',
  portalDir: undefined,
});

async function exportDocument(target: string): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(DOCUMENT_ONLY_CONFIG), { logger: false, abortOnError: false });
  const document = buildOpenApiDocument(app);
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`openapi: wrote ${target}\n`);
}

exportDocument(resolve(process.argv[2] ?? 'apps/api/openapi.json')).catch((error: unknown) => {
  process.stderr.write(`openapi export failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
