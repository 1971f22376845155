import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ACCESS_CONTEXT_READER, USER_DIRECTORY } from '@aidial/api/core';
import { AccessContextRepository } from './access-context.repository';
import { AccessContextService } from './access-context.service';
import { TenancyAdminModule } from './admin/tenancy-admin.module';
import { MembershipInvitationEntity } from './entities/membership-invitation.entity';
import { MembershipEntity } from './entities/membership.entity';
import { PortalUserEntity } from './entities/portal-user.entity';
import { PortalUserDirectory } from './portal-user-directory';
import { PortalUserRepository } from './portal-user.repository';
import { PortalUserService } from './portal-user.service';
import { TenantDirectory } from './tenant-directory';
import { WorkspaceModule } from './workspace/workspace.module';

/**
 * Tenants, projects, users and memberships. Global: its ports (access context, user directory) are read by the core
 * guard chain and by the auth module through core, never by importing this module. Integrations and audit import it
 * (one way) for the access context of an API key, the TenantDirectory and the PortalUserDirectory; this module imports
 * neither.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([PortalUserEntity, MembershipEntity, MembershipInvitationEntity]),
    TenancyAdminModule,
    WorkspaceModule,
  ],
  providers: [
    AccessContextRepository,
    AccessContextService,
    PortalUserDirectory,
    PortalUserRepository,
    PortalUserService,
    TenantDirectory,
    { provide: ACCESS_CONTEXT_READER, useExisting: AccessContextService },
    { provide: USER_DIRECTORY, useExisting: PortalUserService },
  ],
  exports: [ACCESS_CONTEXT_READER, USER_DIRECTORY, AccessContextService, TenantDirectory, PortalUserDirectory],
})
export class TenancyModule {}
