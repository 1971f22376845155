import { Injectable, inject, signal } from '@angular/core';
import {
  API_CLIENT,
  type AdminTenantDetailDto,
  type AdminTenantDto,
  type MfaPolicy,
  type NewTenantKind,
  type TenantKind,
  type TenantStatus,
  changeTenantFeatures,
  changeTenantMfaPolicy,
  changeTenantStatus,
  createTenant,
  getTenant,
  listTenants,
  revokeTenantSessions,
} from '@aidial/portal/api-client';
import { type ApiProblem, type ApiResult, CursorList, callApi } from '@aidial/portal/shared/data-access';

export interface TenantFilters {
  /** Part of a tenant's name; blank for all. */
  readonly q: string;
  readonly kind: TenantKind | null;
  readonly status: TenantStatus | null;
}

export interface NewTenant {
  readonly name: string;
  readonly kind: NewTenantKind;
  readonly managingPartnerId: string | null;
}

/** The admin Tenants list: search by name, filter by kind and status, a page at a time. */
@Injectable()
export class TenantListStore {
  private readonly client = inject(API_CLIENT);

  readonly list = new CursorList<AdminTenantDto, TenantFilters>(
    { q: '', kind: null, status: null },
    (filters, cursor) =>
      callApi(
        listTenants({
          client: this.client,
          query: {
            ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
            ...(filters.kind ? { kind: filters.kind } : {}),
            ...(filters.status ? { status: filters.status } : {}),
            ...(cursor ? { cursor } : {}),
          },
        }),
      ),
  );

  /** Partner tenants a new customer tenant may be managed by (the first hundred, by name). */
  readonly partners = signal<readonly AdminTenantDto[]>([]);

  async loadPartners(): Promise<void> {
    const result = await callApi(listTenants({ client: this.client, query: { kind: 'partner', limit: 100 } }));
    if (result.ok) this.partners.set(result.data.items);
  }

  /** Creates a customer or partner tenant; the answer is its detail, or the problem (field errors included). */
  create(tenant: NewTenant): Promise<ApiResult<AdminTenantDetailDto>> {
    return callApi(
      createTenant({
        client: this.client,
        body: {
          name: tenant.name,
          kind: tenant.kind,
          ...(tenant.kind === 'customer' && tenant.managingPartnerId
            ? { managing_partner_id: tenant.managingPartnerId }
            : {}),
        },
      }),
    );
  }
}

export type TenantDetailState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly tenant: AdminTenantDetailDto }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/** One tenant in the admin area, and the changes an administrator makes to it. */
@Injectable()
export class TenantDetailStore {
  private readonly client = inject(API_CLIENT);
  private readonly current = signal<TenantDetailState>({ kind: 'loading' });

  readonly state = this.current.asReadonly();
  /** A change in flight: the controls wait for it. */
  readonly saving = signal(false);
  /** Why the last change was refused (403 insufficient_role, 409 tenant_not_changeable…). */
  readonly changeProblem = signal<ApiProblem | null>(null);

  async load(id: string): Promise<void> {
    this.current.set({ kind: 'loading' });
    const result = await callApi(getTenant({ client: this.client, path: { id } }));
    this.current.set(result.ok ? { kind: 'loaded', tenant: result.data } : { kind: 'error', problem: result.problem });
  }

  /**
   * Suspends or reactivates the tenant. Resolves with how many live sessions the change ended (every one of its
   * members' on suspension), or null when it was refused (`changeProblem` says why).
   */
  async setStatus(status: 'active' | 'suspended'): Promise<number | null> {
    const changed = await this.change((id) =>
      changeTenantStatus({ client: this.client, path: { id }, body: { status } }),
    );
    return changed ? changed.sessions_ended : null;
  }

  setSmsOtp(enabled: boolean): Promise<boolean> {
    return this.succeeded(
      this.change((id) =>
        changeTenantFeatures({ client: this.client, path: { id }, body: { sms_otp_enabled: enabled } }),
      ),
    );
  }

  setMfaPolicy(policy: MfaPolicy): Promise<boolean> {
    return this.succeeded(
      this.change((id) => changeTenantMfaPolicy({ client: this.client, path: { id }, body: { mfa_policy: policy } })),
    );
  }

  /** Ends every live session in the tenant, with the note its members will read. Resolves with how many, or null. */
  async revokeSessions(note: string): Promise<number | null> {
    const state = this.current();
    if (state.kind !== 'loaded') return null;
    this.saving.set(true);
    this.changeProblem.set(null);
    const result = await callApi(
      revokeTenantSessions({ client: this.client, path: { id: state.tenant.id }, body: { note } }),
    );
    this.saving.set(false);
    if (!result.ok) {
      this.changeProblem.set(result.problem);
      return null;
    }
    return result.data.revoked;
  }

  private async succeeded(change: Promise<unknown>): Promise<boolean> {
    return (await change) !== null;
  }

  /** Sends one change; the answer (the tenant as it now is, perhaps with more) replaces the tenant shown. */
  private async change<T extends AdminTenantDetailDto>(
    request: (id: string) => Promise<{ data?: T; error?: unknown; response?: { status: number } }>,
  ): Promise<T | null> {
    const state = this.current();
    if (state.kind !== 'loaded') return null;
    this.saving.set(true);
    this.changeProblem.set(null);
    const result = await callApi(request(state.tenant.id));
    this.saving.set(false);
    if (!result.ok) {
      this.changeProblem.set(result.problem);
      return null;
    }
    this.current.set({ kind: 'loaded', tenant: detailOf(result.data) });
    return result.data;
  }
}

/** The tenant's own fields of an answer (a status change adds `sessions_ended`, which is not the tenant's). */
function detailOf(answer: AdminTenantDetailDto & { sessions_ended?: number }): AdminTenantDetailDto {
  const { sessions_ended: _ended, ...tenant } = answer;
  return tenant;
}
