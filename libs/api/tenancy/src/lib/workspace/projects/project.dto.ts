import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_STATUSES, type ProjectStatus } from '../../entities/project.entity';

export interface ProjectRow {
  id: string;
  name: string;
  status: ProjectStatus;
  client_id: string;
  client_name: string;
}

export class WorkspaceProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PROJECT_STATUSES, enumName: 'ProjectStatus' }) status!: ProjectStatus;

  static from(row: ProjectRow): WorkspaceProjectDto {
    return { id: row.id, name: row.name, status: row.status };
  }
}

export class WorkspaceProjectListDto {
  @ApiProperty({ type: [WorkspaceProjectDto] }) items!: WorkspaceProjectDto[];
}

export class WorkspaceClientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/** A project of one of the partner's managed clients, with the client it belongs to. */
export class PartnerProjectDto extends WorkspaceProjectDto {
  @ApiProperty({ type: WorkspaceClientDto }) client!: WorkspaceClientDto;

  static override from(row: ProjectRow): PartnerProjectDto {
    return { ...WorkspaceProjectDto.from(row), client: { id: row.client_id, name: row.client_name } };
  }
}

export class PartnerProjectListDto {
  @ApiProperty({ type: [PartnerProjectDto] }) items!: PartnerProjectDto[];
}
