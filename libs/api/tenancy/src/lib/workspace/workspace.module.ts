import { NotificationsModule } from '@aidial/api/notifications';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionsModule } from '@aidial/api/sessions';
import { MembershipInvitationEntity } from '../entities/membership-invitation.entity';
import { MembershipEntity } from '../entities/membership.entity';
import { ProjectEntity } from '../entities/project.entity';
import { TenantEntity } from '../entities/tenant.entity';
import { ClientRepository } from './clients/client.repository';
import { PartnerClientsController } from './clients/partner-clients.controller';
import { PartnerClientsService } from './clients/partner-clients.service';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardRepository } from './dashboard/dashboard.repository';
import { MemberRepository } from './members/member.repository';
import { MembersService } from './members/members.service';
import { PartnerTeamController, TeamController } from './members/members.controller';
import { PartnerProjectsController } from './projects/partner-projects.controller';
import { ProjectRepository } from './projects/project.repository';
import { ProjectsController } from './projects/projects.controller';
import { V1ProjectsController } from './projects/v1-projects.controller';

/**
 * Customer and partner workspaces: dashboard summary, projects, Team, Partner Team, Partner Clients and Projects, client
 * selection. Every query takes its tenant, client and project filters from `WorkspaceScope` (scope/), never from a raw
 * id in the request.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([TenantEntity, ProjectEntity, MembershipEntity, MembershipInvitationEntity]),
    SessionsModule,
    NotificationsModule,
  ],
  controllers: [
    DashboardController,
    ProjectsController,
    TeamController,
    PartnerTeamController,
    PartnerClientsController,
    PartnerProjectsController,
    V1ProjectsController,
  ],
  providers: [
    ProjectRepository,
    ClientRepository,
    DashboardRepository,
    MemberRepository,
    MembersService,
    PartnerClientsService,
  ],
  // The tenant directory (tenancy.module.ts) answers other modules from these.
  exports: [ProjectRepository, ClientRepository],
})
export class WorkspaceModule {}
