import { Injectable, inject } from '@angular/core';
import {
  API_CLIENT,
  type AdminOverviewDto,
  type AuditEventDto,
  getAdminOverview,
  listAuditEvents,
} from '@aidial/portal/api-client';
import { ApiResource, callApi, readStateOf } from '@aidial/portal/shared/data-access';

/** How many of the latest audit events the admin home shows. */
const RECENT_SECURITY_EVENTS = 8;

/**
 * The admin home's reads: the overview (GET /api/admin/overview: tenants by status, mandatory-MFA members without a
 * second factor, the identity provider's state) and the latest audit events, every tenant's (GET /api/audit-events).
 * The platform's state is the platform store's capacity read.
 */
@Injectable()
export class AdminOverviewStore {
  private readonly client = inject(API_CLIENT);

  readonly overview = new ApiResource<AdminOverviewDto>(
    () => callApi(getAdminOverview({ client: this.client })),
    readStateOf,
  );
  readonly recentEvents = new ApiResource<readonly AuditEventDto[]>(async () => {
    const result = await callApi(listAuditEvents({ client: this.client, query: { limit: RECENT_SECURITY_EVENTS } }));
    return result.ok ? { ok: true, data: result.data.items } : result;
  }, readStateOf);
}
