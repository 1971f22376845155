import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * A statement PostgreSQL parses and plans once per connection, then only binds and executes: a prepared statement, in
 * the extended protocol's terms a named one. For the per-request reads (DESIGN.md §11): an unnamed statement is
 * planned again on every request, which cost more PostgreSQL CPU than running it (docs/bench.md).
 *
 * Declared in a `*.statements.ts` file next to the repository that runs it, with no imports but types, so the bench's
 * floors (`tools/bench/servers`) load the very same text the API sends.
 */
export interface NamedStatement {
  /** Unique in the process: a connection keeps each name's plan for its whole life. */
  readonly name: string;
  readonly text: string;
}

/** Statements built from a finite set of fragments, by text: bounded by the number of shapes a caller can build. */
const shaped = new Map<string, NamedStatement>();

/**
 * A named statement for text assembled per request from fixed fragments (a keyset page with optional filters: one
 * shape per combination), named by a digest of its text. Every value must be a parameter, never part of the text, or
 * each value would become a statement of its own on every connection.
 */
export function shapedStatement(prefix: string, text: string): NamedStatement {
  let statement = shaped.get(text);
  if (!statement) {
    statement = { name: `${prefix}_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`, text };
    shaped.set(text, statement);
  }
  return statement;
}

/**
 * Runs named statements on the pool TypeORM owns (the same connections, limits and timeouts as every other statement).
 * Only repositories call it, like `query()`: `apps/api/src/database/data-ownership.spec.ts` holds them to the same
 * rules.
 */
@Injectable()
export class NamedStatements {
  /** Every name seen, with its text: a second text under one name is a bug that PostgreSQL would only report later. */
  private readonly known = new Map<string, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async query<Row>(statement: NamedStatement, values: readonly unknown[]): Promise<Row[]> {
    const known = this.known.get(statement.name);
    if (known === undefined) this.known.set(statement.name, statement.text);
    else if (known !== statement.text) throw new Error(`two statements are named ${statement.name}`);
    const result = await this.pool().query({ name: statement.name, text: statement.text, values: [...values] });
    return result.rows;
  }

  private pool(): Pool {
    // TypeORM's PostgreSQL driver keeps node-postgres's pool as `master` (no replication is configured).
    const pool: Pool | undefined = (this.dataSource.driver as PostgresDriver).master;
    if (!pool) throw new Error('the database is not connected');
    return pool;
  }
}
