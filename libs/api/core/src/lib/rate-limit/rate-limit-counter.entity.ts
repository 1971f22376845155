import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One rate-limit counter when no `REDIS_URL` is configured (docs/rate-limits.md): a fixed window per key, shared by
 * every API instance on the database. Read and written only by PostgresRateLimitStore.
 */
@Entity({ name: 'rate_limit_counter' })
@Index('rate_limit_counter_window_ends_idx', ['windowEndsAt'])
export class RateLimitCounterEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'integer' })
  count!: number;

  @Column({ name: 'window_ends_at', type: 'timestamptz' })
  windowEndsAt!: Date;
}

/** The tables api-core owns, listed for the application's data source (no globs). */
export const CORE_ENTITIES = [RateLimitCounterEntity];
