import { SecurityNotices } from '@aidial/api/notifications';
import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_RECORDER, type AccessContext, ApiError, type AuditRecorder, scopedId } from '@aidial/api/core';
import { type EndedSession, SessionStore } from '@aidial/api/sessions';
import { ROLE_AUDIENCE, type Role, isRole, rolesForTenantKind } from '@aidial/shared/access';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProjectScope } from '../entities/membership.entity';
import { AdminUserRepository, type UserRecord } from './admin-user.repository';
import type { UserStatus } from '../entities/portal-user.entity';
import type { TenantKind, TenantStatus } from '../entities/tenant.entity';
import type { Page } from './admin-tenants.service';
import { DEFAULT_PAGE_SIZE } from './dto/page-query.dto';
import { decodeCursor, encodeCursor } from './keyset-cursor';

export interface AdminMembership {
  readonly tenant: {
    readonly id: string;
    readonly name: string;
    readonly kind: TenantKind;
    readonly status: TenantStatus;
  };
  /** Stored as found: it may be a string that is not one of the seven roles. */
  readonly role: string;
  readonly roleRecognised: boolean;
  readonly projectScope: ProjectScope;
}

export interface AdminUser {
  readonly id: string;
  readonly email: string | null;
  readonly displayName: string | null;
  readonly status: UserStatus;
  readonly memberships: AdminMembership[];
  readonly createdAt: Date;
}

export interface UserSearch {
  readonly q?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

/**
 * The Users page of the internal admin area: every portal user and their memberships. Email and display name are the
 * identity provider's and read-only here; what the admin area changes is who holds which role in which tenant. Each
 * change applies from the member's next request (the access context is read on every request); a changed role or a
 * removed membership also ends the member's live sessions in that tenant (docs/access.md). The change, the ending and
 * the audit event (in the log of the tenant whose membership changed) commit in one transaction.
 */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly users: AdminUserRepository,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
    private readonly sessions: SessionStore,
    private readonly notices: SecurityNotices,
  ) {}

  /** Searches email and display name; ordered by lower-case email, then id. */
  async list(search: UserSearch): Promise<Page<AdminUser>> {
    const after = search.cursor ? decodeCursor(search.cursor) : null;
    const limit = search.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.users.page(search.q, after, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toAdminUser),
      nextCursor: rows.length > limit && last ? encodeCursor({ key: last.sortKey, id: last.user.id }) : null,
    };
  }

  /** 404 `not_found` for a missing user and for an id that is not a UUID alike. */
  async get(id: string): Promise<AdminUser> {
    const record = await this.users.find(scopedId(id));
    if (!record) throw new ApiError('not_found');
    return toAdminUser(record);
  }

  /**
   * Gives the user this role in the tenant: a new membership (all projects) or a new role for the existing one. The
   * role must belong to the tenant's kind (400 on `role`). A new role for an existing membership ends the user's live
   * sessions in that tenant (`role_changed`): they sign in again and get a fresh session with the new role.
   */
  async assignRole(actor: AccessContext, rawUserId: string, rawTenantId: string, role: Role): Promise<AdminUser> {
    const [userId, tenantId] = [scopedId(rawUserId), scopedId(rawTenantId)];
    refuseOwnMembership(actor, userId);
    await this.dataSource.transaction(async (manager) => {
      // Locked, so concurrent assignments each see the role the one before them left.
      const previous = await this.users.lockedRole(manager, userId, tenantId);
      const tenantKind = await this.users.tenantKind(tenantId, manager);
      if (!tenantKind || !(await this.users.exists(userId, manager))) throw new ApiError('not_found');
      if (ROLE_AUDIENCE[role] !== tenantKind) {
        const roles = rolesForTenantKind(tenantKind).join(', ');
        throw new ApiError('validation_failed', {
          fields: [{ field: 'role', message: `role must be one of the roles of a ${tenantKind} tenant: ${roles}` }],
        });
      }
      await this.users.assign(manager, userId, tenantId, role);
      const roleChanged = previous !== null && previous !== role;
      const ended = roleChanged
        ? await this.endMembershipSessions(actor, userId, tenantId, 'role_changed', manager)
        : 0;
      await this.audit.record(
        {
          action: 'admin.membership.assigned',
          outcome: 'success',
          tenantId,
          targetId: userId,
          // The role it replaced, when it replaced one: the log reads "from client_staff to client_manager".
          details: { ...(roleChanged ? { from_role: previous } : {}), role, sessions_ended: ended },
        },
        { manager },
      );
    });
    return this.get(userId);
  }

  /**
   * Removes the membership (and its project list) and ends the user's live sessions in that tenant
   * (`membership_removed`); 404 when the user has none in that tenant.
   */
  async removeMembership(actor: AccessContext, rawUserId: string, rawTenantId: string): Promise<void> {
    const [userId, tenantId] = [scopedId(rawUserId), scopedId(rawTenantId)];
    refuseOwnMembership(actor, userId);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.users.remove(manager, userId, tenantId))) throw new ApiError('not_found');
      const ended = await this.endMembershipSessions(actor, userId, tenantId, 'membership_removed', manager);
      await this.audit.record(
        {
          action: 'admin.membership.removed',
          outcome: 'success',
          tenantId,
          targetId: userId,
          details: { sessions_ended: ended },
        },
        { manager },
      );
    });
  }

  /**
   * Ends every live session of the user, in every tenant (`revoked_by_admin`, with the administrator's note), and
   * returns how many. One `admin.user.sessions_revoked` event per tenant whose sessions ended, in that tenant's log
   * (its administrators see who signed their member out and why); when none were live, one event in the log of no
   * tenant, so the attempt is still on record. 404 for an unknown or malformed id; 409 `own_membership` for the
   * caller's own account (their own session list is the place for that).
   */
  async revokeSessions(actor: AccessContext, userId: string, note: string): Promise<number> {
    refuseOwnMembership(actor, userId);
    return this.dataSource.transaction(async (manager) => {
      const user = { id: scopedId(userId) };
      if (!(await this.users.exists(user.id, manager))) throw new ApiError('not_found');
      const ended = await this.sessions.endSessions(
        { userId: user.id },
        { reason: 'revoked_by_admin', byUserId: actor.userId, note },
        manager,
      );
      for (const { tenantId, count } of endedPerTenant(ended)) {
        await this.audit.record(
          {
            action: 'admin.user.sessions_revoked',
            outcome: 'success',
            tenantId,
            targetId: user.id,
            details: { note, count },
          },
          { manager },
        );
      }
      if (ended.length > 0) {
        const person = await this.users.contactOf(user.id, manager);
        // AiDial's staff are not named to customers (docs/operators.md, "Security notices").
        if (person) {
          await this.notices.send(
            { kind: 'sessions_ended_by_admin', count: ended.length, endedBy: 'AiDial support' },
            [person],
            manager,
          );
        }
      }
      return ended.length;
    });
  }

  private async endMembershipSessions(
    actor: AccessContext,
    userId: string,
    tenantId: string,
    reason: 'role_changed' | 'membership_removed',
    manager: EntityManager,
  ): Promise<number> {
    const ended = await this.sessions.endSessions({ userId, tenantId }, { reason, byUserId: actor.userId }, manager);
    return ended.length;
  }
}

/** An administrator cannot change their own roles: no one grants themselves more, and no one locks themselves out. */
function refuseOwnMembership(actor: AccessContext, userId: string): void {
  if (actor.userId.toLowerCase() === userId.toLowerCase()) throw new ApiError('own_membership');
}

/** One entry per tenant whose sessions ended, in tenant order; none ended: one entry for no tenant, counting 0. */
function endedPerTenant(ended: readonly EndedSession[]): Array<{ tenantId: string | null; count: number }> {
  if (ended.length === 0) return [{ tenantId: null, count: 0 }];
  const counts = new Map<string, number>();
  for (const session of ended) counts.set(session.tenantId, (counts.get(session.tenantId) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([tenantId, count]) => ({ tenantId, count }));
}

function toAdminUser({ user, memberships }: UserRecord): AdminUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status: user.status,
    createdAt: user.createdAt,
    memberships: memberships.map((membership) => ({
      tenant: {
        id: membership.tenant.id,
        name: membership.tenant.name,
        kind: membership.tenant.kind,
        status: membership.tenant.status,
      },
      role: membership.role,
      roleRecognised: isRole(membership.role),
      projectScope: membership.projectScope,
    })),
  };
}
