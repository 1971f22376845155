import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccessContext, ApiRefusals, CurrentAccessContext, Section } from '@aidial/api/core';
import { WorkspaceScope } from '../scope/workspace-scope';
import { WorkspaceProjectDto, WorkspaceProjectListDto } from './project.dto';
import { ProjectRepository } from './project.repository';

const SCOPED_ID =
  'no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.';

/** The projects of the organisation whose data is shown (a partner's selected client), within your project scope. */
@ApiTags('tenancy')
@Controller('api/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectRepository) {}

  @Get()
  @Section('dashboard')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Projects you can see: your organisation’s, or your selected client’s (partners).' })
  @ApiOkResponse({ type: WorkspaceProjectListDto })
  @ApiRefusals({ client_selection_required: 'a partner has not selected a client.' })
  async listProjects(@CurrentAccessContext() context: AccessContext): Promise<WorkspaceProjectListDto> {
    return { items: (await this.projects.listShown(WorkspaceScope.of(context))).map(WorkspaceProjectDto.from) };
  }

  @Get(':id')
  @Section('dashboard')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'One project you can see.' })
  @ApiOkResponse({ type: WorkspaceProjectDto })
  @ApiRefusals({ not_found: SCOPED_ID, client_selection_required: 'a partner has not selected a client.' })
  async getProject(
    @CurrentAccessContext() context: AccessContext,
    @Param('id') id: string,
  ): Promise<WorkspaceProjectDto> {
    return WorkspaceProjectDto.from(await this.projects.findShown(WorkspaceScope.of(context), id));
  }
}
