import { ApiProperty } from '@nestjs/swagger';
import { WorkspaceClientDto, WorkspaceProjectDto } from '../projects/project.dto';

export class DashboardOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['customer', 'partner', 'internal'], enumName: 'TenantKind' }) kind!:
    'customer' | 'partner' | 'internal';
}

/**
 * The workspace summary from the portal's own data. Call and billing figures come from the AiDial platform API and are
 * not part of it.
 */
export class DashboardDto {
  @ApiProperty({ type: DashboardOrganisationDto, description: 'Your own organisation.' })
  organisation!: DashboardOrganisationDto;

  @ApiProperty({
    type: WorkspaceClientDto,
    nullable: true,
    description:
      'The client selected in this session (partners); null for customers and for a partner with none selected.',
  })
  client!: WorkspaceClientDto | null;

  @ApiProperty({
    type: [WorkspaceProjectDto],
    description:
      'Projects of the organisation shown (a partner’s selected client) in your scope; empty with no client selected.',
  })
  projects!: WorkspaceProjectDto[];

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Members of the organisation shown; null for a partner with no client selected.',
  })
  member_count!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Clients the partner manages; null for customers.' })
  managed_client_count!: number | null;
}
