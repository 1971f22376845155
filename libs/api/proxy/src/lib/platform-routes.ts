import type { Section } from '@aidial/shared/access';

/**
 * The allow-list: the only platform API routes the proxy forwards, each with the portal section that guards it, whether
 * its data belongs to one customer (a partner must have a client selected, or a key made for one) and the query
 * parameters passed on (validated first by the route's query DTO, dto/platform-queries.dto.ts). Nothing else of the platform API is reachable through AiDial Access.
 */
export interface PlatformRoute {
  /** The path under `/api/platform/` and `/v1/platform/`, and under AIDIAL_API_BASE_URL. */
  readonly path: string;
  readonly section: Section;
  /** Client-scoped: the data of one customer tenant (409 `client_selection_required` for a partner without one). */
  readonly clientScoped: boolean;
  readonly query: readonly string[];
}

export const PLATFORM_ROUTES = {
  dashboardSummary: { path: 'dashboard/summary', section: 'dashboard', clientScoped: true, query: [] },
  calls: {
    path: 'calls',
    section: 'calls',
    clientScoped: true,
    query: ['project_id', 'direction', 'outcome', 'cursor', 'limit'],
  },
  call: { path: 'calls/:id', section: 'calls', clientScoped: true, query: [] },
  billingSummary: { path: 'billing/summary', section: 'billing', clientScoped: true, query: ['period'] },
  campaigns: { path: 'campaigns', section: 'partner_campaigns', clientScoped: true, query: ['project_id', 'status'] },
  capacity: { path: 'capacity', section: 'capacity', clientScoped: false, query: [] },
  complianceRecords: {
    path: 'compliance/records',
    section: 'compliance',
    clientScoped: true,
    query: ['project_id', 'result'],
  },
  complianceSettings: { path: 'compliance/settings', section: 'compliance_admin', clientScoped: true, query: [] },
  // The internal admin area's platform-wide data: section `admin` (aidial_admin, aidial_operator).
  incidents: { path: 'incidents', section: 'admin', clientScoped: false, query: ['status'] },
  discounts: { path: 'discounts', section: 'admin', clientScoped: false, query: ['tenant_id', 'status'] },
  adjustments: { path: 'adjustments', section: 'admin', clientScoped: false, query: ['tenant_id', 'period'] },
} as const satisfies Record<string, PlatformRoute>;

export type PlatformRouteName = keyof typeof PLATFORM_ROUTES;

/** A path parameter the platform could be asked for; anything else is answered 404 without calling it. */
export const PLATFORM_ID = /^[A-Za-z0-9_-]{1,64}$/;
