import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiError, scopedId } from '@aidial/api/core';
import { type Role, isRole } from '@aidial/shared/access';
import { type EntityManager, Repository, type SelectQueryBuilder } from 'typeorm';
import { MembershipInvitationEntity } from '../../entities/membership-invitation.entity';
import { type ProjectScope, MembershipEntity } from '../../entities/membership.entity';
import { type WorkspaceScope } from '../scope/workspace-scope';
import type { Team } from './team';

/** A membership of the team's tenant, with what the identity provider last said about its person. */
export interface TeamMember {
  readonly id: string;
  readonly userId: string;
  readonly email: string | null;
  readonly displayName: string | null;
  /** Stored as found: it may be a string that is not one of the seven roles. */
  readonly role: string;
  readonly projectScope: ProjectScope;
}

export interface TeamInvitation {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly createdAt: Date;
}

/** What the invitation statement returns. */
interface InvitationInsertRow {
  readonly id: string;
  readonly email: string;
  readonly role: string;
  readonly created_at: Date;
}

/**
 * The only place the workspace reads and writes memberships and invitations. The tenant always comes from the scope
 * (the caller's own tenant, of the team's kind), so a row of another tenant is simply not found.
 */
@Injectable()
export class MemberRepository {
  constructor(
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    @InjectRepository(MembershipInvitationEntity)
    private readonly invitations: Repository<MembershipInvitationEntity>,
  ) {}

  async list(scope: WorkspaceScope, team: Team): Promise<TeamMember[]> {
    const members = await this.members(scope.ownTenantOfKind(team.tenantKind))
      .orderBy('lower(coalesce(u.display_name, u.email))')
      .addOrderBy('m.id')
      .getMany();
    return members.flatMap(toTeamMember);
  }

  async find(scope: WorkspaceScope, team: Team, id: string): Promise<TeamMember> {
    const members = await this.members(scope.ownTenantOfKind(team.tenantKind))
      .andWhere('m.id = :id', { id: scopedId(id) })
      .getMany();
    const [member] = members.flatMap(toTeamMember);
    if (!member) throw new ApiError('not_found');
    return member;
  }

  /** Changes the role only if it is still the one the rules were checked against; false when it changed meanwhile. */
  async changeRole(
    scope: WorkspaceScope,
    team: Team,
    member: TeamMember,
    role: Role,
    manager: EntityManager,
  ): Promise<boolean> {
    const changed = await manager
      .withRepository(this.memberships)
      .update({ tenantId: scope.ownTenantOfKind(team.tenantKind), id: member.id, role: member.role }, { role });
    return changed.affected === 1;
  }

  async remove(scope: WorkspaceScope, team: Team, member: TeamMember, manager: EntityManager): Promise<boolean> {
    const removed = await manager
      .withRepository(this.memberships)
      .delete({ tenantId: scope.ownTenantOfKind(team.tenantKind), id: member.id, role: member.role });
    return removed.affected === 1;
  }

  /** Whether someone signed in with this (lower-case) email address already belongs to the tenant. */
  async hasMemberWithEmail(scope: WorkspaceScope, team: Team, email: string): Promise<boolean> {
    return this.members(scope.ownTenantOfKind(team.tenantKind))
      .andWhere('lower(u.email) = :email', { email })
      .getExists();
  }

  async listInvitations(scope: WorkspaceScope, team: Team): Promise<TeamInvitation[]> {
    const invitations = await this.invitations.find({
      where: { tenantId: scope.ownTenantOfKind(team.tenantKind) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return invitations.flatMap(({ id, email, role, createdAt }) =>
      isRole(role) ? [{ id, email, role, createdAt }] : [],
    );
  }

  /**
   * Raw (atomic `INSERT … ON CONFLICT DO NOTHING RETURNING`): null when the address already has an invitation to this
   * tenant (one per address and tenant, enforced by a unique index).
   */
  async invite(
    scope: WorkspaceScope,
    team: Team,
    email: string,
    role: Role,
    manager: EntityManager,
  ): Promise<TeamInvitation | null> {
    const [row] = await manager.withRepository(this.invitations).query<InvitationInsertRow[]>(
      `INSERT INTO membership_invitation (tenant_id, email, role, invited_by) VALUES ($1::uuid, $2, $3, $4::uuid)
       ON CONFLICT (tenant_id, email) DO NOTHING
       RETURNING id, email, role, created_at`,
      [scope.ownTenantOfKind(team.tenantKind), email, role, scope.userId],
    );
    return row ? { id: row.id, email: row.email, role, createdAt: row.created_at } : null;
  }

  /** Deletes the invitation and returns its id; 404 when the tenant has no such invitation. */
  async revokeInvitation(scope: WorkspaceScope, team: Team, id: string, manager: EntityManager): Promise<string> {
    const invitationId = scopedId(id);
    const deleted = await manager
      .withRepository(this.invitations)
      .delete({ tenantId: scope.ownTenantOfKind(team.tenantKind), id: invitationId });
    if (deleted.affected !== 1) throw new ApiError('not_found');
    return invitationId;
  }

  private members(tenantId: string): SelectQueryBuilder<MembershipEntity> {
    return this.memberships
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.tenantId = :tenantId', { tenantId });
  }
}

/** The inner join always loads the user. */
function toTeamMember(membership: MembershipEntity): TeamMember[] {
  const user = membership.user;
  if (!user) return [];
  return [
    {
      id: membership.id,
      userId: membership.userId,
      email: user.email,
      displayName: user.displayName,
      role: membership.role,
      projectScope: membership.projectScope,
    },
  ];
}
