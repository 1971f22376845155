import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One authorization request in flight (DESIGN.md §2.1): the state (stored hashed) is single-use and bound to the
 * browser that started the flow through the hash of a random cookie value; nonce and PKCE verifier wait here for the
 * callback. Rows expire after ten minutes.
 */
@Entity({ name: 'sign_in_attempt' })
@Index('sign_in_attempt_created_idx', ['createdAt'])
@Check('sign_in_attempt_max_age_check', `"max_age_seconds" >= 0`)
export class SignInAttemptEntity {
  @PrimaryColumn({ name: 'state_hash', type: 'bytea' })
  stateHash!: Buffer;

  @Column({ name: 'browser_hash', type: 'bytea' })
  browserHash!: Buffer;

  @Column({ type: 'text' })
  nonce!: string;

  @Column({ name: 'code_verifier', type: 'text' })
  codeVerifier!: string;

  @Column({ name: 'return_to', type: 'text' })
  returnTo!: string;

  /** A step-up's `max_age` (seconds), checked against the ID token's `auth_time` at the callback; null for a sign-in. */
  @Column({ name: 'max_age_seconds', type: 'integer', nullable: true })
  maxAgeSeconds!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true })
  consumedAt!: Date | null;
}
