import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccessContext, CurrentAccessContext, Section } from '@aidial/api/core';
import { ClientRepository } from '../clients/client.repository';
import { MemberRepository } from '../members/member.repository';
import { WorkspaceProjectDto } from '../projects/project.dto';
import { ProjectRepository } from '../projects/project.repository';
import { WorkspaceScope } from '../scope/workspace-scope';
import { DashboardDto } from './dashboard.dto';

@ApiTags('tenancy')
@Controller('api/dashboard')
export class DashboardController {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly members: MemberRepository,
    private readonly clients: ClientRepository,
  ) {}

  /** A partner with no client selected still lands here (to pick one): no client, no projects, their client count. */
  @Get()
  @Section('dashboard')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The workspace summary: organisation, selected client, projects in scope, member count.' })
  @ApiOkResponse({ type: DashboardDto })
  async getDashboard(@CurrentAccessContext() context: AccessContext): Promise<DashboardDto> {
    const scope = WorkspaceScope.of(context);
    const { id, name, kind } = scope.ownTenant;
    const managedClientCount = scope.isPartner ? await this.clients.countManaged(scope) : null;
    const shown = scope.shownCustomerOrNull;
    const summary = { organisation: { id, name, kind }, managed_client_count: managedClientCount };
    if (!shown) return { ...summary, client: null, projects: [], member_count: null };
    // Independent reads: run them side by side rather than one after the other.
    const [projects, memberCount] = await Promise.all([this.projects.listShown(scope), this.members.countShown(scope)]);
    return {
      ...summary,
      client: scope.isPartner ? { id: shown.id, name: shown.name } : null,
      projects: projects.map(WorkspaceProjectDto.from),
      member_count: memberCount,
    };
  }
}
