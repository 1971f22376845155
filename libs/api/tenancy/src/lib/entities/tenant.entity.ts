import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const TENANT_KINDS = ['customer', 'partner', 'internal'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

export const TENANT_STATUSES = ['active', 'suspended', 'closed'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const MFA_POLICIES = ['role_default', 'required'] as const;
export type MfaPolicy = (typeof MFA_POLICIES)[number];

/** Feature flags default off: a missing key means disabled (`mfa.sms_otp.enabled` is deny-by-default, spec/05). */
export type TenantFeatureFlags = Partial<Record<'mfa.sms_otp.enabled', boolean>>;

@Entity({ name: 'tenant' })
@Index('tenant_managing_partner_idx', ['managingPartnerId'])
@Check('tenant_kind_check', `"kind" IN ('customer', 'partner', 'internal')`)
@Check('tenant_status_check', `"status" IN ('active', 'suspended', 'closed')`)
@Check('tenant_mfa_policy_check', `"mfa_policy" IN ('role_default', 'required')`)
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: TenantKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: 'active' })
  status!: TenantStatus;

  /** The partner that sold and manages this customer tenant, if any. */
  @Column({ name: 'managing_partner_id', type: 'uuid', nullable: true })
  managingPartnerId!: string | null;

  @ManyToOne(() => TenantEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'managing_partner_id', foreignKeyConstraintName: 'tenant_managing_partner_fk' })
  managingPartner?: TenantEntity | null;

  @Column({ name: 'feature_flags', type: 'jsonb', default: () => "'{}'" })
  featureFlags!: TenantFeatureFlags;

  @Column({ name: 'mfa_policy', type: 'text', default: 'role_default' })
  mfaPolicy!: MfaPolicy;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
