import type { DataSource } from 'typeorm';
import { NamedStatements, shapedStatement } from './named-statements';

/**
 * These tests stop before PostgreSQL: what they check happens in NamedStatements itself. The "pool" only records what it
 * was asked to send (statement-budget.int-spec.ts runs the real thing against PostgreSQL).
 */
function withRecordingPool(): { statements: NamedStatements; sent: Array<{ name: string; text: string }> } {
  const sent: Array<{ name: string; text: string }> = [];
  const pool = {
    query: async (config: { name: string; text: string }) => {
      sent.push({ name: config.name, text: config.text });
      return { rows: [] };
    },
  };
  const dataSource = { driver: { master: pool } } as unknown as DataSource;
  return { statements: new NamedStatements(dataSource), sent };
}

describe('NamedStatements', () => {
  it('sends a statement under its name, as often as it is asked', async () => {
    const { statements, sent } = withRecordingPool();
    const lookup = { name: 'lookup', text: 'SELECT 1' };
    await statements.query(lookup, []);
    await statements.query(lookup, []);
    expect(sent).toEqual([lookup, lookup]);
  });

  it('refuses a second text under a name already used, before anything is sent', async () => {
    const { statements, sent } = withRecordingPool();
    await statements.query({ name: 'lookup', text: 'SELECT 1' }, []);
    await expect(statements.query({ name: 'lookup', text: 'SELECT 2' }, [])).rejects.toThrow(
      'two statements are named lookup',
    );
    expect(sent).toHaveLength(1);
  });

  it('refuses to run before the database is connected', async () => {
    const statements = new NamedStatements({ driver: {} } as unknown as DataSource);
    await expect(statements.query({ name: 'lookup', text: 'SELECT 1' }, [])).rejects.toThrow(
      'the database is not connected',
    );
  });
});

describe('shapedStatement', () => {
  it('names a text by its digest: the same shape one name, another shape another', () => {
    const page = shapedStatement('audit_page', 'SELECT * FROM audit_event WHERE tenant_id = $1 LIMIT $2');
    expect(shapedStatement('audit_page', 'SELECT * FROM audit_event WHERE tenant_id = $1 LIMIT $2')).toBe(page);
    expect(page.name).toMatch(/^audit_page_[0-9a-f]{16}$/);
    expect(shapedStatement('audit_page', 'SELECT * FROM audit_event LIMIT $1').name).not.toBe(page.name);
  });
});
