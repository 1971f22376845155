import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ACCESS_CONTEXT_READER } from '@aidial/api/core';
import { AccessContextRepository } from './access-context.repository';
import { AccessContextService } from './access-context.service';
import { TenancyAdminModule } from './admin/tenancy-admin.module';
import { MembershipInvitationEntity } from './entities/membership-invitation.entity';
import { MembershipEntity } from './entities/membership.entity';
import { PortalUserEntity } from './entities/portal-user.entity';
import { PortalUserDirectory } from './portal-user-directory';
import { PortalUserDirectoryRepository } from './portal-user-directory.repository';
import { PortalUserRepository } from './portal-user.repository';
import { PortalUserService } from './portal-user.service';
import { TenantDirectory } from './tenant-directory';
import { WorkspaceModule } from './workspace/workspace.module';

/**
 * Tenants, projects, users and memberships, and the access context every request is granted (the guard chain's
 * ACCESS_CONTEXT_READER port). Auth, integrations, audit and support import it, one way: for who signed in
 * (PortalUserService), an access context, the TenantDirectory and people's names. It imports only sessions (ending them
 * on a change of role or a suspension, and a partner's client selection) and records through core's AUDIT_RECORDER.
 */
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
    PortalUserDirectoryRepository,
    PortalUserRepository,
    PortalUserService,
    TenantDirectory,
    { provide: ACCESS_CONTEXT_READER, useExisting: AccessContextService },
  ],
  exports: [ACCESS_CONTEXT_READER, AccessContextService, TenantDirectory, PortalUserDirectory, PortalUserService],
})
export class TenancyModule {}
