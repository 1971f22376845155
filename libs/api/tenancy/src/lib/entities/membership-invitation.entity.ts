import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PortalUserEntity } from './portal-user.entity';
import { TenantEntity } from './tenant.entity';

/**
 * A pending Team invitation: a role in a tenant waiting for the person with this email address. It becomes a
 * membership (and the row is deleted) the first time that person signs in with the address verified by the identity
 * provider. Accounts themselves live in the identity provider; the portal never creates or edits them.
 */
@Entity({ name: 'membership_invitation' })
@Index('membership_invitation_tenant_email_key', ['tenantId', 'email'], { unique: true })
@Index('membership_invitation_email_idx', ['email'])
@Check('membership_invitation_email_check', `"email" = lower("email")`)
export class MembershipInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'membership_invitation_tenant_fk' })
  tenant?: TenantEntity;

  /** Stored lower-case, so one address has one invitation per tenant whatever its spelling. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  role!: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @ManyToOne(() => PortalUserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'membership_invitation_invited_by_fk' })
  inviter?: PortalUserEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
