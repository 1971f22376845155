import { createDatabase, dropDatabase, uniqueDatabaseName } from './test-database';

/** Set by the integration run's global setup for the test files: where to clone their databases from. */
export const ADMIN_URL_VARIABLE = 'AIDIAL_TEST_ADMIN_URL';
export const TEMPLATE_VARIABLE = 'AIDIAL_TEST_TEMPLATE_DB';

/** A fresh, migrated database for one test file. */
export async function cloneTestDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const adminUrl = process.env[ADMIN_URL_VARIABLE];
  const template = process.env[TEMPLATE_VARIABLE];
  if (!adminUrl || !template) throw new Error('integration global setup did not run (jest.int.config.ts globalSetup)');
  const name = uniqueDatabaseName('aidial_test');
  const url = await createDatabase(adminUrl, name, template);
  return { url, name, drop: () => dropDatabase(adminUrl, name) };
}
