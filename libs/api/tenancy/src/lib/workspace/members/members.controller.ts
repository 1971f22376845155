import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, type Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccessContext, ApiRefusals, CurrentAccessContext, Section } from '@aidial/api/core';
import type { Action, Section as SectionName } from '@aidial/shared/access';
import { RevokeSessionsDto, SessionsRevokedDto } from '../../admin/dto/session-revocation.dto';
import {
  PartnerTeamInvitationRequestDto,
  PartnerTeamRoleChangeDto,
  TeamInvitationDto,
  TeamInvitationListDto,
  TeamInvitationRequestDto,
  TeamMemberDto,
  TeamMemberListDto,
  TeamRoleChangeDto,
} from './member.dto';
import { MembersService } from './members.service';
import { CUSTOMER_TEAM, PARTNER_TEAM, type Team } from './team';

const SCOPED_ID =
  'no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.';
const INVALID_INPUT = 'the body or query does not match the schema; `fields` says where.';
const OWN_MEMBERSHIP = 'your own membership: your own session list and profile are the place for it.';
const ABOVE_YOUR_ROLE = 'a role (or a member’s role) above your own.';

/** What tells Team and Partner Team apart: everything else about the two surfaces is one controller. */
interface TeamSurface {
  /** The controller's class name, as Nest's logs and the route-policy list show it. */
  readonly name: string;
  readonly path: string;
  readonly team: Team;
  readonly section: SectionName;
  readonly manage: Action;
  /** How the summaries name the caller's tenant: "your organisation", "your partner organisation". */
  readonly organisation: string;
  /** The bodies whose `role` lists only the roles of this kind of tenant. */
  readonly roleChange: Type;
  readonly invitation: Type;
  /** The operation ids (the portal's generated client calls them by these names). */
  readonly ids: {
    readonly list: string;
    readonly get: string;
    readonly changeRole: string;
    readonly remove: string;
    readonly revokeSessions: string;
    readonly listInvitations: string;
    readonly invite: string;
    readonly revokeInvitation: string;
  };
}

/**
 * The members controller of one kind of team: the members of the caller's own tenant, and invitations to it. The
 * tenant's administrator manages (`surface.manage`); the section's other roles read.
 */
function membersController(surface: TeamSurface): Type {
  const { team, section, manage, organisation, ids } = surface;

  @ApiTags('tenancy')
  @Controller(surface.path)
  class MembersController {
    constructor(readonly members: MembersService) {}

    @Get('members')
    @Section(section)
    @Header('Cache-Control', 'no-store')
    @ApiOperation({ operationId: ids.list, summary: `The members of ${organisation}.` })
    @ApiOkResponse({ type: TeamMemberListDto })
    async list(@CurrentAccessContext() context: AccessContext): Promise<TeamMemberListDto> {
      return { items: await this.members.list(context, team) };
    }

    @Get('members/:id')
    @Section(section)
    @Header('Cache-Control', 'no-store')
    @ApiOperation({ operationId: ids.get, summary: `One member of ${organisation}, by membership id.` })
    @ApiOkResponse({ type: TeamMemberDto })
    @ApiRefusals({ not_found: SCOPED_ID })
    get(@CurrentAccessContext() context: AccessContext, @Param('id') id: string): Promise<TeamMemberDto> {
      return this.members.get(context, team, id);
    }

    @Put('members/:id/role')
    @Section(section, { action: manage, stepUp: true })
    @ApiOperation({
      operationId: ids.changeRole,
      summary: 'Changes a member’s role (never your own, never a member above your role).',
    })
    @ApiOkResponse({ type: TeamMemberDto })
    @ApiRefusals({
      validation_failed: INVALID_INPUT,
      own_membership: OWN_MEMBERSHIP,
      role_not_assignable: ABOVE_YOUR_ROLE,
      not_found: SCOPED_ID,
    })
    changeRole(
      @CurrentAccessContext() context: AccessContext,
      @Param('id') id: string,
      @Body() body: TeamRoleChangeDto | PartnerTeamRoleChangeDto,
    ): Promise<TeamMemberDto> {
      return this.members.changeRole(context, team, id, body.role);
    }

    @Delete('members/:id')
    @Section(section, { action: manage, stepUp: true })
    @HttpCode(204)
    @ApiOperation({ operationId: ids.remove, summary: `Removes a member from ${organisation} (never yourself).` })
    @ApiNoContentResponse({ description: 'Removed; their sessions in this organisation end.' })
    @ApiRefusals({ own_membership: OWN_MEMBERSHIP, role_not_assignable: ABOVE_YOUR_ROLE, not_found: SCOPED_ID })
    async remove(@CurrentAccessContext() context: AccessContext, @Param('id') id: string): Promise<void> {
      await this.members.remove(context, team, id);
    }

    @Post('members/:id/sessions/revoke')
    @Section(section, { action: manage, stepUp: true })
    @HttpCode(200)
    @ApiOperation({
      operationId: ids.revokeSessions,
      summary: `Signs a member out of ${organisation}: ends their live sessions here, with a note they read in their session history (never your own).`,
    })
    @ApiOkResponse({ type: SessionsRevokedDto })
    @ApiRefusals({
      validation_failed: INVALID_INPUT,
      own_membership: OWN_MEMBERSHIP,
      role_not_assignable: ABOVE_YOUR_ROLE,
      not_found: SCOPED_ID,
    })
    async revokeSessions(
      @CurrentAccessContext() context: AccessContext,
      @Param('id') id: string,
      @Body() body: RevokeSessionsDto,
    ): Promise<SessionsRevokedDto> {
      return { revoked: await this.members.revokeSessions(context, team, id, body.note) };
    }

    @Get('invitations')
    @Section(section)
    @Header('Cache-Control', 'no-store')
    @ApiOperation({ operationId: ids.listInvitations, summary: `Pending invitations to ${organisation}.` })
    @ApiOkResponse({ type: TeamInvitationListDto })
    async listInvitations(@CurrentAccessContext() context: AccessContext): Promise<TeamInvitationListDto> {
      return { items: await this.members.listInvitations(context, team) };
    }

    @Post('invitations')
    @Section(section, manage)
    @ApiOperation({
      operationId: ids.invite,
      summary:
        'Invites a person by email; the invitation becomes a membership when they sign in with that address verified by the identity provider.',
    })
    @ApiCreatedResponse({ type: TeamInvitationDto })
    @ApiRefusals({
      validation_failed: INVALID_INPUT,
      role_not_assignable: ABOVE_YOUR_ROLE,
      member_exists: 'the email is already a member.',
      invitation_exists: 'the email already has a pending invitation.',
    })
    invite(
      @CurrentAccessContext() context: AccessContext,
      @Body() body: TeamInvitationRequestDto | PartnerTeamInvitationRequestDto,
    ): Promise<TeamInvitationDto> {
      return this.members.invite(context, team, body);
    }

    @Delete('invitations/:id')
    @Section(section, manage)
    @HttpCode(204)
    @ApiOperation({ operationId: ids.revokeInvitation, summary: 'Withdraws a pending invitation.' })
    @ApiNoContentResponse({ description: 'Withdrawn.' })
    @ApiRefusals({ not_found: SCOPED_ID })
    async revokeInvitation(@CurrentAccessContext() context: AccessContext, @Param('id') id: string): Promise<void> {
      await this.members.revokeInvitation(context, team, id);
    }
  }

  // A union type has no runtime class: name each body's DTO, so the validation pipe checks the roles of this kind of
  // tenant and the OpenAPI document shows that DTO (a parameter typed Object would skip validation).
  Reflect.defineMetadata(
    'design:paramtypes',
    [Object, String, surface.roleChange],
    MembersController.prototype,
    'changeRole',
  );
  Reflect.defineMetadata('design:paramtypes', [Object, surface.invitation], MembersController.prototype, 'invite');
  Object.defineProperty(MembersController, 'name', { value: surface.name });
  return MembersController;
}

/** Team: the members of the caller's own customer tenant. client_admin manages; client_manager reads. */
export const TeamController = membersController({
  name: 'TeamController',
  path: 'api/team',
  team: CUSTOMER_TEAM,
  section: 'team',
  manage: 'team.manage',
  organisation: 'your organisation',
  roleChange: TeamRoleChangeDto,
  invitation: TeamInvitationRequestDto,
  ids: {
    list: 'listTeamMembers',
    get: 'getTeamMember',
    changeRole: 'changeTeamMemberRole',
    remove: 'removeTeamMember',
    revokeSessions: 'revokeTeamMemberSessions',
    listInvitations: 'listTeamInvitations',
    invite: 'createTeamInvitation',
    revokeInvitation: 'revokeTeamInvitation',
  },
});

/** Partner Team: the members of the caller’s own partner tenant. partner_admin manages; partner_user reads. */
export const PartnerTeamController = membersController({
  name: 'PartnerTeamController',
  path: 'api/partner/team',
  team: PARTNER_TEAM,
  section: 'partner_team',
  manage: 'partner_team.manage',
  organisation: 'your partner organisation',
  roleChange: PartnerTeamRoleChangeDto,
  invitation: PartnerTeamInvitationRequestDto,
  ids: {
    list: 'listPartnerTeamMembers',
    get: 'getPartnerTeamMember',
    changeRole: 'changePartnerTeamMemberRole',
    remove: 'removePartnerTeamMember',
    revokeSessions: 'revokePartnerTeamMemberSessions',
    listInvitations: 'listPartnerTeamInvitations',
    invite: 'createPartnerTeamInvitation',
    revokeInvitation: 'revokePartnerTeamInvitation',
  },
});
