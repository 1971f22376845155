import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@aidial/api/core';
import { AppModule } from '../app/app.module';

/**
 * The application built but never started, for reading its routes: no database connection is made and no request is
 * served, so this placeholder configuration is only ever read by dependency injection, not used.
 */
const DOCUMENT_ONLY_CONFIG: AppConfig = Object.freeze({
  sessionSecret: 'openapi-export-never-serves-requests-0000',
  apiKeyPepper: 'openapi-export-never-serves-requests-0000',
  publicUrl: new URL('https://portal.invalid'),
  aidialApiBaseUrl: new URL('https://platform.invalid'),
  aidialApiTimeoutMs: 1,
  zitadelIssuer: new URL('https://idp.invalid'),
  zitadelClientId: 'openapi-export',
  zitadelClientSecret: 'openapi-export',
  zitadelProjectId: '100000000000000000',
  zitadelServiceToken: 'openapi-export',
  zitadelServiceClientId: 'openapi-export',
  zitadelServiceClientSecret: 'openapi-export',
  zitadelLoginUi: 'v2',
  databaseUrl: 'postgres://openapi-export.invalid/none',
  redisUrl: undefined,
  trustedProxies: [],
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  port: 0,
  logLevel: 'silent',
  portalDir: undefined,
  auditRetentionDays: 400,
  auditRetentionIntervalMinutes: 60,
  sessionHistoryDays: 90,
  sessionCleanupIntervalMinutes: 15,
  stepUpMaxAgeMinutes: 10,
  signInStartsPerMinute: 30,
  failedSessionLookupsPerMinute: 60,
  v1RequestsPerMinute: 600,
  smtp: null,
});

export function createDocumentOnlyApp(): Promise<INestApplication> {
  return NestFactory.create(AppModule.forRoot(DOCUMENT_ONLY_CONFIG), { logger: false, abortOnError: false });
}
