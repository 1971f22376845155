import { ApiProperty } from '@nestjs/swagger';
import { MFA_REQUIRED_BY, type MfaRequiredBy } from '@aidial/shared/access';
import { TENANT_STATUSES, type TenantStatus } from '../../entities/tenant.entity';
import type { AdminOverview, MfaShortfall } from '../admin-overview.service';

const MFA_SHORTFALLS: readonly MfaShortfall[] = ['no_second_factor', 'enrolment_unknown'];

export class TenantStatusCountDto {
  @ApiProperty({ enum: TENANT_STATUSES, enumName: 'TenantStatus' }) status!: TenantStatus;
  @ApiProperty() count!: number;
}

export class OverviewTenantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class MfaAttentionMemberDto {
  @ApiProperty({ format: 'uuid' }) user_id!: string;
  @ApiProperty({ type: String, nullable: true }) display_name!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: OverviewTenantDto }) tenant!: OverviewTenantDto;
  @ApiProperty({ description: 'One of the seven roles.' }) role!: string;
  @ApiProperty({ enum: MFA_REQUIRED_BY, enumName: 'MfaRequiredBy', description: 'What makes MFA mandatory.' })
  required_by!: MfaRequiredBy;
  @ApiProperty({
    enum: MFA_SHORTFALLS,
    enumName: 'MfaShortfall',
    description:
      '`no_second_factor`: the identity provider lists none; `enrolment_unknown`: it was not asked (not `up`, or the overview’s deadline passed) or did not answer.',
  })
  missing!: MfaShortfall;
}

export class MfaAttentionDto {
  @ApiProperty({ description: 'People with mandatory MFA whose enrolment the identity provider answered.' })
  checked!: number;
  @ApiProperty({
    description:
      'People with mandatory MFA whose enrolment is not known: the identity provider was not asked (its state is not `up`, or the overview’s few seconds ran out) or did not answer. Each is listed as `enrolment_unknown`.',
  })
  unchecked!: number;
  @ApiProperty({ description: 'More people have mandatory MFA than one overview looks at (200).' })
  truncated!: boolean;
  @ApiProperty({
    type: MfaAttentionMemberDto,
    isArray: true,
    description: 'By tenant, then name: one per membership, so a person may be listed for two tenants.',
  })
  members!: MfaAttentionMemberDto[];
}

export class AdminOverviewDto {
  @ApiProperty({ type: TenantStatusCountDto, isArray: true, description: 'Every status, in order, zero included.' })
  tenants_by_status!: TenantStatusCountDto[];

  @ApiProperty({ type: MfaAttentionDto }) mfa_not_compliant!: MfaAttentionDto;

  @ApiProperty({
    enum: ['up', 'down', 'unknown'],
    enumName: 'IdentityProviderState',
    description:
      'As the readiness probe reports it: `up` (the service account has its rights), `down` (misconfigured), `unknown` (not asked yet since the API started, or it did not answer the last check). Members’ enrolment is asked only while `up`.',
  })
  identity_provider!: 'up' | 'down' | 'unknown';

  static from(overview: AdminOverview): AdminOverviewDto {
    return {
      tenants_by_status: overview.tenantsByStatus.map((row) => ({ ...row })),
      mfa_not_compliant: {
        checked: overview.mfa.checked,
        unchecked: overview.mfa.unchecked,
        truncated: overview.mfa.truncated,
        members: overview.mfa.members.map((member) => ({
          user_id: member.userId,
          display_name: member.name,
          email: member.email,
          tenant: { ...member.tenant },
          role: member.role,
          required_by: member.requiredBy,
          missing: member.shortfall,
        })),
      },
      identity_provider: overview.identityProvider,
    };
  }
}
