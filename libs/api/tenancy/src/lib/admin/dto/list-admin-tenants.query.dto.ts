import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TENANT_KINDS, TENANT_STATUSES, type TenantKind, type TenantStatus } from '../../entities/tenant.entity';
import { PageQueryDto } from './page-query.dto';

/** `q` searches tenant names. */
export class ListAdminTenantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TENANT_KINDS, enumName: 'TenantKind' })
  @IsOptional()
  @IsIn(TENANT_KINDS)
  kind?: TenantKind;

  @ApiPropertyOptional({ enum: TENANT_STATUSES, enumName: 'TenantStatus' })
  @IsOptional()
  @IsIn(TENANT_STATUSES)
  status?: TenantStatus;
}
