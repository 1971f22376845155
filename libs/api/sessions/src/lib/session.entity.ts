import { type MfaSnapshot, SESSION_END_REASONS, type SessionEndReason } from '@aidial/shared/access';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signed-in browser. Only a SHA-256 hash of the cookie value is stored, so a database read cannot replay a session;
 * the provider's tokens are encrypted with a key derived from SESSION_SECRET.
 */
@Entity({ name: 'session' })
@Index('session_user_idx', ['userId'])
@Index('session_tenant_live_idx', ['tenantId'], { where: '"ended_at" IS NULL' })
@Index('session_ended_at_idx', ['endedAt'], { where: '"ended_at" IS NOT NULL' })
// A back-channel logout finds live sessions by the provider's session (`sid`) or, without one, by its subject (`sub`).
@Index('session_idp_session_live_idx', ['idpSessionId'], { where: '"ended_at" IS NULL' })
@Index('session_idp_subject_live_idx', ['idpSubject'], { where: '"ended_at" IS NULL' })
// session_live_expiry_idx (the cleanup job's sweep) is an expression index: the migration has it, TypeORM cannot say it.
@Check(
  'session_end_reason_check',
  `"end_reason" IS NULL OR "end_reason" IN (${SESSION_END_REASONS.map((reason) => `'${reason}'`).join(', ')})`,
)
@Check('session_end_consistent', `("ended_at" IS NULL) = ("end_reason" IS NULL)`)
@Check('session_end_note_length', `char_length("end_note") <= 500`)
@Check('session_live_has_tokens', `"ended_at" IS NOT NULL OR "tokens_encrypted" IS NOT NULL`)
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'token_hash', type: 'bytea' })
  @Index('session_token_hash_key', { unique: true })
  tokenHash!: Buffer;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  // Related by entity name: the tenancy module owns these tables, and features do not import each other.
  @ManyToOne('PortalUserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'session_user_fk' })
  user?: unknown;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne('TenantEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'session_tenant_fk' })
  tenant?: unknown;

  /** A partner's selected client tenant (the header's client selector); cleared if the client row goes. */
  @Column({ name: 'selected_client_id', type: 'uuid', nullable: true })
  selectedClientId!: string | null;

  @ManyToOne('TenantEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'selected_client_id', foreignKeyConstraintName: 'session_selected_client_fk' })
  selectedClient?: unknown;

  @Column({ name: 'idp_subject', type: 'text' })
  idpSubject!: string;

  @Column({ name: 'idp_session_id', type: 'text', nullable: true })
  idpSessionId!: string | null;

  /** Provider tokens (ID token for logout, access token for the platform API), AES-256-GCM encrypted; wiped when the session ends. */
  @Column({ name: 'tokens_encrypted', type: 'text', nullable: true })
  tokensEncrypted!: string | null;

  @Column({ type: 'text', array: true })
  amr!: string[];

  @Column({ name: 'auth_time', type: 'timestamptz' })
  authTime!: Date;

  /** The MFA snapshot taken at sign-in (docs/mfa.md; migration 1763960000000-mfa). Null for sessions made before it. */
  @Column({ name: 'mfa_snapshot', type: 'jsonb', nullable: true })
  mfaSnapshot!: MfaSnapshot | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ name: 'idle_expires_at', type: 'timestamptz' })
  idleExpiresAt!: Date;

  @Column({ name: 'absolute_expires_at', type: 'timestamptz' })
  absoluteExpiresAt!: Date;

  /** When the session ended (signed out, revoked, expired and swept); null while it is live. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: SessionEndReason | null;

  /** The person who ended it (the user, an administrator), or null when the system did (expiry, replacement). */
  @Column({ name: 'ended_by_user_id', type: 'uuid', nullable: true })
  endedByUserId!: string | null;

  @ManyToOne('PortalUserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ended_by_user_id', foreignKeyConstraintName: 'session_ended_by_fk' })
  endedBy?: unknown;

  /** An administrator's note when revoking, shown to the user in their history. */
  @Column({ name: 'end_note', type: 'text', nullable: true })
  endNote!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  /** The client address with its last octet (IPv4) or last 80 bits (IPv6) zeroed. */
  @Column({ name: 'ip_coarse', type: 'text', nullable: true })
  ipCoarse!: string | null;
}
