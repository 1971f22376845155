import { Module } from '@nestjs/common';
import { AdminTenantsController } from './admin-tenants.controller';
import { AdminTenantsService } from './admin-tenants.service';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';

/** The internal admin area's tenant and user endpoints (`/api/admin/...`, section `admin`). */
@Module({
  controllers: [AdminTenantsController, AdminUsersController],
  providers: [AdminTenantsService, AdminUsersService],
})
export class TenancyAdminModule {}
