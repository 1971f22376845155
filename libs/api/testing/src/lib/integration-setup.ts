import { ensureDatabaseRoles } from './database-roles';
import { startPostgresServer, type PostgresServer } from './postgres-server';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './test-database';
import { ADMIN_URL_VARIABLE, TEMPLATE_VARIABLE } from './test-database-clone';

interface RunState {
  server: PostgresServer;
  template: string;
}

const STATE_KEY = Symbol.for('aidial.integration.state');

/**
 * Jest global setup: one PostgreSQL server for the run and one template database migrated once, as its owner; each
 * test file clones the template (fast) and drops its clone. The API connects as its own role (database-roles.ts), so
 * every test also proves the migrations' grants suffice. Everything but the server-wide roles is dropped in the
 * teardown, so no run depends on a previous one.
 */
export async function setUpIntegrationRun(migrate: (ownerUrl: string) => Promise<void>): Promise<void> {
  const server = await startPostgresServer();
  await ensureDatabaseRoles(server.adminUrl);
  const template = uniqueDatabaseName('aidial_tpl');
  const { ownerUrl } = await createDatabase(server.adminUrl, template);
  await migrate(ownerUrl);
  process.env[ADMIN_URL_VARIABLE] = server.adminUrl;
  process.env[TEMPLATE_VARIABLE] = template;
  (globalThis as Record<symbol, RunState>)[STATE_KEY] = { server, template };
}

export async function tearDownIntegrationRun(): Promise<void> {
  const state = (globalThis as Record<symbol, RunState | undefined>)[STATE_KEY];
  if (!state) return;
  await dropDatabase(state.server.adminUrl, state.template);
  await state.server.stop();
}
