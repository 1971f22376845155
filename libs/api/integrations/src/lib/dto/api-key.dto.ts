import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import {
  API_KEY_MAX_LIFETIME_DAYS,
  API_KEY_ROTATION_OVERLAP_DEFAULT_HOURS,
  API_KEY_ROTATION_OVERLAP_MAX_HOURS,
  API_KEY_SCOPE_LIST,
  type ApiKeyScope,
} from '@aidial/shared/access';

export const API_KEY_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ApiKeyStatus = (typeof API_KEY_STATUSES)[number];

export class CreateApiKeyDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    description: 'What the key is for. Leading and trailing spaces are removed.',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({
    enum: API_KEY_SCOPE_LIST,
    enumName: 'ApiKeyScope',
    isArray: true,
    description:
      'What the key may call. Only scopes your own role can use are accepted (403 `scope_not_grantable`); `whoami` is always included.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_KEY_SCOPE_LIST.length)
  @ArrayUnique()
  @IsIn(API_KEY_SCOPE_LIST, { each: true })
  scopes!: ApiKeyScope[];

  @ApiProperty({
    minimum: 1,
    maximum: API_KEY_MAX_LIFETIME_DAYS,
    description: 'Days until the key expires (mandatory).',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(API_KEY_MAX_LIFETIME_DAYS)
  expires_in_days!: number;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'Partners: the managed client whose platform data the key reads (as the portal’s client selection). Omitted: none (client-scoped platform calls answer 409 `client_selection_required`).',
  })
  @IsOptional()
  @IsUUID()
  client_id?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    nullable: true,
    description: 'Limit the key to these projects (each one you can see). Omitted or null: every project you can see.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  project_ids?: string[] | null;
}

export class RotateApiKeyDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: API_KEY_ROTATION_OVERLAP_MAX_HOURS,
    default: API_KEY_ROTATION_OVERLAP_DEFAULT_HOURS,
    description:
      'Hours the old key keeps working after the rotation (its expiry becomes now + overlap, never later than it was).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(API_KEY_ROTATION_OVERLAP_MAX_HOURS)
  overlap_hours?: number;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The public id: the part of the key after `aidial_`, before the secret.' })
  public_id!: string;
  @ApiProperty({ example: 'aidial_k3v9x0a1b2c3_', description: 'How the key starts.' }) prefix!: string;
  @ApiProperty({ description: 'The last four characters of the key, to recognise it.' }) last_four!: string;
  @ApiProperty({ enum: API_KEY_SCOPE_LIST, enumName: 'ApiKeyScope', isArray: true }) scopes!: ApiKeyScope[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) client_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) client_name!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    nullable: true,
    description: 'null: every project the key’s tenant (or client) lets it see.',
  })
  project_ids!: string[] | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) created_by_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) created_by_name!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expires_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_used_at!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Coarse: last IPv4 octet or last 80 IPv6 bits zeroed.' })
  last_used_ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) last_used_user_agent!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revoked_at!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The key this one replaced by rotation.' })
  rotated_from_id!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The key that replaced this one by rotation, or null. A replaced key keeps working until its `expires_at` ' +
      '(the overlap chosen at rotation), then expires.',
  })
  replaced_by_id!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The last four characters of the replacing key.' })
  replaced_by_last_four!: string | null;
  @ApiProperty({ enum: API_KEY_STATUSES, enumName: 'ApiKeyStatus' }) status!: ApiKeyStatus;
}

export class ApiKeyListDto {
  @ApiProperty({ type: ApiKeyDto, isArray: true }) items!: ApiKeyDto[];
  @ApiProperty({
    enum: API_KEY_SCOPE_LIST,
    enumName: 'ApiKeyScope',
    isArray: true,
    description: 'The scopes your role may give a key.',
  })
  grantable_scopes!: ApiKeyScope[];
  @ApiProperty({ description: 'Whether your role may create, rotate and revoke keys (`integrations.manage`).' })
  can_manage!: boolean;
  @ApiProperty({ example: API_KEY_MAX_LIFETIME_DAYS }) max_lifetime_days!: number;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    example: 'aidial_k3v9x0a1b2c3_Q8fz1Lw0d9S2aXbV7yPq3Rt6Un4Mk5Jh2Gc1Fe0Dd9Ss8A',
    description: 'The whole key. Shown once, in this answer only: it is never stored and cannot be retrieved again.',
  })
  key!: string;
}
