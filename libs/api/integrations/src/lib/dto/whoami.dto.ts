import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_SCOPE_LIST, type ApiKeyScope } from '@aidial/shared/access';

export class WhoamiTenantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['customer', 'partner', 'internal'], enumName: 'TenantKind' }) kind!: string;
}

export class WhoamiClientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class WhoamiProjectScopeDto {
  @ApiProperty({ enum: ['all', 'selected'], enumName: 'ProjectScopeKind' }) kind!: 'all' | 'selected';
  @ApiProperty({ type: String, format: 'uuid', isArray: true, description: 'Empty when `kind` is `all`.' })
  project_ids!: string[];
}

export class WhoamiDto {
  @ApiProperty({ format: 'uuid' }) key_id!: string;
  @ApiProperty({ example: 'Nightly CRM sync' }) key_name!: string;
  @ApiProperty({ example: 'k3v9x0a1b2c3' }) public_id!: string;
  @ApiProperty({ type: WhoamiTenantDto }) tenant!: WhoamiTenantDto;
  @ApiProperty({ type: WhoamiClientDto, nullable: true, description: 'A partner key’s client, or null.' })
  client!: WhoamiClientDto | null;
  @ApiProperty({ enum: API_KEY_SCOPE_LIST, enumName: 'ApiKeyScope', isArray: true }) scopes!: ApiKeyScope[];
  @ApiProperty({ type: WhoamiProjectScopeDto }) project_scope!: WhoamiProjectScopeDto;
  @ApiProperty({ type: String, format: 'date-time' }) expires_at!: string;
}
