import { PortalUserEntity, TenantEntity } from '@aidial/api/tenancy';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An API key of one tenant for the `/v1` integration surface (DESIGN.md §4). The key itself is never stored: only its
 * public id (the lookup), an HMAC-SHA-256 of its secret with the server's pepper, and its last four characters.
 */
@Entity({ name: 'api_key' })
@Index('api_key_tenant_idx', ['tenantId', 'createdAt'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  // The tenancy module owns these tables; the relations only declare the foreign keys (this module never joins them).
  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'api_key_tenant_fk' })
  tenant?: TenantEntity;

  /** A partner key's client tenant: the platform data it reads follows this client, as the portal's selection does. */
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId!: string | null;

  @ManyToOne(() => TenantEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'api_key_client_fk' })
  client?: TenantEntity | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'public_id', type: 'text' })
  @Index('api_key_public_id_key', { unique: true })
  publicId!: string;

  @Column({ name: 'secret_hash', type: 'bytea' })
  secretHash!: Buffer;

  @Column({ name: 'last_four', type: 'text' })
  lastFour!: string;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  /** The projects the key is limited to; null: every project its tenant (or client) lets it see. */
  @Column({ name: 'project_ids', type: 'uuid', array: true, nullable: true })
  projectIds!: string[] | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => PortalUserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'api_key_created_by_fk' })
  creator?: PortalUserEntity | null;

  /** The creator's role when the key was made: the key never reaches a section that role cannot open. */
  @Column({ name: 'creator_role', type: 'text' })
  creatorRole!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** The key this one replaced by rotation. */
  @Column({ name: 'rotated_from_id', type: 'uuid', nullable: true })
  rotatedFromId!: string | null;

  @ManyToOne(() => ApiKeyEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'rotated_from_id', foreignKeyConstraintName: 'api_key_rotated_from_fk' })
  rotatedFrom?: ApiKeyEntity | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy!: string | null;

  @ManyToOne(() => PortalUserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'revoked_by', foreignKeyConstraintName: 'api_key_revoked_by_fk' })
  revoker?: PortalUserEntity | null;

  /** Last accepted use, written at most once a minute per key (never on every request). */
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  /** The caller's address with its last octet (IPv4) or last 80 bits (IPv6) zeroed. */
  @Column({ name: 'last_used_ip', type: 'text', nullable: true })
  lastUsedIp!: string | null;

  @Column({ name: 'last_used_user_agent', type: 'text', nullable: true })
  lastUsedUserAgent!: string | null;
}
