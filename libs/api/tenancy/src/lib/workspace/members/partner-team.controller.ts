import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccessContext, ApiRefusals, CurrentAccessContext, Section } from '@aidial/api/core';
import {
  TeamInvitationDto,
  TeamInvitationListDto,
  PartnerTeamInvitationRequestDto,
  TeamMemberDto,
  TeamMemberListDto,
  PartnerTeamRoleChangeDto,
} from './member.dto';
import { RevokeSessionsDto, SessionsRevokedDto } from '../../admin/dto/session-revocation.dto';
import { MembersService } from './members.service';
import { PARTNER_TEAM } from './team';

const SCOPED_ID =
  'no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.';
const INVALID_INPUT = 'the body or query does not match the schema; `fields` says where.';
const OWN_MEMBERSHIP = 'your own membership: your own session list and profile are the place for it.';
const ABOVE_YOUR_ROLE = 'a role (or a member’s role) above your own.';

/** Partner Team: the members of the caller’s own partner tenant. partner_admin manages; partner_user reads. */
@ApiTags('tenancy')
@Controller('api/partner/team')
export class PartnerTeamController {
  constructor(private readonly members: MembersService) {}

  @Get('members')
  @Section('partner_team')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The members of your partner organisation.' })
  @ApiOkResponse({ type: TeamMemberListDto })
  async listPartnerTeamMembers(@CurrentAccessContext() context: AccessContext): Promise<TeamMemberListDto> {
    return { items: await this.members.list(context, PARTNER_TEAM) };
  }

  @Get('members/:id')
  @Section('partner_team')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'One member of your partner organisation, by membership id.' })
  @ApiOkResponse({ type: TeamMemberDto })
  @ApiRefusals({ not_found: SCOPED_ID })
  getPartnerTeamMember(
    @CurrentAccessContext() context: AccessContext,
    @Param('id') id: string,
  ): Promise<TeamMemberDto> {
    return this.members.get(context, PARTNER_TEAM, id);
  }

  @Put('members/:id/role')
  @Section('partner_team', 'partner_team.manage')
  @ApiOperation({ summary: 'Changes a member’s role (never your own, never a member above your role).' })
  @ApiOkResponse({ type: TeamMemberDto })
  @ApiRefusals({
    validation_failed: INVALID_INPUT,
    own_membership: OWN_MEMBERSHIP,
    role_not_assignable: ABOVE_YOUR_ROLE,
    not_found: SCOPED_ID,
  })
  changePartnerTeamMemberRole(
    @CurrentAccessContext() context: AccessContext,
    @Param('id') id: string,
    @Body() body: PartnerTeamRoleChangeDto,
  ): Promise<TeamMemberDto> {
    return this.members.changeRole(context, PARTNER_TEAM, id, body.role);
  }

  @Delete('members/:id')
  @Section('partner_team', 'partner_team.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a member from your partner organisation (never yourself).' })
  @ApiNoContentResponse({ description: 'Removed; their sessions in this organisation end.' })
  @ApiRefusals({ own_membership: OWN_MEMBERSHIP, role_not_assignable: ABOVE_YOUR_ROLE, not_found: SCOPED_ID })
  async removePartnerTeamMember(
    @CurrentAccessContext() context: AccessContext,
    @Param('id') id: string,
  ): Promise<void> {
    await this.members.remove(context, PARTNER_TEAM, id);
  }

  @Post('members/:id/sessions/revoke')
  @Section('partner_team', 'partner_team.manage')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Signs a member out of your partner organisation: ends their live sessions here, with a note they read in their session history (never your own).',
  })
  @ApiOkResponse({ type: SessionsRevokedDto })
  @ApiRefusals({
    validation_failed: INVALID_INPUT,
    own_membership: OWN_MEMBERSHIP,
    role_not_assignable: ABOVE_YOUR_ROLE,
    not_found: SCOPED_ID,
  })
  async revokePartnerTeamMemberSessions(
    @CurrentAccessContext() context: AccessContext,
    @Param('id') id: string,
    @Body() body: RevokeSessionsDto,
  ): Promise<SessionsRevokedDto> {
    return { revoked: await this.members.revokeSessions(context, PARTNER_TEAM, id, body.note) };
  }

  @Get('invitations')
  @Section('partner_team')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Pending invitations to your partner organisation.' })
  @ApiOkResponse({ type: TeamInvitationListDto })
  async listPartnerTeamInvitations(@CurrentAccessContext() context: AccessContext): Promise<TeamInvitationListDto> {
    return { items: await this.members.listInvitations(context, PARTNER_TEAM) };
  }

  @Post('invitations')
  @Section('partner_team', 'partner_team.manage')
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
  createPartnerTeamInvitation(
    @CurrentAccessContext() context: AccessContext,
    @Body() body: PartnerTeamInvitationRequestDto,
  ): Promise<TeamInvitationDto> {
    return this.members.invite(context, PARTNER_TEAM, body);
  }

  @Delete('invitations/:id')
  @Section('partner_team', 'partner_team.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraws a pending invitation.' })
  @ApiNoContentResponse({ description: 'Withdrawn.' })
  @ApiRefusals({ not_found: SCOPED_ID })
  async revokePartnerTeamInvitation(
    @CurrentAccessContext() context: AccessContext,
    @Param('id') id: string,
  ): Promise<void> {
    await this.members.revokeInvitation(context, PARTNER_TEAM, id);
  }
}
