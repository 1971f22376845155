import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { SignInAttemptEntity } from './entities/sign-in-attempt.entity';

export type NewSignInAttempt = Pick<
  SignInAttemptEntity,
  'stateHash' | 'browserHash' | 'nonce' | 'codeVerifier' | 'returnTo' | 'maxAgeSeconds'
>;
export type ConsumedSignInAttempt = Pick<
  SignInAttemptEntity,
  'browserHash' | 'nonce' | 'codeVerifier' | 'returnTo' | 'maxAgeSeconds'
>;

/** Attempts live ten minutes (SIGN_IN_ATTEMPT_MINUTES); older than this they are deleted, by each start and the cleanup job. */
export const SIGN_IN_ATTEMPT_RETENTION_MINUTES = 60;

/** How many stale attempts each new one deletes: more than one, so the stale pile shrinks while sign-ins go on. */
const STALE_DELETED_PER_INSERT = 2;

/**
 * Raw, one statement (a writable CTE): records the attempt and deletes a few of the oldest stale ones. Stale rows
 * never pile up between cleanup runs, whatever the rate of starts, and a start pays for one indexed step, not a
 * table-wide DELETE. `SKIP LOCKED`: concurrent starts never wait on each other's deletions.
 */
const INSERT_AND_PRUNE = `
  WITH stale AS (
    DELETE FROM sign_in_attempt WHERE state_hash IN (
      SELECT state_hash FROM sign_in_attempt
       WHERE created_at < now() - make_interval(mins => $7)
       ORDER BY created_at LIMIT $8 FOR UPDATE SKIP LOCKED))
  INSERT INTO sign_in_attempt (state_hash, browser_hash, nonce, code_verifier, return_to, max_age_seconds)
  VALUES ($1, $2, $3, $4, $5, $6)`;

/**
 * The only place that reads and writes the `sign_in_attempt` table (owned by the auth module). The pile of unfinished
 * attempts stays bounded: starts are limited per client address (docs/rate-limits.md), each start deletes stale ones,
 * and the cleanup job deletes everything past the retention.
 */
@Injectable()
export class SignInAttemptRepository {
  constructor(@InjectRepository(SignInAttemptEntity) private readonly attempts: Repository<SignInAttemptEntity>) {}

  async insert(attempt: NewSignInAttempt): Promise<void> {
    await this.attempts.query(INSERT_AND_PRUNE, [
      attempt.stateHash,
      attempt.browserHash,
      attempt.nonce,
      attempt.codeVerifier,
      attempt.returnTo,
      attempt.maxAgeSeconds,
      SIGN_IN_ATTEMPT_RETENTION_MINUTES,
      STALE_DELETED_PER_INSERT,
    ]);
  }

  /** Deletes attempts older than `minutes` (long past any use): the cleanup job, inside its transaction. */
  async deleteOlderThan(minutes: number, manager: EntityManager): Promise<number> {
    const result = await manager
      .withRepository(this.attempts)
      .createQueryBuilder()
      .delete()
      .where('created_at < now() - make_interval(mins => :minutes)', { minutes })
      .execute();
    return result.affected ?? 0;
  }

  /**
   * Raw (`UPDATE … RETURNING`, so two callbacks with one state cannot both use it): marks the attempt consumed if it
   * is unused and younger than `maxAgeMinutes`, and returns what the callback needs; null otherwise.
   */
  async consume(stateHash: Buffer, maxAgeMinutes: number): Promise<ConsumedSignInAttempt | null> {
    const [rows] = await this.attempts.query<
      [
        Array<{
          browser_hash: Buffer;
          nonce: string;
          code_verifier: string;
          return_to: string;
          max_age_seconds: number | null;
        }>,
        number,
      ]
    >(
      `UPDATE sign_in_attempt SET consumed_at = now()
        WHERE state_hash = $1 AND consumed_at IS NULL AND created_at > now() - make_interval(mins => $2)
        RETURNING browser_hash, nonce, code_verifier, return_to, max_age_seconds`,
      [stateHash, maxAgeMinutes],
    );
    const row = rows[0];
    return row
      ? {
          browserHash: row.browser_hash,
          nonce: row.nonce,
          codeVerifier: row.code_verifier,
          returnTo: row.return_to,
          maxAgeSeconds: row.max_age_seconds,
        }
      : null;
  }
}
