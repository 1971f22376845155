import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { API_LOGIN_ROLE, OWNER_ROLE, urlAs } from './database-roles';

/** A database's two URLs: the API's role (`url`, what the application connects with) and its owner's. */
export interface DatabaseUrls {
  url: string;
  ownerUrl: string;
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a database owned by the owner role (ensureDatabaseRoles), optionally as a copy of a template (the migrated
 * schema, with its grants), and returns its URLs.
 */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<DatabaseUrls> {
  await withAdmin(adminUrl, (client) =>
    client.query(`CREATE DATABASE "${name}" OWNER ${OWNER_ROLE.name}${template ? ` TEMPLATE "${template}"` : ''}`),
  );
  return { url: urlAs(adminUrl, API_LOGIN_ROLE, name), ownerUrl: urlAs(adminUrl, OWNER_ROLE, name) };
}

/** Drops a database even while connections are open (they are terminated). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
