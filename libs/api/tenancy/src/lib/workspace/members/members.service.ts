import { SecurityNotices } from '@aidial/api/notifications';
import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_RECORDER, type AccessContext, ApiError, type AuditRecorder } from '@aidial/api/core';
import { type SessionEnding, SessionStore } from '@aidial/api/sessions';
import { type Role, canPerform } from '@aidial/shared/access';
import { DataSource, type EntityManager } from 'typeorm';
import { WorkspaceScope } from '../scope/workspace-scope';
import { TeamInvitationDto, TeamMemberDto } from './member.dto';
import { MemberRepository, type TeamMember } from './member.repository';
import { assertAssignable, assertManageable } from './role-rules';
import type { Team } from './team';

/**
 * Team and Partner Team: the members and pending invitations of the caller's own tenant. The guard has already
 * refused roles outside the section (404) and read-only roles on changes (403 `insufficient_role`); the service
 * checks the action again so a route declared without it cannot change anything. A role change or a removal ends the
 * member's live sessions in this tenant (docs/access.md); each change, that ending and its audit event (in the
 * tenant's log) are one transaction: none exists without the others.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly members: MemberRepository,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
    private readonly sessions: SessionStore,
    private readonly notices: SecurityNotices,
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
      const ended =
        member.role === role
          ? 0
          : await this.endMemberSessions(scope, member, { reason: 'role_changed', byUserId: scope.userId }, manager);
      await this.audit.record(
        {
          action: 'tenancy.member.role_changed',
          outcome: 'success',
          tenantId: scope.ownTenant.id,
          targetId: member.id,
          details: {
            user_id: member.userId,
            from_role: member.role,
            to_role: role,
            team: teamName(team),
            sessions_ended: ended,
          },
        },
        { manager },
      );
      // Told in the same transaction: the change and its notice are committed together (docs/operators.md).
      if (member.role !== role) {
        await this.notices.send(
          { kind: 'role_changed', organisation: scope.ownTenant.name, fromRole: member.role, toRole: role },
          [{ email: member.email, name: member.displayName }],
          manager,
        );
      }
    });
    return TeamMemberDto.from({ ...member, role }, context.userId);
  }

  async remove(context: AccessContext, team: Team, id: string): Promise<void> {
    const scope = this.managerScope(context, team);
    const member = await this.changeableMember(scope, team, id);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.members.remove(scope, team, member, manager))) throw new ApiError('not_found');
      const ended = await this.endMemberSessions(
        scope,
        member,
        { reason: 'membership_removed', byUserId: scope.userId },
        manager,
      );
      await this.audit.record(
        {
          action: 'tenancy.member.removed',
          outcome: 'success',
          tenantId: scope.ownTenant.id,
          targetId: member.id,
          details: { user_id: member.userId, role: member.role, team: teamName(team), sessions_ended: ended },
        },
        { manager },
      );
    });
  }

  /**
   * Ends the member's live sessions in this tenant (`revoked_by_tenant_admin`, with the note they will read) and
   * returns how many; their sessions in other tenants are not this team's to end. The same refusals as a role change:
   * never your own membership (409 `own_membership`: your own session list is the place), never a member above your
   * role, and a member of another tenant answers like a missing id.
   */
  async revokeSessions(context: AccessContext, team: Team, id: string, note: string): Promise<number> {
    const scope = this.managerScope(context, team);
    const member = await this.changeableMember(scope, team, id);
    return this.dataSource.transaction(async (manager) => {
      const ended = await this.endMemberSessions(
        scope,
        member,
        { reason: 'revoked_by_tenant_admin', byUserId: scope.userId, note },
        manager,
      );
      await this.audit.record(
        {
          action: 'tenancy.member.sessions_revoked',
          outcome: 'success',
          tenantId: scope.ownTenant.id,
          targetId: member.userId,
          details: { note, count: ended, team: teamName(team) },
        },
        { manager },
      );
      if (ended > 0) {
        await this.notices.send(
          { kind: 'sessions_ended_by_admin', count: ended, endedBy: context.user.displayName ?? 'An administrator' },
          [{ email: member.email, name: member.displayName }],
          manager,
        );
      }
      return ended;
    });
  }

  /** Only the sessions the member holds in this tenant (a partner's member may also belong elsewhere). */
  private async endMemberSessions(
    scope: WorkspaceScope,
    member: TeamMember,
    ending: SessionEnding,
    manager: EntityManager,
  ): Promise<number> {
    const ended = await this.sessions.endSessions(
      { userId: member.userId, tenantId: scope.ownTenant.id },
      ending,
      manager,
    );
    return ended.length;
  }

  private managerScope(context: AccessContext, team: Team): WorkspaceScope {
    if (!canPerform(context.role, team.manageAction)) throw new ApiError('insufficient_role');
    return WorkspaceScope.of(context);
  }

  /** Someone else's membership in the tenant, not held with a role above the caller's own. */
  private async changeableMember(scope: WorkspaceScope, team: Team, id: string): Promise<TeamMember> {
    const member = await this.members.find(scope, team, id);
    if (member.userId === scope.userId) throw new ApiError('own_membership');
    assertManageable(scope.role, member.role);
    return member;
  }
}

/** Which page the change was made on, as the audit log names it. */
function teamName(team: Team): 'team' | 'partner_team' {
  return team.tenantKind === 'partner' ? 'partner_team' : 'team';
}
