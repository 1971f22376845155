import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Where a chain continues after the retention job removed its oldest rows: the seq and hash of the last row removed.
 * The next remaining row's `prev_hash` must equal `hash`. Written only by the `audit_apply_retention` function.
 */
@Entity({ name: 'audit_chain_checkpoint' })
export class AuditChainCheckpointEntity {
  /** The tenant id, or the nil UUID for the chain of events without a tenant. */
  @PrimaryColumn({ name: 'chain_id', type: 'uuid' })
  chainId!: string;

  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  hash!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
