// Jest loads global setup with Node's own resolver, not the workspace's path aliases: hence the relative imports.
import { execFileSync } from 'node:child_process';
// eslint-disable-next-line @nx/enforce-module-boundaries -- path aliases do not apply in Jest's global setup
import { setUpIntegrationRun } from '../../../../libs/api/testing/src/global-setup';
import { BUILT_MIGRATE } from './built-api';

/** The template database is migrated by the built `migrate` command, the same one `npm run db:migrate` runs. */
export default () =>
  setUpIntegrationRun(async (databaseUrl) => {
    execFileSync(process.execPath, [BUILT_MIGRATE], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'pipe',
    });
  });
