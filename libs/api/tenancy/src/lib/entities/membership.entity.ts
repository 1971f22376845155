import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PortalUserEntity } from './portal-user.entity';
import { TenantEntity } from './tenant.entity';

export const PROJECT_SCOPES = ['all', 'selected'] as const;
export type ProjectScope = (typeof PROJECT_SCOPES)[number];

/**
 * A user's role in a tenant. `role` is deliberately free text: a value that is not one of the seven roles is stored as
 * found and answered with 403 `access_denied`, never guessed into a known role.
 */
@Entity({ name: 'membership' })
@Index('membership_user_tenant_key', ['userId', 'tenantId'], { unique: true })
@Index('membership_tenant_idx', ['tenantId'])
@Check('membership_project_scope_check', `"project_scope" IN ('all', 'selected')`)
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => PortalUserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'membership_user_fk' })
  user?: PortalUserEntity;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'membership_tenant_fk' })
  tenant?: TenantEntity;

  @Column({ type: 'text' })
  role!: string;

  /** `all`: every project of the tenant; `selected`: only the projects listed in `membership_project`. */
  @Column({ name: 'project_scope', type: 'text', default: 'all' })
  projectScope!: ProjectScope;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
