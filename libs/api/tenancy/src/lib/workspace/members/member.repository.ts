import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '@aidial/api/core';
import type { Role } from '@aidial/shared/access';
import { DataSource, type EntityManager } from 'typeorm';
import { type WorkspaceScope, lookupId } from '../scope/workspace-scope';
import type { InvitationRow, MemberRow } from './member.dto';
import type { Team } from './team';

const SELECT_MEMBERS = `
  SELECT m.id, m.user_id, u.email, u.display_name, m.role, m.project_scope
    FROM membership m
    JOIN portal_user u ON u.id = m.user_id
   WHERE m.tenant_id = $1::uuid`;

const SELECT_INVITATIONS = `SELECT i.id, i.email, i.role, i.created_at FROM membership_invitation i WHERE i.tenant_id = $1::uuid`;

/**
 * The only place the workspace reads and writes memberships and invitations. The tenant always comes from the scope
 * (the caller's own tenant, of the team's kind), so a row of another tenant is simply not found.
 */
@Injectable()
export class MemberRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(scope: WorkspaceScope, team: Team): Promise<MemberRow[]> {
    return this.query<MemberRow>(`${SELECT_MEMBERS} ORDER BY lower(coalesce(u.display_name, u.email)), m.id`, [
      scope.ownTenantOfKind(team.tenantKind),
    ]);
  }

  async find(scope: WorkspaceScope, team: Team, id: string): Promise<MemberRow> {
    const [row] = await this.query<MemberRow>(`${SELECT_MEMBERS} AND m.id = $2::uuid`, [
      scope.ownTenantOfKind(team.tenantKind),
      lookupId(id),
    ]);
    if (!row) throw new ApiError('not_found');
    return row;
  }

  /** Changes the role only if it is still the one the rules were checked against; false when it changed meanwhile. */
  async changeRole(
    scope: WorkspaceScope,
    team: Team,
    member: MemberRow,
    role: Role,
    manager?: EntityManager,
  ): Promise<boolean> {
    const changed = await this.write(
      `UPDATE membership SET role = $3 WHERE tenant_id = $1::uuid AND id = $2::uuid AND role = $4`,
      [scope.ownTenantOfKind(team.tenantKind), member.id, role, member.role],
      manager,
    );
    return changed === 1;
  }

  async remove(scope: WorkspaceScope, team: Team, member: MemberRow, manager?: EntityManager): Promise<boolean> {
    const removed = await this.write(
      `DELETE FROM membership WHERE tenant_id = $1::uuid AND id = $2::uuid AND role = $3`,
      [scope.ownTenantOfKind(team.tenantKind), member.id, member.role],
      manager,
    );
    return removed === 1;
  }

  /** Whether someone signed in with this (lower-case) email address already belongs to the tenant. */
  async hasMemberWithEmail(scope: WorkspaceScope, team: Team, email: string): Promise<boolean> {
    const rows = await this.query(`${SELECT_MEMBERS} AND lower(u.email) = $2 LIMIT 1`, [
      scope.ownTenantOfKind(team.tenantKind),
      email,
    ]);
    return rows.length > 0;
  }

  /** Each member of the shown customer tenant (the partner's selected client, or the customer's own tenant). */
  async countShown(scope: WorkspaceScope): Promise<number> {
    const [row] = await this.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM membership m WHERE m.tenant_id = $1::uuid`,
      [scope.shownCustomer.id],
    );
    return row?.count ?? 0;
  }

  async listInvitations(scope: WorkspaceScope, team: Team): Promise<InvitationRow[]> {
    return this.query<InvitationRow>(`${SELECT_INVITATIONS} ORDER BY i.created_at, i.id`, [
      scope.ownTenantOfKind(team.tenantKind),
    ]);
  }

  /** Null when the address already has an invitation to this tenant (one per address and tenant, enforced by a unique index). */
  async invite(
    scope: WorkspaceScope,
    team: Team,
    email: string,
    role: Role,
    manager?: EntityManager,
  ): Promise<InvitationRow | null> {
    const [row] = await this.query<InvitationRow>(
      `INSERT INTO membership_invitation (tenant_id, email, role, invited_by) VALUES ($1::uuid, $2, $3, $4::uuid)
       ON CONFLICT (tenant_id, email) DO NOTHING
       RETURNING id, email, role, created_at`,
      [scope.ownTenantOfKind(team.tenantKind), email, role, scope.userId],
      manager,
    );
    return row ?? null;
  }

  /** Deletes the invitation and returns its id; 404 when the tenant has no such invitation. */
  async revokeInvitation(scope: WorkspaceScope, team: Team, id: string, manager?: EntityManager): Promise<string> {
    // A DELETE … RETURNING comes back from the PostgreSQL driver as `[rows, affected]`.
    const [[row]] = (await (manager ?? this.dataSource).query(
      `DELETE FROM membership_invitation WHERE tenant_id = $1::uuid AND id = $2::uuid RETURNING id`,
      [scope.ownTenantOfKind(team.tenantKind), lookupId(id)],
    )) as [Array<{ id: string }>, number];
    if (!row) throw new ApiError('not_found');
    return row.id;
  }

  private async query<T = unknown>(sql: string, parameters: unknown[], manager?: EntityManager): Promise<T[]> {
    return (await (manager ?? this.dataSource).query(sql, parameters)) as T[];
  }

  /** An UPDATE or DELETE; the PostgreSQL driver answers those with `[rows, affected]`. Returns the affected count. */
  private async write(sql: string, parameters: unknown[], manager?: EntityManager): Promise<number> {
    const [, affected] = (await (manager ?? this.dataSource).query(sql, parameters)) as [unknown[], number];
    return affected;
  }
}
