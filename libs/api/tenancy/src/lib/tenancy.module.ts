import { Global, Module } from '@nestjs/common';
import { ACCESS_CONTEXT_READER, USER_DIRECTORY } from '@aidial/api/core';
import { AccessContextService } from './access-context.service';
import { TenancyAdminModule } from './admin/tenancy-admin.module';
import { WorkspaceModule } from './workspace/workspace.module';
import { PortalUserService } from './portal-user.service';

/** Tenants, projects, users and memberships. Global: its ports (access context, user directory) are read by the guard chain and by other features, which never import this module. */
@Global()
@Module({
  imports: [TenancyAdminModule, WorkspaceModule],
  providers: [
    AccessContextService,
    PortalUserService,
    { provide: ACCESS_CONTEXT_READER, useExisting: AccessContextService },
    { provide: USER_DIRECTORY, useExisting: PortalUserService },
  ],
  exports: [ACCESS_CONTEXT_READER, USER_DIRECTORY],
})
export class TenancyModule {}
