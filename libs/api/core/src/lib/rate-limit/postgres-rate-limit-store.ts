import type { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../database/database-errors';
import { NamedStatements } from '../database/named-statements';
import { RATE_LIMIT_CONSUME, RESET_IN_MS } from './rate-limit.statements';
import {
  type CounterRequest,
  type CounterResult,
  type CounterState,
  type RateLimitStore,
  RateLimitUnavailableError,
} from './rate-limit';

/** What every counter statement returns (raw: each is one atomic `INSERT … ON CONFLICT` or `UPDATE … RETURNING`). */
interface CounterRow {
  key: string;
  count: number;
  reset_in_ms: string | number;
}

/**
 * Several counters, step 1 of 2 in one transaction: every counter row is created or locked, in key order (so two
 * requests naming the same counters can never deadlock), and a counter whose window ended starts a new one at 0. When
 * one is exhausted the transaction is rolled back: a refused request leaves no row behind, not even one at 0.
 */
const LOCK_ALL = `
  INSERT INTO rate_limit_counter AS c (key, count, window_ends_at)
  SELECT i.key, 0, now() + i.window_ms * interval '1 millisecond'
    FROM unnest($1::text[], $2::double precision[]) AS i(key, window_ms)
   ORDER BY i.key
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN c.window_ends_at <= now() THEN 0 ELSE c.count END,
    window_ends_at = CASE WHEN c.window_ends_at <= now() THEN excluded.window_ends_at ELSE c.window_ends_at END
  RETURNING key, count, ${RESET_IN_MS}`;

/** Step 2, only when no counter is exhausted: the request is counted in all of them. */
const COUNT_ALL = `
  UPDATE rate_limit_counter SET count = count + 1 WHERE key = ANY($1::text[]) RETURNING key, count, ${RESET_IN_MS}`;

const DELETE_EXPIRED = `DELETE FROM rate_limit_counter WHERE window_ends_at <= now()`;

function stateOf(row: CounterRow | undefined, request: CounterRequest): CounterState {
  if (!row) throw new Error('rate-limit counter row missing from the answer');
  return { count: Math.min(Number(row.count), request.limit), resetInMs: Number(row.reset_in_ms) };
}

/** Thrown inside the multi-counter transaction to roll it back when a counter is exhausted; carries the answer out. */
class Refused extends Error {
  constructor(readonly counters: CounterState[]) {
    super('rate limit exhausted');
  }
}

/** Counters in the `rate_limit_counter` table, when no `REDIS_URL` is configured: shared by every API instance on the database. */
export class PostgresRateLimitStore implements RateLimitStore {
  readonly kind = 'postgres';

  private readonly named: NamedStatements;

  constructor(private readonly dataSource: DataSource) {
    this.named = new NamedStatements(dataSource);
  }

  async consume(requests: readonly CounterRequest[]): Promise<CounterResult> {
    try {
      return requests.length === 1 && requests[0]
        ? await this.consumeOne(requests[0])
        : await this.consumeAll(requests);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw new RateLimitUnavailableError({ cause: error });
      throw error;
    }
  }

  async deleteExpired(): Promise<number> {
    const [, affected] = await this.dataSource.query<[unknown[], number]>(DELETE_EXPIRED);
    return affected ?? 0;
  }

  async close(): Promise<void> {
    // The data source belongs to the database module, which closes it.
  }

  private async consumeOne(request: CounterRequest): Promise<CounterResult> {
    const [row] = await this.named.query<CounterRow>(RATE_LIMIT_CONSUME, [
      request.counterKey,
      request.windowMs,
      request.limit,
    ]);
    return { admitted: Number(row?.count) <= request.limit, counters: [stateOf(row, request)] };
  }

  private async consumeAll(requests: readonly CounterRequest[]): Promise<CounterResult> {
    const keys = requests.map((request) => request.counterKey);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const windows = requests.map((request) => request.windowMs);
        const locked = await manager.query<CounterRow[]>(LOCK_ALL, [keys, windows]);
        const byKey = new Map(locked.map((row) => [row.key, row]));
        const exhausted = requests.some((request) => Number(byKey.get(request.counterKey)?.count) >= request.limit);
        // Refused: roll back, so the rows LOCK_ALL created at 0 (and the windows it restarted) are not left behind.
        if (exhausted) throw new Refused(requests.map((r) => stateOf(byKey.get(r.counterKey), r)));
        // TypeORM answers an UPDATE … RETURNING as [rows, affected].
        const [rows] = await manager.query<[CounterRow[], number]>(COUNT_ALL, [keys]);
        const countedByKey = new Map(rows.map((row) => [row.key, row]));
        return { admitted: true, counters: requests.map((r) => stateOf(countedByKey.get(r.counterKey), r)) };
      });
    } catch (error) {
      if (error instanceof Refused) return { admitted: false, counters: error.counters };
      throw error;
    }
  }
}
