import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccessContext, CurrentAccessContext, Section } from '@aidial/api/core';
import { WorkspaceScope } from '../scope/workspace-scope';
import { DashboardDto } from './dashboard.dto';
import { DashboardRepository } from './dashboard.repository';

@ApiTags('tenancy')
@Controller('api/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardRepository) {}

  /** A partner with no client selected still lands here (to pick one): no client, no projects, their client count. */
  @Get()
  @Section('dashboard')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The workspace summary: organisation, selected client, projects in scope, member count.' })
  @ApiOkResponse({ type: DashboardDto })
  async getDashboard(@CurrentAccessContext() context: AccessContext): Promise<DashboardDto> {
    const scope = WorkspaceScope.of(context);
    const { id, name, kind } = scope.ownTenant;
    const summary = await this.dashboard.summary(scope);
    const shown = scope.shownCustomerOrNull;
    return {
      organisation: { id, name, kind },
      managed_client_count: summary.managedClientCount,
      client: shown && scope.isPartner ? { id: shown.id, name: shown.name } : null,
      projects: summary.projects,
      member_count: shown ? summary.memberCount : null,
    };
  }
}
