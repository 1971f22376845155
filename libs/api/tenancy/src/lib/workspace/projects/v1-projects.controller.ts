import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AccessContext,
  type ApiKeyPrincipal,
  ApiError,
  ApiKeyScope,
  ApiRefusals,
  CurrentAccessContext,
  CurrentApiKey,
} from '@aidial/api/core';
import { WorkspaceScope } from '../scope/workspace-scope';
import { PartnerProjectDto, PartnerProjectListDto } from './project.dto';
import { ProjectRepository, type WorkspaceProject } from './project.repository';

/**
 * `/v1/projects` (scope `projects:read`): the workspace's own scoped queries, with the key's access context.
 * A customer key sees its tenant's projects; a partner key the projects of the clients its tenant manages (only its
 * client's when it was made for one); both within the key's project scope. Every item names its client.
 */
@ApiTags('v1')
@Controller('v1/projects')
export class V1ProjectsController {
  constructor(private readonly projects: ProjectRepository) {}

  @Get()
  @ApiKeyScope('projects:read', 'dashboard')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Projects the key can see.',
    description:
      'A customer key: its organisation’s projects. A partner key: the projects of every client the partner manages ' +
      '(only its client’s when the key was made for one). Both within the key’s project scope.',
  })
  @ApiOkResponse({ type: PartnerProjectListDto })
  async listV1Projects(
    @CurrentApiKey() key: ApiKeyPrincipal,
    @CurrentAccessContext() context: AccessContext,
  ): Promise<PartnerProjectListDto> {
    return { items: (await this.rows(key, context)).map(PartnerProjectDto.from) };
  }

  @Get(':id')
  @ApiKeyScope('projects:read', 'dashboard')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'One project the key can see; any other id (another tenant’s, or malformed) answers the same 404.',
  })
  @ApiOkResponse({ type: PartnerProjectDto })
  @ApiRefusals({ not_found: 'no such project for this key: another tenant’s, another client’s or a malformed id.' })
  async getV1Project(
    @CurrentApiKey() key: ApiKeyPrincipal,
    @CurrentAccessContext() context: AccessContext,
    @Param('id') id: string,
  ): Promise<PartnerProjectDto> {
    const scope = WorkspaceScope.of(context);
    if (context.tenant.kind === 'customer') return PartnerProjectDto.from(await this.projects.findShown(scope, id));
    const row = await this.projects.findManaged(scope, id);
    if (key.clientId !== null && row.client.id !== key.clientId) throw new ApiError('not_found');
    return PartnerProjectDto.from(row);
  }

  private async rows(key: ApiKeyPrincipal, context: AccessContext): Promise<WorkspaceProject[]> {
    const scope = WorkspaceScope.of(context);
    if (context.tenant.kind === 'customer') return this.projects.listShown(scope);
    return this.projects.listManaged(scope, key.clientId);
  }
}
