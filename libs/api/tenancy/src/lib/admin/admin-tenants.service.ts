import { Inject, Injectable } from '@nestjs/common';
import {
  AUDIT_RECORDER,
  type AccessContext,
  ApiError,
  type AuditEventInput,
  type AuditRecorder,
  scopedId,
} from '@aidial/api/core';
import { SessionStore } from '@aidial/api/sessions';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProjectStatus } from '../entities/project.entity';
import type { MfaPolicy, TenantKind, TenantStatus } from '../entities/tenant.entity';
import {
  AdminTenantRepository,
  type TenantChange,
  type TenantListRow,
  type TenantRecord,
} from './admin-tenant.repository';
import { DEFAULT_PAGE_SIZE } from './dto/page-query.dto';
import type { NewTenantKind, TenantStatusChange } from './dto/tenant-changes.dto';
import { decodeCursor, encodeCursor } from './keyset-cursor';

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

/**
 * The Tenants page of the internal admin area: every tenant, whatever its kind or status (the caller is an internal
 * role; the section guard has checked that). Each change is one statement, so concurrent requests cannot interleave
 * a half-applied change, and it commits in one transaction with its audit event (in the changed tenant's log).
 */
@Injectable()
export class AdminTenantsService {
  constructor(
    private readonly tenants: AdminTenantRepository,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
    private readonly sessions: SessionStore,
  ) {}

  /** Ordered by lower-case name, then id; `nextCursor` is null on the last page. */
  async list(search: TenantSearch): Promise<Page<AdminTenant>> {
    const after = search.cursor ? decodeCursor(search.cursor) : null;
    const limit = search.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.tenants.page(search, after, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(fromListRow),
      nextCursor: rows.length > limit && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null,
    };
  }

  /** 404 `not_found` for a missing tenant and for an id that is not a UUID alike. */
  async get(id: string): Promise<AdminTenantDetail> {
    const record = await this.tenants.find(scopedId(id));
    if (!record) throw new ApiError('not_found');
    return fromRecord(record);
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
      if (tenant.managingPartnerId !== null && !(await this.tenants.isPartner(tenant.managingPartnerId, manager))) {
        throw invalidManagingPartner('managing_partner_id must be the id of a partner tenant.');
      }
      const created = { id: await this.tenants.create(manager, tenant) };
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
   * Resolves with the tenant as it now is and how many sessions ended (the portal tells the administrator).
   */
  async changeStatus(
    actor: AccessContext,
    id: string,
    status: TenantStatusChange,
  ): Promise<{ tenant: AdminTenantDetail; sessionsEnded: number }> {
    let sessionsEnded = 0;
    await this.change(
      id,
      (manager, tenantId) => this.tenants.changeStatus(manager, tenantId, status),
      { action: 'admin.tenant.status_changed', details: { status } },
      async (manager) => {
        sessionsEnded = status === 'suspended' ? await this.endSessionsOnSuspension(actor, id, manager) : 0;
        return { sessions_ended: sessionsEnded };
      },
    );
    return { tenant: await this.get(id), sessionsEnded };
  }

  /**
   * Ends every live session of the tenant (`revoked_by_admin`, with the administrator's note) but the caller's own,
   * and returns how many; the event (`admin.tenant.sessions_revoked`) is in the tenant's log. Members may sign in
   * again at once: this is a forced sign-in, not a suspension. 404 for an unknown or malformed id.
   */
  async revokeSessions(actor: AccessContext, callerSessionId: string, id: string, note: string): Promise<number> {
    const tenantId = scopedId(id);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.tenants.exists(tenantId, manager))) throw new ApiError('not_found');
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
    await this.change(id, (manager, tenantId) => this.tenants.changeSmsOtp(manager, tenantId, enabled), {
      action: 'admin.tenant.sms_otp_changed',
      details: { enabled },
    });
    return this.get(id);
  }

  async changeMfaPolicy(id: string, mfaPolicy: MfaPolicy): Promise<AdminTenantDetail> {
    await this.change(id, (manager, tenantId) => this.tenants.changeMfaPolicy(manager, tenantId, mfaPolicy), {
      action: 'admin.tenant.mfa_policy_changed',
      details: { mfa_policy: mfaPolicy },
    });
    return this.get(id);
  }

  /**
   * Applies `apply` (which changes the tenant only when that change is allowed, and says whether it exists at all): 404
   * when it does not, 409 `tenant_not_changeable` when it exists but may not be changed this way. A change writes its
   * audit event in the same transaction; a refused one writes none. `effect` runs in that transaction after the change
   * (ending sessions) and adds its details to the event.
   */
  private async change(
    id: string,
    apply: (manager: EntityManager, tenantId: string) => Promise<TenantChange>,
    event: Pick<AuditEventInput, 'action' | 'details'>,
    effect?: (manager: EntityManager) => Promise<Record<string, unknown>>,
  ): Promise<void> {
    const tenantId = scopedId(id);
    await this.dataSource.transaction(async (manager) => {
      const outcome = await apply(manager, tenantId);
      if (outcome !== 'changed') throw new ApiError(outcome === 'not_found' ? 'not_found' : 'tenant_not_changeable');
      const effectDetails = effect ? await effect(manager) : {};
      await this.audit.record(
        {
          ...event,
          details: { ...event.details, ...effectDetails },
          outcome: 'success',
          tenantId,
          targetId: tenantId,
        },
        { manager },
      );
    });
  }
}

function fromListRow(row: TenantListRow): AdminTenant {
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

function fromRecord({ tenant, memberCount, projects, managedClients }: TenantRecord): AdminTenantDetail {
  const partner = tenant.managingPartner;
  return {
    id: tenant.id,
    name: tenant.name,
    kind: tenant.kind,
    status: tenant.status,
    managingPartner: partner ? { id: partner.id, name: partner.name } : null,
    // A missing key, or anything but JSON `true`, reads as off (deny by default, spec/05).
    smsOtpEnabled: tenant.featureFlags['mfa.sms_otp.enabled'] === true,
    mfaPolicy: tenant.mfaPolicy,
    memberCount,
    createdAt: tenant.createdAt,
    projects: projects.map(({ id, name, status }) => ({ id, name, status })),
    managedClients: managedClients.map(({ id, name, status }) => ({ id, name, status })),
  };
}

function invalidManagingPartner(message: string): ApiError {
  return new ApiError('validation_failed', { fields: [{ field: 'managing_partner_id', message }] });
}
