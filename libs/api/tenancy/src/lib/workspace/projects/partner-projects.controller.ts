import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { type AccessContext, ApiRefusals, CurrentAccessContext, Section } from '@aidial/api/core';
import { ClientRepository } from '../clients/client.repository';
import { WorkspaceScope } from '../scope/workspace-scope';
import { PartnerProjectDto, PartnerProjectListDto } from './project.dto';
import { ProjectRepository } from './project.repository';

export class PartnerProjectsQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this managed client’s projects. Any other id answers 404 `not_found`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  client_id?: string;
}

const SCOPED_ID =
  'no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.';
const INVALID_INPUT = 'the body or query does not match the schema; `fields` says where.';

/** Partner Projects: the projects of every client the partner manages, whatever client is selected. */
@ApiTags('tenancy')
@Controller('api/partner/projects')
export class PartnerProjectsController {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly clients: ClientRepository,
  ) {}

  @Get()
  @Section('partner_projects')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Projects of the clients you manage, each with its client; optionally of one client.' })
  @ApiOkResponse({ type: PartnerProjectListDto })
  @ApiRefusals({ validation_failed: INVALID_INPUT, not_found: SCOPED_ID })
  async listPartnerProjects(
    @CurrentAccessContext() context: AccessContext,
    @Query() query: PartnerProjectsQueryDto,
  ): Promise<PartnerProjectListDto> {
    const scope = WorkspaceScope.of(context);
    const clientId = query.client_id === undefined ? null : (await this.clients.findManaged(scope, query.client_id)).id;
    return { items: (await this.projects.listManaged(scope, clientId)).map(PartnerProjectDto.from) };
  }

  @Get(':id')
  @Section('partner_projects')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'One project of a client you manage.' })
  @ApiOkResponse({ type: PartnerProjectDto })
  @ApiRefusals({ not_found: SCOPED_ID })
  async getPartnerProject(
    @CurrentAccessContext() context: AccessContext,
    @Param('id') id: string,
  ): Promise<PartnerProjectDto> {
    return PartnerProjectDto.from(await this.projects.findManaged(WorkspaceScope.of(context), id));
  }
}
