import { createDataSource } from './data-source';

/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL and exits. Needs only DATABASE_URL, so an operator
 * can migrate before the rest of the configuration exists.
 */
async function migrate(): Promise<void> {
  const url = process.env['DATABASE_URL']?.trim();
  if (!url) {
    process.stderr.write('DATABASE_URL is required but not set\n');
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
