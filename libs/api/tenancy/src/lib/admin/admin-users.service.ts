import { Inject, Injectable } from '@nestjs/common';
import {
  AUDIT_RECORDER,
  type AccessContext,
  ApiError,
  type AuditRecorder,
  SESSION_REVOKER,
  type SessionRevoker,
} from '@aidial/api/core';
import { ROLE_AUDIENCE, type Role, isRole, rolesForTenantKind } from '@aidial/shared/access';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProjectScope } from '../entities/membership.entity';
import type { UserStatus } from '../entities/portal-user.entity';
import type { TenantKind, TenantStatus } from '../entities/tenant.entity';
import type { Page } from './admin-tenants.service';
import { DEFAULT_PAGE_SIZE } from './dto/page-query.dto';
import { decodeCursor, encodeCursor, isUuid } from './keyset-cursor';

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

interface UserRow {
  id: string;
  email: string | null;
  display_name: string | null;
  status: UserStatus;
  created_at: Date;
  sort_key: string;
  memberships: Array<{
    tenant_id: string;
    tenant_name: string;
    tenant_kind: TenantKind;
    tenant_status: TenantStatus;
    role: string;
    project_scope: ProjectScope;
  }>;
}

/** Users without an email address (the identity provider gave none) sort first, under the empty key. */
const USER_SORT_KEY = `coalesce(lower(u.email), '')`;

const USER_COLUMNS = `
  u.id, u.email, u.display_name, u.status, u.created_at, ${USER_SORT_KEY} AS sort_key,
  coalesce((SELECT json_agg(json_build_object('tenant_id', t.id, 'tenant_name', t.name, 'tenant_kind', t.kind,
                                              'tenant_status', t.status, 'role', m.role, 'project_scope', m.project_scope)
                            ORDER BY lower(t.name), t.id)
              FROM membership m JOIN tenant t ON t.id = m.tenant_id
             WHERE m.user_id = u.id), '[]'::json) AS memberships`;

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
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
    @Inject(SESSION_REVOKER) private readonly sessions: SessionRevoker,
  ) {}

  /** Searches email and display name; ordered by lower-case email, then id. */
  async list(search: UserSearch): Promise<Page<AdminUser>> {
    const after = search.cursor ? decodeCursor(search.cursor) : null;
    const limit = search.limit ?? DEFAULT_PAGE_SIZE;
    const rows = (await this.dataSource.query(
      `SELECT ${USER_COLUMNS}
         FROM portal_user u
        WHERE ($1::text IS NULL
               OR strpos(lower(coalesce(u.email, '')), lower($1::text)) > 0
               OR strpos(lower(coalesce(u.display_name, '')), lower($1::text)) > 0)
          AND ($2::text IS NULL OR (${USER_SORT_KEY}, u.id) > ($2::text, $3::uuid))
        ORDER BY ${USER_SORT_KEY}, u.id
        LIMIT $4`,
      [search.q || null, after?.key ?? null, after?.id ?? null, limit + 1],
    )) as UserRow[];
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toAdminUser),
      nextCursor: rows.length > limit && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null,
    };
  }

  /** 404 `not_found` for a missing user and for an id that is not a UUID alike. */
  async get(id: string): Promise<AdminUser> {
    const row = isUuid(id)
      ? ((
          (await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM portal_user u WHERE u.id = $1`, [id])) as UserRow[]
        )[0] ?? null)
      : null;
    if (!row) throw new ApiError('not_found');
    return toAdminUser(row);
  }

  /**
   * Gives the user this role in the tenant: a new membership (all projects) or a new role for the existing one. The
   * role must belong to the tenant's kind (400 on `role`). A new role for an existing membership ends the user's live
   * sessions in that tenant (`role_changed`): they sign in again and get a fresh session with the new role.
   */
  async assignRole(actor: AccessContext, userId: string, tenantId: string, role: Role): Promise<AdminUser> {
    assertMembershipIds(userId, tenantId);
    refuseOwnMembership(actor, userId);
    await this.dataSource.transaction(async (manager) => {
      // Locked, so concurrent assignments each see the role the one before them left.
      const [previous] = (await manager.query(
        `SELECT role FROM membership WHERE user_id = $1 AND tenant_id = $2 FOR UPDATE`,
        [userId, tenantId],
      )) as Array<{ role: string }>;
      const [outcome] = (await manager.query(
        `WITH target AS (
         SELECT u.id AS user_id, t.id AS tenant_id, t.kind FROM portal_user u CROSS JOIN tenant t
          WHERE u.id = $1 AND t.id = $2
       ), assigned AS (
         INSERT INTO membership (user_id, tenant_id, role)
         SELECT user_id, tenant_id, $3::text FROM target WHERE kind = $4::text
         ON CONFLICT (user_id, tenant_id) DO UPDATE SET role = EXCLUDED.role
         RETURNING id
       )
       SELECT (SELECT kind FROM target) AS tenant_kind, EXISTS (SELECT 1 FROM assigned) AS assigned`,
        [userId, tenantId, role, ROLE_AUDIENCE[role]],
      )) as Array<{ tenant_kind: TenantKind | null; assigned: boolean }>;
      if (!outcome?.tenant_kind) throw new ApiError('not_found');
      if (!outcome.assigned) {
        const roles = rolesForTenantKind(outcome.tenant_kind).join(', ');
        throw new ApiError('validation_failed', {
          fields: [
            { field: 'role', message: `role must be one of the roles of a ${outcome.tenant_kind} tenant: ${roles}` },
          ],
        });
      }
      const roleChanged = previous !== undefined && previous.role !== role;
      const ended = roleChanged
        ? await this.endMembershipSessions(actor, userId, tenantId, 'role_changed', manager)
        : 0;
      await this.audit.record(
        {
          action: 'admin.membership.assigned',
          outcome: 'success',
          tenantId: tenantId.toLowerCase(),
          targetId: userId.toLowerCase(),
          details: { role, sessions_ended: ended },
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
  async removeMembership(actor: AccessContext, userId: string, tenantId: string): Promise<void> {
    assertMembershipIds(userId, tenantId);
    refuseOwnMembership(actor, userId);
    await this.dataSource.transaction(async (manager) => {
      const [outcome] = (await manager.query(
        `WITH removed AS (DELETE FROM membership WHERE user_id = $1 AND tenant_id = $2 RETURNING id)
         SELECT EXISTS (SELECT 1 FROM removed) AS removed`,
        [userId, tenantId],
      )) as Array<{ removed: boolean }>;
      if (!outcome?.removed) throw new ApiError('not_found');
      const ended = await this.endMembershipSessions(actor, userId, tenantId, 'membership_removed', manager);
      await this.audit.record(
        {
          action: 'admin.membership.removed',
          outcome: 'success',
          tenantId: tenantId.toLowerCase(),
          targetId: userId.toLowerCase(),
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
    if (!isUuid(userId)) throw new ApiError('not_found');
    refuseOwnMembership(actor, userId);
    return this.dataSource.transaction(async (manager) => {
      const [user] = (await manager.query(`SELECT id FROM portal_user WHERE id = $1`, [userId])) as Array<{
        id: string;
      }>;
      if (!user) throw new ApiError('not_found');
      const ended = await this.sessions.endSessions(
        { userId: user.id },
        { reason: 'revoked_by_admin', byUserId: actor.userId, note },
        manager,
      );
      const perTenant = ended.length
        ? ((await manager.query(
            `SELECT tenant_id, count(*)::int AS count FROM session WHERE id = ANY($1::uuid[])
              GROUP BY tenant_id ORDER BY tenant_id`,
            [ended],
          )) as Array<{ tenant_id: string; count: number }>)
        : [{ tenant_id: null, count: 0 }];
      for (const { tenant_id: tenantId, count } of perTenant) {
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
    const ended = await this.sessions.endSessions(
      { userId: userId.toLowerCase(), tenantId: tenantId.toLowerCase() },
      { reason, byUserId: actor.userId },
      manager,
    );
    return ended.length;
  }
}

function assertMembershipIds(userId: string, tenantId: string): void {
  if (!isUuid(userId) || !isUuid(tenantId)) throw new ApiError('not_found');
}

/** An administrator cannot change their own roles: no one grants themselves more, and no one locks themselves out. */
function refuseOwnMembership(actor: AccessContext, userId: string): void {
  if (actor.userId.toLowerCase() === userId.toLowerCase()) throw new ApiError('own_membership');
}

function toAdminUser(row: UserRow): AdminUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    status: row.status,
    createdAt: row.created_at,
    memberships: row.memberships.map((membership) => ({
      tenant: {
        id: membership.tenant_id,
        name: membership.tenant_name,
        kind: membership.tenant_kind,
        status: membership.tenant_status,
      },
      role: membership.role,
      roleRecognised: isRole(membership.role),
      projectScope: membership.project_scope,
    })),
  };
}
