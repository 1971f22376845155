import { AUDIT_ENTITIES } from '@aidial/api/audit';
import { AUTH_ENTITIES } from '@aidial/api/auth';
import { CORE_ENTITIES } from '@aidial/api/core';
import { INTEGRATIONS_ENTITIES } from '@aidial/api/integrations';
import { MFA_ENTITIES } from '@aidial/api/mfa';
import { NOTIFICATIONS_ENTITIES } from '@aidial/api/notifications';
import { SESSIONS_ENTITIES } from '@aidial/api/sessions';
import { SUPPORT_ENTITIES } from '@aidial/api/support';
import { TENANCY_ENTITIES } from '@aidial/api/tenancy';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { Foundation1763900000000 } from './migrations/1763900000000-foundation';
import { Sessions1763910000000 } from './migrations/1763910000000-sessions';
import { Tenancy1763920000000 } from './migrations/1763920000000-tenancy';
import { Audit1763930000000 } from './migrations/1763930000000-audit';
import { ApiKeys1763940000000 } from './migrations/1763940000000-api-keys';
import { SessionSecurity1763950000000 } from './migrations/1763950000000-session-security';
import { Mfa1763960000000 } from './migrations/1763960000000-mfa';
import { SupportAndRateLimits1763970000000 } from './migrations/1763970000000-support-and-rate-limits';
import { ApiRole1763980000000 } from './migrations/1763980000000-api-role';
import { StepUp1764100000000 } from './migrations/1764100000000-step-up';
import { ProviderLogoutAndNotices1764200000000 } from './migrations/1764200000000-provider-logout-and-notices';
import { SessionEndReasons1764300000000 } from './migrations/1764300000000-session-end-reasons';

/** Every entity of every feature module, listed explicitly (no globs, so bundling cannot lose one). */
export const ENTITIES = [
  ...CORE_ENTITIES,
  ...TENANCY_ENTITIES,
  ...SESSIONS_ENTITIES,
  ...AUTH_ENTITIES,
  ...AUDIT_ENTITIES,
  ...INTEGRATIONS_ENTITIES,
  ...MFA_ENTITIES,
  ...SUPPORT_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
];

/** The one ordered migration history. */
export const MIGRATIONS = [
  Foundation1763900000000,
  Sessions1763910000000,
  Tenancy1763920000000,
  Audit1763930000000,
  ApiKeys1763940000000,
  SessionSecurity1763950000000,
  Mfa1763960000000,
  SupportAndRateLimits1763970000000,
  ApiRole1763980000000,
  StepUp1764100000000,
  ProviderLogoutAndNotices1764200000000,
  SessionEndReasons1764300000000,
];

/**
 * The options shared by the application (`DATABASE_URL`, a member of `aidial_api`) and the migration command
 * (`DATABASE_MIGRATION_URL`, the tables' owner): the schema changes only through MIGRATIONS.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      application_name: 'aidial-access',
      max: 10,
      connectionTimeoutMillis: 3_000,
      // A statement that runs longer than this is cancelled: one slow query must not hold a connection forever.
      statement_timeout: 10_000,
    },
  };
}

export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}
