import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_RECORDER, type AccessContext, ApiError, type AuditRecorder } from '@aidial/api/core';
import { type Role, canPerform } from '@aidial/shared/access';
import { DataSource } from 'typeorm';
import { WorkspaceScope } from '../scope/workspace-scope';
import { type MemberRow, TeamInvitationDto, TeamMemberDto } from './member.dto';
import { MemberRepository } from './member.repository';
import { assertAssignable, assertManageable } from './role-rules';
import type { Team } from './team';

/**
 * Team and Partner Team: the members and pending invitations of the caller's own tenant. The guard has already
 * refused roles outside the section (404) and read-only roles on changes (403 `insufficient_role`); the service
 * checks the action again so a route declared without it cannot change anything. Each change and its audit event
 * (in the tenant's log) are one transaction: neither exists without the other.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly members: MemberRepository,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
  ) {}

  async list(context: AccessContext, team: Team): Promise<TeamMemberDto[]> {
    const rows = await this.members.list(WorkspaceScope.of(context), team);
    return rows.map((row) => TeamMemberDto.from(row, context.userId));
  }

  async get(context: AccessContext, team: Team, id: string): Promise<TeamMemberDto> {
    return TeamMemberDto.from(await this.members.find(WorkspaceScope.of(context), team, id), context.userId);
  }

  async listInvitations(context: AccessContext, team: Team): Promise<TeamInvitationDto[]> {
    return (await this.members.listInvitations(WorkspaceScope.of(context), team)).map(TeamInvitationDto.from);
  }

  async invite(context: AccessContext, team: Team, request: { email: string; role: Role }): Promise<TeamInvitationDto> {
    const scope = this.managerScope(context, team);
    assertAssignable(context.role, request.role);
    const email = request.email.trim().toLowerCase();
    if (await this.members.hasMemberWithEmail(scope, team, email)) throw new ApiError('member_exists');
    const invitation = await this.dataSource.transaction(async (manager) => {
      const created = await this.members.invite(scope, team, email, request.role, manager);
      if (!created) throw new ApiError('invitation_exists');
      await this.audit.record(
        {
          action: 'tenancy.invitation.created',
          outcome: 'success',
          tenantId: scope.ownTenant.id,
          targetId: created.id,
          details: { email, role: request.role, team: teamName(team) },
        },
        { manager },
      );
      return created;
    });
    return TeamInvitationDto.from(invitation);
  }

  async revokeInvitation(context: AccessContext, team: Team, id: string): Promise<void> {
    const scope = this.managerScope(context, team);
    await this.dataSource.transaction(async (manager) => {
      const revoked = await this.members.revokeInvitation(scope, team, id, manager);
      await this.audit.record(
        {
          action: 'tenancy.invitation.revoked',
          outcome: 'success',
          tenantId: scope.ownTenant.id,
          targetId: revoked,
          details: { team: teamName(team) },
        },
        { manager },
      );
    });
  }

  async changeRole(context: AccessContext, team: Team, id: string, role: Role): Promise<TeamMemberDto> {
    const scope = this.managerScope(context, team);
    const member = await this.changeableMember(scope, team, id);
    assertAssignable(context.role, role);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.members.changeRole(scope, team, member, role, manager))) throw new ApiError('not_found');
      await this.audit.record(
        {
          action: 'tenancy.member.role_changed',
          outcome: 'success',
          tenantId: scope.ownTenant.id,
          targetId: member.id,
          details: { user_id: member.user_id, from_role: member.role, to_role: role, team: teamName(team) },
        },
        { manager },
      );
    });
    return TeamMemberDto.from({ ...member, role }, context.userId);
  }

  async remove(context: AccessContext, team: Team, id: string): Promise<void> {
    const scope = this.managerScope(context, team);
    const member = await this.changeableMember(scope, team, id);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.members.remove(scope, team, member, manager))) throw new ApiError('not_found');
      await this.audit.record(
        {
          action: 'tenancy.member.removed',
          outcome: 'success',
          tenantId: scope.ownTenant.id,
          targetId: member.id,
          details: { user_id: member.user_id, role: member.role, team: teamName(team) },
        },
        { manager },
      );
    });
  }

  private managerScope(context: AccessContext, team: Team): WorkspaceScope {
    if (!canPerform(context.role, team.manageAction)) throw new ApiError('insufficient_role');
    return WorkspaceScope.of(context);
  }

  /** Someone else's membership in the tenant, not held with a role above the caller's own. */
  private async changeableMember(scope: WorkspaceScope, team: Team, id: string): Promise<MemberRow> {
    const member = await this.members.find(scope, team, id);
    if (member.user_id === scope.userId) throw new ApiError('own_membership');
    assertManageable(scope.role, member.role);
    return member;
  }
}

/** Which page the change was made on, as the audit log names it. */
function teamName(team: Team): 'team' | 'partner_team' {
  return team.tenantKind === 'partner' ? 'partner_team' : 'team';
}
