import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_SCOPES, type ProjectScope } from '../../entities/membership.entity';
import { USER_STATUSES, type UserStatus } from '../../entities/portal-user.entity';
import { TENANT_KINDS, TENANT_STATUSES, type TenantKind, type TenantStatus } from '../../entities/tenant.entity';
import type { Page } from '../admin-tenants.service';
import type { AdminUser } from '../admin-users.service';

export class MembershipTenantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TENANT_KINDS, enumName: 'TenantKind' }) kind!: TenantKind;
  @ApiProperty({ enum: TENANT_STATUSES, enumName: 'TenantStatus' }) status!: TenantStatus;
}

export class AdminMembershipDto {
  @ApiProperty({ type: MembershipTenantDto }) tenant!: MembershipTenantDto;

  @ApiProperty({ description: 'As stored; may be a value that is not one of the seven roles (see `role_recognised`).' })
  role!: string;

  @ApiProperty({ description: 'Whether `role` is one of the seven roles; an unrecognised role signs in to 403.' })
  role_recognised!: boolean;

  @ApiProperty({ enum: PROJECT_SCOPES, enumName: 'ProjectScopeKind' }) project_scope!: ProjectScope;
}

export class AdminUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;

  @ApiProperty({ type: String, nullable: true, description: 'As the identity provider last said; read-only.' })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'As the identity provider last said; read-only.' })
  display_name!: string | null;

  @ApiProperty({ enum: USER_STATUSES, enumName: 'UserStatus' }) status!: UserStatus;
  @ApiProperty({ type: [AdminMembershipDto] }) memberships!: AdminMembershipDto[];
  @ApiProperty({ format: 'date-time' }) created_at!: string;

  static from(user: AdminUser): AdminUserDto {
    return {
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      status: user.status,
      memberships: user.memberships.map((membership) => ({
        tenant: { ...membership.tenant },
        role: membership.role,
        role_recognised: membership.roleRecognised,
        project_scope: membership.projectScope,
      })),
      created_at: user.createdAt.toISOString(),
    };
  }
}

export class AdminUserPageDto {
  @ApiProperty({ type: [AdminUserDto] }) items!: AdminUserDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  next_cursor!: string | null;

  static from(page: Page<AdminUser>): AdminUserPageDto {
    return { items: page.items.map((user) => AdminUserDto.from(user)), next_cursor: page.nextCursor };
  }
}
