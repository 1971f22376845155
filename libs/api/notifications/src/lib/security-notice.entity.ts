import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A security notice waiting to be e-mailed (the outbox): written in the transaction of the change it tells about, so a
 * change never commits without its notice, and deleted once the mail relay has accepted it. Holds only the rendered
 * text, which by construction carries no secret, code, token or full phone number (notice-text.ts).
 */
@Entity({ name: 'security_notice' })
@Index('security_notice_due_idx', ['nextAttemptAt'])
@Check('security_notice_attempts_check', `"attempts" >= 0`)
export class SecurityNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** When a worker may next try it (a claimed notice is leased for a few minutes, so a crash mid-send retries). */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  /** The relay's last refusal, shortened (never an address or the text). */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
