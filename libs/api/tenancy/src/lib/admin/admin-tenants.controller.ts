import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AccessContext,
  ApiRefusals,
  CurrentAccessContext,
  CurrentPrincipal,
  type SessionPrincipal,
  Section,
} from '@aidial/api/core';
import { AdminTenantsService } from './admin-tenants.service';
import { AdminTenantDetailDto, AdminTenantPageDto, TenantStatusChangedDto } from './dto/admin-tenant.response.dto';
import { ListAdminTenantsQueryDto } from './dto/list-admin-tenants.query.dto';
import { RevokeSessionsDto, SessionsRevokedDto } from './dto/session-revocation.dto';
import {
  ChangeTenantFeaturesDto,
  ChangeTenantMfaPolicyDto,
  ChangeTenantStatusDto,
  CreateTenantDto,
} from './dto/tenant-changes.dto';

const NO_SUCH_TENANT = 'no tenant with this id (a malformed id answers the same).';
const INVALID_BODY = 'the body does not match the schema; `fields` says where.';
const NOT_CHANGEABLE = 'the internal tenant, or a closed one, cannot be changed that way.';

@ApiTags('tenancy-admin')
@Controller('api/admin/tenants')
export class AdminTenantsController {
  constructor(private readonly tenants: AdminTenantsService) {}

  @Get()
  @Section('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Tenants, searched by name and filtered by kind and status, a page at a time.' })
  @ApiOkResponse({ type: AdminTenantPageDto })
  @ApiRefusals({ validation_failed: 'an unknown filter, a bad `kind`/`status`/`limit` or a malformed `cursor`.' })
  async listTenants(@Query() query: ListAdminTenantsQueryDto): Promise<AdminTenantPageDto> {
    return AdminTenantPageDto.from(await this.tenants.list(query));
  }

  @Get(':id')
  @Section('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A tenant with its projects and, for a partner, the clients it manages.' })
  @ApiOkResponse({ type: AdminTenantDetailDto })
  @ApiRefusals({ not_found: NO_SUCH_TENANT })
  async getTenant(@Param('id') id: string): Promise<AdminTenantDetailDto> {
    return AdminTenantDetailDto.from(await this.tenants.get(id));
  }

  @Post()
  @Section('admin', 'admin.tenants.create')
  @ApiOperation({ summary: 'Creates a customer or partner tenant, active, with every feature flag off.' })
  @ApiCreatedResponse({ type: AdminTenantDetailDto })
  @ApiRefusals({ validation_failed: INVALID_BODY, not_found: 'no partner tenant with `managing_partner_id`.' })
  async createTenant(@Body() body: CreateTenantDto): Promise<AdminTenantDetailDto> {
    return AdminTenantDetailDto.from(
      await this.tenants.create({
        name: body.name,
        kind: body.kind,
        managingPartnerId: body.managing_partner_id ?? null,
      }),
    );
  }

  @Put(':id/status')
  @Section('admin', { action: 'admin.tenants.change_status', stepUp: true })
  @ApiOperation({
    summary:
      'Suspends or reactivates a tenant. Suspending ends every live session of its members; their next request is unauthenticated, and signing in again is refused until it is reactivated.',
  })
  @ApiOkResponse({ type: TenantStatusChangedDto })
  @ApiRefusals({ validation_failed: INVALID_BODY, not_found: NO_SUCH_TENANT, tenant_not_changeable: NOT_CHANGEABLE })
  async changeTenantStatus(
    @CurrentAccessContext() actor: AccessContext,
    @Param('id') id: string,
    @Body() body: ChangeTenantStatusDto,
  ): Promise<TenantStatusChangedDto> {
    return TenantStatusChangedDto.fromChange(await this.tenants.changeStatus(actor, id, body.status));
  }

  @Post(':id/sessions/revoke')
  @Section('admin', { action: 'sessions.revoke', stepUp: true })
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Ends every live session of the tenant's members (but your own), with a note they read in their session history; they may sign in again.",
  })
  @ApiOkResponse({ type: SessionsRevokedDto })
  @ApiRefusals({ validation_failed: INVALID_BODY, not_found: NO_SUCH_TENANT })
  async revokeTenantSessions(
    @CurrentAccessContext() actor: AccessContext,
    @CurrentPrincipal() principal: SessionPrincipal,
    @Param('id') id: string,
    @Body() body: RevokeSessionsDto,
  ): Promise<SessionsRevokedDto> {
    return { revoked: await this.tenants.revokeSessions(actor, principal.sessionId, id, body.note) };
  }

  @Put(':id/features')
  @Section('admin', { action: 'admin.tenants.change_features', stepUp: true })
  @ApiOperation({ summary: "Turns the tenant's SMS one-time code feature (`mfa.sms_otp.enabled`) on or off." })
  @ApiOkResponse({ type: AdminTenantDetailDto })
  @ApiRefusals({ validation_failed: INVALID_BODY, not_found: NO_SUCH_TENANT, tenant_not_changeable: NOT_CHANGEABLE })
  async changeTenantFeatures(
    @Param('id') id: string,
    @Body() body: ChangeTenantFeaturesDto,
  ): Promise<AdminTenantDetailDto> {
    return AdminTenantDetailDto.from(await this.tenants.changeSmsOtp(id, body.sms_otp_enabled));
  }

  @Put(':id/mfa-policy')
  @Section('admin', { action: 'admin.tenants.change_mfa_policy', stepUp: true })
  @ApiOperation({ summary: "Sets the tenant's MFA policy: as each role requires, or required for every member." })
  @ApiOkResponse({ type: AdminTenantDetailDto })
  @ApiRefusals({ validation_failed: INVALID_BODY, not_found: NO_SUCH_TENANT })
  async changeTenantMfaPolicy(
    @Param('id') id: string,
    @Body() body: ChangeTenantMfaPolicyDto,
  ): Promise<AdminTenantDetailDto> {
    return AdminTenantDetailDto.from(await this.tenants.changeMfaPolicy(id, body.mfa_policy));
  }
}
