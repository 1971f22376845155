import { Inject, Injectable } from '@nestjs/common';
import {
  AUDIT_RECORDER,
  type AccessContext,
  ApiError,
  type AuditEventInput,
  type AuditRecorder,
  SESSION_REVOKER,
  type SessionRevoker,
} from '@aidial/api/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProjectStatus } from '../entities/project.entity';
import type { MfaPolicy, TenantKind, TenantStatus } from '../entities/tenant.entity';
import { DEFAULT_PAGE_SIZE } from './dto/page-query.dto';
import type { NewTenantKind, TenantStatusChange } from './dto/tenant-changes.dto';
import { decodeCursor, encodeCursor, isUuid } from './keyset-cursor';

export interface AdminTenant {
  readonly id: string;
  readonly name: string;
  readonly kind: TenantKind;
  readonly status: TenantStatus;
  readonly managingPartner: { readonly id: string; readonly name: string } | null;
  readonly smsOtpEnabled: boolean;
  readonly mfaPolicy: MfaPolicy;
  readonly memberCount: number;
  readonly createdAt: Date;
}

export interface AdminTenantDetail extends AdminTenant {
  readonly projects: ReadonlyArray<{ id: string; name: string; status: ProjectStatus }>;
  /** The customer tenants a partner manages; empty for other kinds. */
  readonly managedClients: ReadonlyArray<{ id: string; name: string; status: TenantStatus }>;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

export interface TenantSearch {
  readonly q?: string;
  readonly kind?: TenantKind;
  readonly status?: TenantStatus;
  readonly limit?: number;
  readonly cursor?: string;
}

interface TenantRow {
  id: string;
  name: string;
  kind: TenantKind;
  status: TenantStatus;
  mfa_policy: MfaPolicy;
  created_at: Date;
  sort_key: string;
  sms_otp_enabled: boolean;
  partner_id: string | null;
  partner_name: string | null;
  member_count: number;
}

interface TenantDetailRow extends TenantRow {
  projects: Array<{ id: string; name: string; status: ProjectStatus }>;
  managed_clients: Array<{ id: string; name: string; status: TenantStatus }>;
}

/** A missing key, or anything but JSON `true`, reads as off (deny by default, spec/05). */
const TENANT_COLUMNS = `
  t.id, t.name, t.kind, t.status, t.mfa_policy, t.created_at, lower(t.name) AS sort_key,
  coalesce(t.feature_flags -> 'mfa.sms_otp.enabled' = 'true'::jsonb, false) AS sms_otp_enabled,
  p.id AS partner_id, p.name AS partner_name,
  (SELECT count(*)::int FROM membership m WHERE m.tenant_id = t.id) AS member_count`;

const TENANT_FROM = `FROM tenant t LEFT JOIN tenant p ON p.id = t.managing_partner_id`;

/**
 * The Tenants page of the internal admin area: every tenant, whatever its kind or status (the caller is an internal
 * role; the section guard has checked that). Each change is one statement, so concurrent requests cannot interleave
 * a half-applied change, and it commits in one transaction with its audit event (in the changed tenant's log).
 */
@Injectable()
export class AdminTenantsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
    @Inject(SESSION_REVOKER) private readonly sessions: SessionRevoker,
  ) {}

  /** Ordered by lower-case name, then id; `nextCursor` is null on the last page. */
  async list(search: TenantSearch): Promise<Page<AdminTenant>> {
    const after = search.cursor ? decodeCursor(search.cursor) : null;
    const limit = search.limit ?? DEFAULT_PAGE_SIZE;
    const rows = (await this.dataSource.query(
      `SELECT ${TENANT_COLUMNS} ${TENANT_FROM}
        WHERE ($1::text IS NULL OR strpos(lower(t.name), lower($1::text)) > 0)
          AND ($2::text IS NULL OR t.kind = $2::text)
          AND ($3::text IS NULL OR t.status = $3::text)
          AND ($4::text IS NULL OR (lower(t.name), t.id) > ($4::text, $5::uuid))
        ORDER BY lower(t.name), t.id
        LIMIT $6`,
      [search.q || null, search.kind ?? null, search.status ?? null, after?.key ?? null, after?.id ?? null, limit + 1],
    )) as TenantRow[];
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toAdminTenant),
      nextCursor: rows.length > limit && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null,
    };
  }

  /** 404 `not_found` for a missing tenant and for an id that is not a UUID alike. */
  async get(id: string): Promise<AdminTenantDetail> {
    const row = isUuid(id)
      ? ((
          (await this.dataSource.query(
            `SELECT ${TENANT_COLUMNS},
                    coalesce((SELECT json_agg(json_build_object('id', pr.id, 'name', pr.name, 'status', pr.status)
                                              ORDER BY lower(pr.name), pr.id)
                                FROM project pr WHERE pr.tenant_id = t.id), '[]'::json) AS projects,
                    coalesce((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'status', c.status)
                                              ORDER BY lower(c.name), c.id)
                                FROM tenant c WHERE c.managing_partner_id = t.id), '[]'::json) AS managed_clients
               ${TENANT_FROM}
              WHERE t.id = $1`,
            [id],
          )) as TenantDetailRow[]
        )[0] ?? null)
      : null;
    if (!row) throw new ApiError('not_found');
    return {
      ...toAdminTenant(row),
      projects: row.projects,
      managedClients: row.managed_clients,
    };
  }

  /** A managing partner is for customer tenants only, and must be a partner tenant. */
  async create(tenant: {
    name: string;
    kind: NewTenantKind;
    managingPartnerId: string | null;
  }): Promise<AdminTenantDetail> {
    if (tenant.managingPartnerId !== null && tenant.kind !== 'customer') {
      throw invalidManagingPartner('Only a customer tenant can have a managing partner.');
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const [created] = (await manager.query(
        `INSERT INTO tenant (kind, name, managing_partner_id)
         SELECT $1::text, $2::text, $3::uuid
          WHERE $3::uuid IS NULL OR EXISTS (SELECT 1 FROM tenant WHERE id = $3::uuid AND kind = 'partner')
         RETURNING id`,
        [tenant.kind, tenant.name, tenant.managingPartnerId],
      )) as Array<{ id: string }>;
      if (!created) throw invalidManagingPartner('managing_partner_id must be the id of a partner tenant.');
      await this.audit.record(
        {
          action: 'admin.tenant.created',
          outcome: 'success',
          tenantId: created.id,
          targetId: created.id,
          details: { name: tenant.name, kind: tenant.kind, managing_partner_id: tenant.managingPartnerId },
        },
        { manager },
      );
      return created.id;
    });
    return this.get(id);
  }

  /**
   * Suspends or reactivates (idempotent). The internal tenant cannot be suspended: the admins would lock themselves
   * out. A closed tenant stays closed. Suspending ends every live session of the tenant (`tenant_suspended`), in the
   * same transaction; a member who tries to sign in while it is suspended is refused. Reactivating ends nothing.
   */
  async changeStatus(actor: AccessContext, id: string, status: TenantStatusChange): Promise<AdminTenantDetail> {
    await this.change(
      id,
      `status = $2::text`,
      `kind <> 'internal' AND status <> 'closed'`,
      [status],
      { action: 'admin.tenant.status_changed', details: { status } },
      async (manager) => ({
        sessions_ended: status === 'suspended' ? await this.endSessionsOnSuspension(actor, id, manager) : 0,
      }),
    );
    return this.get(id);
  }

  /**
   * Ends every live session of the tenant (`revoked_by_admin`, with the administrator's note) but the caller's own,
   * and returns how many; the event (`admin.tenant.sessions_revoked`) is in the tenant's log. Members may sign in
   * again at once: this is a forced sign-in, not a suspension. 404 for an unknown or malformed id.
   */
  async revokeSessions(actor: AccessContext, callerSessionId: string, id: string, note: string): Promise<number> {
    if (!isUuid(id)) throw new ApiError('not_found');
    const tenantId = id.toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      const [tenant] = (await manager.query(`SELECT id FROM tenant WHERE id = $1`, [tenantId])) as Array<{
        id: string;
      }>;
      if (!tenant) throw new ApiError('not_found');
      const ended = await this.sessions.endSessions(
        { tenantId, exceptSessionId: callerSessionId },
        { reason: 'revoked_by_admin', byUserId: actor.userId, note },
        manager,
      );
      await this.audit.record(
        {
          action: 'admin.tenant.sessions_revoked',
          outcome: 'success',
          tenantId,
          targetId: tenantId,
          details: { note, count: ended.length },
        },
        { manager },
      );
      return ended.length;
    });
  }

  private async endSessionsOnSuspension(actor: AccessContext, id: string, manager: EntityManager): Promise<number> {
    const ended = await this.sessions.endSessions(
      { tenantId: id.toLowerCase() },
      { reason: 'tenant_suspended', byUserId: actor.userId },
      manager,
    );
    return ended.length;
  }

  /** Sets `mfa.sms_otp.enabled` and keeps every other flag. SMS codes are for customer and partner sign-ins only. */
  async changeSmsOtp(id: string, enabled: boolean): Promise<AdminTenantDetail> {
    await this.change(
      id,
      `feature_flags = coalesce(feature_flags, '{}'::jsonb) || jsonb_build_object('mfa.sms_otp.enabled', $2::boolean)`,
      `kind IN ('customer', 'partner')`,
      [enabled],
      { action: 'admin.tenant.sms_otp_changed', details: { enabled } },
    );
    return this.get(id);
  }

  async changeMfaPolicy(id: string, mfaPolicy: MfaPolicy): Promise<AdminTenantDetail> {
    await this.change(id, `mfa_policy = $2::text`, 'true', [mfaPolicy], {
      action: 'admin.tenant.mfa_policy_changed',
      details: { mfa_policy: mfaPolicy },
    });
    return this.get(id);
  }

  /**
   * One statement that changes the tenant when `allowed` holds and says whether it exists at all: 404 when it does
   * not, 409 `tenant_not_changeable` when it exists but may not be changed this way. A change writes its audit
   * event in the same transaction; a refused one writes none. `effect` runs in that transaction after the change (ending
   * sessions) and adds its details to the event.
   */
  private async change(
    id: string,
    assignment: string,
    allowed: string,
    values: unknown[],
    event: Pick<AuditEventInput, 'action' | 'details'>,
    effect?: (manager: EntityManager) => Promise<Record<string, unknown>>,
  ): Promise<void> {
    if (!isUuid(id)) throw new ApiError('not_found');
    await this.dataSource.transaction(async (manager) => {
      const [outcome] = (await manager.query(
        `WITH changed AS (
           UPDATE tenant SET ${assignment}, updated_at = now() WHERE id = $1 AND (${allowed}) RETURNING id
         )
         SELECT EXISTS (SELECT 1 FROM changed) AS changed, EXISTS (SELECT 1 FROM tenant WHERE id = $1) AS found`,
        [id, ...values],
      )) as Array<{ changed: boolean; found: boolean }>;
      if (!outcome?.changed) throw new ApiError(outcome?.found ? 'tenant_not_changeable' : 'not_found');
      const effectDetails = effect ? await effect(manager) : {};
      await this.audit.record(
        {
          ...event,
          details: { ...event.details, ...effectDetails },
          outcome: 'success',
          tenantId: id.toLowerCase(),
          targetId: id.toLowerCase(),
        },
        { manager },
      );
    });
  }
}

function toAdminTenant(row: TenantRow): AdminTenant {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    managingPartner: row.partner_id && row.partner_name ? { id: row.partner_id, name: row.partner_name } : null,
    smsOtpEnabled: row.sms_otp_enabled,
    mfaPolicy: row.mfa_policy,
    memberCount: row.member_count,
    createdAt: row.created_at,
  };
}

function invalidManagingPartner(message: string): ApiError {
  return new ApiError('validation_failed', { fields: [{ field: 'managing_partner_id', message }] });
}
