import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccessContext, ApiRefusals, CurrentAccessContext, Section } from '@aidial/api/core';
import {
  TeamInvitationDto,
  TeamInvitationListDto,
  TeamInvitationRequestDto,
  TeamMemberDto,
  TeamMemberListDto,
  TeamRoleChangeDto,
} from './member.dto';
import { RevokeSessionsDto, SessionsRevokedDto } from '../../admin/dto/session-revocation.dto';
import { MembersService } from './members.service';
import { CUSTOMER_TEAM } from './team';

const SCOPED_ID =
  'no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.';
const INVALID_INPUT = 'the body or query does not match the schema; `fields` says where.';
const OWN_MEMBERSHIP = 'your own membership: your own session list and profile are the place for it.';
const ABOVE_YOUR_ROLE = 'a role (or a member’s role) above your own.';

/** Team: the members of the caller's own customer tenant. client_admin manages; client_manager reads. */
@ApiTags('tenancy')
@Controller('api/team')
export class TeamController {
  constructor(private readonly members: MembersService) {}

  @Get('members')
  @Section('team')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The members of your organisation.' })
  @ApiOkResponse({ type: TeamMemberListDto })
  async listTeamMembers(@CurrentAccessContext() context: AccessContext): Promise<TeamMemberListDto> {
    return { items: await this.members.list(context, CUSTOMER_TEAM) };
  }

  @Get('members/:id')
  @Section('team')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'One member of your organisation, by membership id.' })
  @ApiOkResponse({ type: TeamMemberDto })
  @ApiRefusals({ not_found: SCOPED_ID })
  getTeamMember(@CurrentAccessContext() context: AccessContext, @Param('id') id: string): Promise<TeamMemberDto> {
    return this.members.get(context, CUSTOMER_TEAM, id);
  }

  @Put('members/:id/role')
  @Section('team', 'team.manage')
  @ApiOperation({ summary: 'Changes a member’s role (never your own, never a member above your role).' })
  @ApiOkResponse({ type: TeamMemberDto })
  @ApiRefusals({
    validation_failed: INVALID_INPUT,
    own_membership: OWN_MEMBERSHIP,
    role_not_assignable: ABOVE_YOUR_ROLE,
    not_found: SCOPED_ID,
  })
  changeTeamMemberRole(
    @CurrentAccessContext() context: AccessContext,
    @Param('id') id: string,
    @Body() body: TeamRoleChangeDto,
  ): Promise<TeamMemberDto> {
    return this.members.changeRole(context, CUSTOMER_TEAM, id, body.role);
  }

  @Delete('members/:id')
  @Section('team', 'team.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a member from your organisation (never yourself).' })
  @ApiNoContentResponse({ description: 'Removed; their sessions in this organisation end.' })
  @ApiRefusals({ own_membership: OWN_MEMBERSHIP, role_not_assignable: ABOVE_YOUR_ROLE, not_found: SCOPED_ID })
  async removeTeamMember(@CurrentAccessContext() context: AccessContext, @Param('id') id: string): Promise<void> {
    await this.members.remove(context, CUSTOMER_TEAM, id);
  }

  @Post('members/:id/sessions/revoke')
  @Section('team', 'team.manage')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Signs a member out of your organisation: ends their live sessions here, with a note they read in their session history (never your own).',
  })
  @ApiOkResponse({ type: SessionsRevokedDto })
  @ApiRefusals({
    validation_failed: INVALID_INPUT,
    own_membership: OWN_MEMBERSHIP,
    role_not_assignable: ABOVE_YOUR_ROLE,
    not_found: SCOPED_ID,
  })
  async revokeTeamMemberSessions(
    @CurrentAccessContext() context: AccessContext,
    @Param('id') id: string,
    @Body() body: RevokeSessionsDto,
  ): Promise<SessionsRevokedDto> {
    return { revoked: await this.members.revokeSessions(context, CUSTOMER_TEAM, id, body.note) };
  }

  @Get('invitations')
  @Section('team')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Pending invitations to your organisation.' })
  @ApiOkResponse({ type: TeamInvitationListDto })
  async listTeamInvitations(@CurrentAccessContext() context: AccessContext): Promise<TeamInvitationListDto> {
    return { items: await this.members.listInvitations(context, CUSTOMER_TEAM) };
  }

  @Post('invitations')
  @Section('team', 'team.manage')
  @ApiOperation({
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
  createTeamInvitation(
    @CurrentAccessContext() context: AccessContext,
    @Body() body: TeamInvitationRequestDto,
  ): Promise<TeamInvitationDto> {
    return this.members.invite(context, CUSTOMER_TEAM, body);
  }

  @Delete('invitations/:id')
  @Section('team', 'team.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraws a pending invitation.' })
  @ApiNoContentResponse({ description: 'Withdrawn.' })
  @ApiRefusals({ not_found: SCOPED_ID })
  async revokeTeamInvitation(@CurrentAccessContext() context: AccessContext, @Param('id') id: string): Promise<void> {
    await this.members.revokeInvitation(context, CUSTOMER_TEAM, id);
  }
}
