/**
 * A span of time the way PostgreSQL writes an interval. Builders take these instead of `Date`s so every timestamp is
 * relative to the database's own clock, the one the application compares against (`… < now()`).
 */
export type Interval = `${number} ${'second' | 'seconds' | 'minute' | 'minutes' | 'hour' | 'hours' | 'day' | 'days'}`;

/** A column value `interval` before the database's now, for TypeORM's insert and update. */
export const ago =
  (interval: Interval): (() => string) =>
  () =>
    `now() - interval '${interval}'`;

/** A column value `interval` after the database's now, for TypeORM's insert and update. */
export const fromNow =
  (interval: Interval): (() => string) =>
  () =>
    `now() + interval '${interval}'`;

/** The database's now, as a column value for TypeORM's insert and update. */
export const databaseNow = (): string => 'now()';
