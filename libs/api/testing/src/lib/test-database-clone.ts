import { Client } from 'pg';
import { createDatabase, type DatabaseUrls, dropDatabase, uniqueDatabaseName } from './test-database';

/** Set by the integration run's global setup for the test files: where to clone their databases from. */
export const ADMIN_URL_VARIABLE = 'AIDIAL_TEST_ADMIN_URL';
export const TEMPLATE_VARIABLE = 'AIDIAL_TEST_TEMPLATE_DB';

/**
 * One test file's database. The application connects with `url`, as the API's role; `ownerUrl` is for what only the
 * owner may do (a trigger that makes a write fail, tampering behind the audit triggers' back).
 */
export interface TestDatabase extends DatabaseUrls {
  name: string;
  drop: () => Promise<void>;
}

/** A fresh, migrated database for one test file. */
export async function cloneTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env[ADMIN_URL_VARIABLE];
  const template = process.env[TEMPLATE_VARIABLE];
  if (!adminUrl || !template) throw new Error('integration global setup did not run (jest.int.config.ts globalSetup)');
  const name = uniqueDatabaseName('aidial_test');
  const urls = await createDatabase(adminUrl, name, template);
  return { ...urls, name, drop: () => dropDatabase(adminUrl, name) };
}

/** Runs `work` on a connection of the database's owner, for what the API's role may not do; closes it after. */
export async function asDatabaseOwner<T>(
  database: Pick<TestDatabase, 'ownerUrl'>,
  work: (owner: Client) => Promise<T>,
): Promise<T> {
  const owner = new Client({ connectionString: database.ownerUrl });
  await owner.connect();
  try {
    return await work(owner);
  } finally {
    await owner.end();
  }
}
