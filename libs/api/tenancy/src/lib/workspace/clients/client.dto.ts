import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, ValidateIf } from 'class-validator';
import { TENANT_STATUSES, type TenantStatus } from '../../entities/tenant.entity';
import { WorkspaceClientDto, WorkspaceProjectDto } from '../projects/project.dto';
import type { ManagedClient } from './client.repository';

/** A customer tenant the partner manages. */
export class PartnerClientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    enum: TENANT_STATUSES,
    enumName: 'TenantStatus',
    description: 'Only an active client can be selected.',
  })
  status!: TenantStatus;
  @ApiProperty({ description: 'Projects of this client within your project scope.' }) project_count!: number;
  @ApiProperty({ description: 'This is the client selected in this session.' }) selected!: boolean;

  static from(client: ManagedClient, selectedClientId: string | null): PartnerClientDto {
    return {
      id: client.id,
      name: client.name,
      status: client.status,
      project_count: client.projectCount,
      selected: client.id === selectedClientId,
    };
  }
}

export class PartnerClientListDto {
  @ApiProperty({ type: [PartnerClientDto] }) items!: PartnerClientDto[];
}

export class PartnerClientDetailDto extends PartnerClientDto {
  @ApiProperty({ type: [WorkspaceProjectDto] }) projects!: WorkspaceProjectDto[];
}

export class ClientSelectionRequestDto {
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'A client you manage, or null to clear the selection. Any other id answers 404 `not_found`.',
  })
  @ValidateIf((body: ClientSelectionRequestDto) => body.client_id !== null)
  @IsString()
  @MaxLength(100)
  client_id!: string | null;
}

export class ClientSelectionDto {
  @ApiProperty({ type: WorkspaceClientDto, nullable: true }) client!: WorkspaceClientDto | null;
}
