import { NotificationsModule } from '@aidial/api/notifications';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionsModule } from '@aidial/api/sessions';
import { ZitadelModule } from '@aidial/api/zitadel';
import { MembershipEntity } from '../entities/membership.entity';
import { PortalUserEntity } from '../entities/portal-user.entity';
import { ProjectEntity } from '../entities/project.entity';
import { TenantEntity } from '../entities/tenant.entity';
import { AdminOverviewController } from './admin-overview.controller';
import { AdminOverviewRepository } from './admin-overview.repository';
import { AdminOverviewService } from './admin-overview.service';
import { AdminTenantRepository } from './admin-tenant.repository';
import { AdminTenantsController } from './admin-tenants.controller';
import { AdminTenantsService } from './admin-tenants.service';
import { AdminUserRepository } from './admin-user.repository';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';

/** The internal admin area's overview, tenant and user endpoints (`/api/admin/...`, section `admin`). */
@Module({
  imports: [
    TypeOrmModule.forFeature([TenantEntity, ProjectEntity, PortalUserEntity, MembershipEntity]),
    SessionsModule,
    NotificationsModule,
    ZitadelModule,
  ],
  controllers: [AdminTenantsController, AdminUsersController, AdminOverviewController],
  providers: [
    AdminTenantRepository,
    AdminTenantsService,
    AdminUserRepository,
    AdminUsersService,
    AdminOverviewRepository,
    AdminOverviewService,
  ],
})
export class TenancyAdminModule {}
