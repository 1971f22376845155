import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_STATUSES, type ProjectStatus } from '../../entities/project.entity';
import type { WorkspaceProject } from './project.repository';

export class WorkspaceProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PROJECT_STATUSES, enumName: 'ProjectStatus' }) status!: ProjectStatus;

  static from(project: WorkspaceProject): WorkspaceProjectDto {
    return { id: project.id, name: project.name, status: project.status };
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

  static override from(project: WorkspaceProject): PartnerProjectDto {
    return { ...WorkspaceProjectDto.from(project), client: { id: project.client.id, name: project.client.name } };
  }
}

export class PartnerProjectListDto {
  @ApiProperty({ type: [PartnerProjectDto] }) items!: PartnerProjectDto[];
}
