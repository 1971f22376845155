// Jest loads global setup with Node's own resolver, not the workspace's path aliases: hence the relative imports.
import { execFileSync } from 'node:child_process';
// eslint-disable-next-line @nx/enforce-module-boundaries -- path aliases do not apply in Jest's global setup
import { setUpIntegrationRun } from '../../../../libs/api/testing/src/global-setup';
import { BUILT_MIGRATE } from './built-api';

/**
 * The template database is migrated by the built `migrate` command as its owner, the same way `npm run db:migrate`
 * runs; the tests' API then connects as its own role.
 */
export default () =>
  setUpIntegrationRun(async (ownerUrl) => {
    execFileSync(process.execPath, [BUILT_MIGRATE], {
      env: { PATH: process.env['PATH'] ?? '', DATABASE_MIGRATION_URL: ownerUrl },
      stdio: 'pipe',
    });
  });
