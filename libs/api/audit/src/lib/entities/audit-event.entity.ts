import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One security event, append-only (a trigger refuses UPDATE, DELETE and TRUNCATE; only the retention function
 * deletes). Each tenant's events, and the events without a tenant, form a hash chain: `seq` counts up by one within
 * the chain and `hash` covers the row's content and `prev_hash` (hash-chain.ts). Written only by AuditService.
 */
@Entity({ name: 'audit_event' })
@Index('audit_event_tenant_time_idx', ['tenantId', 'occurredAt', 'id'])
@Index('audit_event_time_idx', ['occurredAt', 'id'])
// UNIQUE (coalesce(tenant_id, '00000000-…'), seq): an expression index the entity cannot describe (migration 1763930000000).
@Index('audit_event_chain_seq_key', { synchronize: false })
@Check('audit_event_outcome_check', `"outcome" IN ('success', 'denied', 'failure')`)
export class AuditEventEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** Position in the chain, from 1; a checkpoint carries it on after retention removes the oldest rows. */
  @Column({ type: 'bigint' })
  seq!: string;

  /** The tenant whose log this is; null for events that belong to no tenant (their own chain). No foreign key: the log outlives tenants. */
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId!: string | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_api_key_id', type: 'uuid', nullable: true })
  actorApiKeyId!: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'target_type', type: 'text', nullable: true })
  targetType!: string | null;

  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId!: string | null;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  /** The client address with its last octet (IPv4) or last 80 bits (IPv6) zeroed. */
  @Column({ name: 'ip_coarse', type: 'text', nullable: true })
  ipCoarse!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  /** The event type's allowed fields, after the redactor. */
  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
