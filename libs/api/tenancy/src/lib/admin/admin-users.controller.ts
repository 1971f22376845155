import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccessContext, ApiRefusals, CurrentAccessContext, Section } from '@aidial/api/core';
import { AdminUsersService } from './admin-users.service';
import { AdminUserDto, AdminUserPageDto } from './dto/admin-user.response.dto';
import { AssignRoleDto } from './dto/assign-role.dto';
import { ListAdminUsersQueryDto } from './dto/list-admin-users.query.dto';
import { RevokeSessionsDto, SessionsRevokedDto } from './dto/session-revocation.dto';

const NO_SUCH_USER = 'no user with this id (a malformed id answers the same).';
const NO_SUCH_USER_OR_TENANT = 'no user or no tenant with these ids (a malformed id answers the same).';
const INVALID_BODY = 'the body does not match the schema; `fields` says where.';

@ApiTags('tenancy-admin')
@Controller('api/admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @Section('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Portal users and their memberships, searched by email or display name, a page at a time.' })
  @ApiOkResponse({ type: AdminUserPageDto })
  @ApiRefusals({ validation_failed: 'an unknown parameter, a bad `limit` or a malformed `cursor`.' })
  async listUsers(@Query() query: ListAdminUsersQueryDto): Promise<AdminUserPageDto> {
    return AdminUserPageDto.from(await this.users.list(query));
  }

  @Get(':id')
  @Section('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A portal user and their memberships.' })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiRefusals({ not_found: NO_SUCH_USER })
  async getUser(@Param('id') id: string): Promise<AdminUserDto> {
    return AdminUserDto.from(await this.users.get(id));
  }

  @Put(':id/memberships/:tenantId')
  @Section('admin', { action: 'admin.users.assign_role', stepUp: true })
  @ApiOperation({
    summary: "Gives the user a role in the tenant (a new membership, or a new role); from the user's next request.",
  })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiRefusals({
    validation_failed: INVALID_BODY,
    not_found: NO_SUCH_USER_OR_TENANT,
    own_membership: 'an administrator cannot change their own membership.',
  })
  async assignUserRole(
    @CurrentAccessContext() actor: AccessContext,
    @Param('id') id: string,
    @Param('tenantId') tenantId: string,
    @Body() body: AssignRoleDto,
  ): Promise<AdminUserDto> {
    return AdminUserDto.from(await this.users.assignRole(actor, id, tenantId, body.role));
  }

  @Delete(':id/memberships/:tenantId')
  @Section('admin', { action: 'admin.users.assign_role', stepUp: true })
  @HttpCode(204)
  @ApiOperation({ summary: "Removes the user's membership of the tenant; from the user's next request." })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiRefusals({
    not_found: NO_SUCH_USER_OR_TENANT,
    own_membership: 'an administrator cannot remove their own membership.',
  })
  async removeUserMembership(
    @CurrentAccessContext() actor: AccessContext,
    @Param('id') id: string,
    @Param('tenantId') tenantId: string,
  ): Promise<void> {
    await this.users.removeMembership(actor, id, tenantId);
  }

  @Post(':id/sessions/revoke')
  @Section('admin', { action: 'sessions.revoke', stepUp: true })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Ends every live session of the user, in every tenant, with a note they read in their session history; their next request is unauthenticated.',
  })
  @ApiOkResponse({ type: SessionsRevokedDto })
  @ApiRefusals({
    validation_failed: INVALID_BODY,
    not_found: NO_SUCH_USER,
    own_membership: 'an administrator ends their own sessions from their own session list.',
  })
  async revokeUserSessions(
    @CurrentAccessContext() actor: AccessContext,
    @Param('id') id: string,
    @Body() body: RevokeSessionsDto,
  ): Promise<SessionsRevokedDto> {
    return { revoked: await this.users.revokeSessions(actor, id, body.note) };
  }
}
