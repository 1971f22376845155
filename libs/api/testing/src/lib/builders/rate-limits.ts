import type { DataSource } from 'typeorm';
import { RateLimitCounterEntity } from '@aidial/api/core';
import { databaseNow, fromNow } from './database-time';

/** Forgets every rate-limit counter (PostgreSQL store), so a test starts with its full allowance. */
export async function clearRateLimits(ds: DataSource): Promise<void> {
  await ds.createQueryBuilder().delete().from(RateLimitCounterEntity).execute();
}

/** A counter that has already counted `count` requests in a window ending `windowSeconds` from now. */
export async function aRateLimitCounter(
  ds: DataSource,
  key: string,
  count: number,
  windowSeconds: number,
): Promise<void> {
  await ds
    .getRepository(RateLimitCounterEntity)
    .upsert({ key, count, windowEndsAt: fromNow(`${windowSeconds} seconds`) }, ['key']);
}

/** Ends every window that would end within `seconds`, as if that much time had passed; longer windows go on. */
export async function endRateLimitWindows(ds: DataSource, seconds: number): Promise<void> {
  await ds
    .createQueryBuilder()
    .update(RateLimitCounterEntity)
    .set({ windowEndsAt: databaseNow })
    .where('window_ends_at <= now() + make_interval(secs => :seconds)', { seconds })
    .execute();
}
