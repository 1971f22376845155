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

/** The only place that reads and writes the `sign_in_attempt` table (owned by the auth module). */
@Injectable()
export class SignInAttemptRepository {
  constructor(@InjectRepository(SignInAttemptEntity) private readonly attempts: Repository<SignInAttemptEntity>) {}

  async insert(attempt: NewSignInAttempt): Promise<void> {
    await this.attempts.insert(attempt);
  }

  /** Deletes attempts older than `minutes` (long past any use); with `manager`, inside that transaction. */
  async deleteOlderThan(minutes: number, manager?: EntityManager): Promise<number> {
    const result = await (manager ? manager.withRepository(this.attempts) : this.attempts)
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
