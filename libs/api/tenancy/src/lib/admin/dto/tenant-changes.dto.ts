import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { MFA_POLICIES, type MfaPolicy } from '../../entities/tenant.entity';

/** The internal tenant is AiDial itself and exists once: the admin area creates customer and partner tenants only. */
export const NEW_TENANT_KINDS = ['customer', 'partner'] as const;
export type NewTenantKind = (typeof NEW_TENANT_KINDS)[number];

/** Suspend or reactivate. Closing a tenant is not part of the admin area. */
export const TENANT_STATUS_CHANGES = ['active', 'suspended'] as const;
export type TenantStatusChange = (typeof TENANT_STATUS_CHANGES)[number];

export class CreateTenantDto {
  @ApiProperty({ minLength: 1, maxLength: 120, description: 'Leading and trailing spaces are removed.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ enum: NEW_TENANT_KINDS, enumName: 'NewTenantKind' })
  @IsIn(NEW_TENANT_KINDS)
  kind!: NewTenantKind;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The partner tenant that sold and manages this customer tenant. Customer tenants only.',
  })
  @IsOptional()
  @IsUUID()
  managing_partner_id?: string | null;
}

export class ChangeTenantStatusDto {
  @ApiProperty({ enum: TENANT_STATUS_CHANGES, enumName: 'TenantStatusChange' })
  @IsIn(TENANT_STATUS_CHANGES)
  status!: TenantStatusChange;
}

export class ChangeTenantFeaturesDto {
  @ApiProperty({
    description: 'The `mfa.sms_otp.enabled` flag: whether the tenant may use SMS one-time codes (spec/05).',
  })
  @IsBoolean()
  sms_otp_enabled!: boolean;
}

export class ChangeTenantMfaPolicyDto {
  @ApiProperty({
    enum: MFA_POLICIES,
    enumName: 'MfaPolicy',
    description: '`required`: MFA for every member; `role_default`: as each role requires.',
  })
  @IsIn(MFA_POLICIES)
  mfa_policy!: MfaPolicy;
}
