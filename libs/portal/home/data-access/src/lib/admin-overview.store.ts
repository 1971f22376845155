import { Injectable, inject, signal } from '@angular/core';
import {
  API_CLIENT,
  type AdminOverviewDto,
  type AuditEventDto,
  getAdminOverview,
  listAuditEvents,
} from '@aidial/portal/api-client';
import { type ApiProblem, type ApiResult, callApi } from '@aidial/portal/shared/data-access';

/** How many of the latest audit events the admin home shows. */
export const RECENT_SECURITY_EVENTS = 8;

export type ReadState<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly data: T }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/** One read, done again on demand; only the latest request may set the state. */
export class Read<T> {
  private readonly current = signal<ReadState<T>>({ kind: 'loading' });
  private latest = 0;

  readonly state = this.current.asReadonly();

  constructor(private readonly fetch: () => Promise<ApiResult<T>>) {}

  async load(): Promise<void> {
    const request = ++this.latest;
    this.current.set({ kind: 'loading' });
    const result = await this.fetch();
    if (request !== this.latest) return;
    this.current.set(result.ok ? { kind: 'loaded', data: result.data } : { kind: 'error', problem: result.problem });
  }
}

/**
 * The admin home's reads: the overview (GET /api/admin/overview: tenants by status, mandatory-MFA members without a
 * second factor, the identity provider's state) and the latest audit events, every tenant's (GET /api/audit-events).
 * The platform's state is the platform store's capacity read.
 */
@Injectable()
export class AdminOverviewStore {
  private readonly client = inject(API_CLIENT);

  readonly overview = new Read<AdminOverviewDto>(() => callApi(getAdminOverview({ client: this.client })));
  readonly recentEvents = new Read<readonly AuditEventDto[]>(async () => {
    const result = await callApi(listAuditEvents({ client: this.client, query: { limit: RECENT_SECURITY_EVENTS } }));
    return result.ok ? { ok: true, data: result.data.items } : result;
  });
}
