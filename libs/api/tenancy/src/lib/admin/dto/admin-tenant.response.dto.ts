import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_STATUSES, type ProjectStatus } from '../../entities/project.entity';
import {
  MFA_POLICIES,
  type MfaPolicy,
  TENANT_KINDS,
  TENANT_STATUSES,
  type TenantKind,
  type TenantStatus,
} from '../../entities/tenant.entity';
import type { AdminTenant, AdminTenantDetail, Page } from '../admin-tenants.service';

export class ManagingPartnerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AdminTenantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TENANT_KINDS, enumName: 'TenantKind' }) kind!: TenantKind;
  @ApiProperty({ enum: TENANT_STATUSES, enumName: 'TenantStatus' }) status!: TenantStatus;

  @ApiProperty({ type: ManagingPartnerDto, nullable: true, description: 'The partner that manages a customer tenant.' })
  managing_partner!: ManagingPartnerDto | null;

  @ApiProperty({ description: 'The `mfa.sms_otp.enabled` feature flag; off when never set.' })
  sms_otp_enabled!: boolean;

  @ApiProperty({ enum: MFA_POLICIES, enumName: 'MfaPolicy' }) mfa_policy!: MfaPolicy;
  @ApiProperty({ description: 'Memberships in this tenant, whatever their role.' }) member_count!: number;
  @ApiProperty({ format: 'date-time' }) created_at!: string;

  static from(tenant: AdminTenant): AdminTenantDto {
    return {
      id: tenant.id,
      name: tenant.name,
      kind: tenant.kind,
      status: tenant.status,
      managing_partner: tenant.managingPartner ? { ...tenant.managingPartner } : null,
      sms_otp_enabled: tenant.smsOtpEnabled,
      mfa_policy: tenant.mfaPolicy,
      member_count: tenant.memberCount,
      created_at: tenant.createdAt.toISOString(),
    };
  }
}

export class AdminProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PROJECT_STATUSES, enumName: 'ProjectStatus' }) status!: ProjectStatus;
}

export class ManagedClientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TENANT_STATUSES, enumName: 'TenantStatus' }) status!: TenantStatus;
}

export class AdminTenantDetailDto extends AdminTenantDto {
  @ApiProperty({ type: [AdminProjectDto] }) projects!: AdminProjectDto[];

  @ApiProperty({
    type: [ManagedClientDto],
    description: 'The customer tenants a partner manages; empty for other kinds.',
  })
  managed_clients!: ManagedClientDto[];

  static override from(tenant: AdminTenantDetail): AdminTenantDetailDto {
    return {
      ...AdminTenantDto.from(tenant),
      projects: tenant.projects.map(({ id, name, status }) => ({ id, name, status })),
      managed_clients: tenant.managedClients.map(({ id, name, status }) => ({ id, name, status })),
    };
  }
}

/** The answer to a suspension or reactivation: the tenant as it now is, and what the change ended. */
export class TenantStatusChangedDto extends AdminTenantDetailDto {
  @ApiProperty({
    minimum: 0,
    example: 3,
    description:
      'How many live sessions of its members the change ended: every one when it suspended the tenant; 0 on reactivation or when it was already suspended.',
  })
  sessions_ended!: number;

  static fromChange(change: { tenant: AdminTenantDetail; sessionsEnded: number }): TenantStatusChangedDto {
    return { ...AdminTenantDetailDto.from(change.tenant), sessions_ended: change.sessionsEnded };
  }
}

export class AdminTenantPageDto {
  @ApiProperty({ type: [AdminTenantDto] }) items!: AdminTenantDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  next_cursor!: string | null;

  static from(page: Page<AdminTenant>): AdminTenantPageDto {
    return { items: page.items.map((tenant) => AdminTenantDto.from(tenant)), next_cursor: page.nextCursor };
  }
}
