import { createDataSource } from './data-source';

/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_MIGRATION_URL and exits. That is the URL of the role
 * that owns the tables, never the API's own DATABASE_URL, whose role may not change the schema (docs/operators.md,
 * "Database roles"). Needs nothing else, so an operator can migrate before the rest of the configuration exists.
 */
async function migrate(): Promise<void> {
  const url = process.env['DATABASE_MIGRATION_URL']?.trim();
  if (!url) {
    process.stderr.write(
      'DATABASE_MIGRATION_URL is required but not set: the URL of the role that owns the schema ' +
        '(DATABASE_URL is the API’s role, which may not change it; docs/operators.md)\n',
    );
    process.exit(1);
  }
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      applied.length === 0
        ? 'migrations: up to date\n'
        : applied.map((m) => `migrations: applied ${m.name}\n`).join(''),
    );
  } finally {
    await dataSource.destroy();
  }
}

migrate().catch((error: unknown) => {
  process.stderr.write(`migrations failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
