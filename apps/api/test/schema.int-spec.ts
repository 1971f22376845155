import { DataSource } from 'typeorm';
import { cloneTestDatabase } from '@aidial/api/testing';
import { MIGRATIONS, dataSourceOptions } from '../src/database/data-source';

describe('database schema', () => {
  let database: Awaited<ReturnType<typeof cloneTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await cloneTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.ownerUrl)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('has every migration applied', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    const applied = (await dataSource.query('SELECT name FROM schema_migration ORDER BY id')) as Array<{
      name: string;
    }>;
    expect(applied.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });

  it('matches the entities exactly: no change is waiting for a migration', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('can be rolled back and re-applied', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
    const tables = (await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'`,
    )) as unknown[];
    expect(tables).toEqual([]);
    await dataSource.runMigrations();
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
