import { Injectable, computed, inject, signal } from '@angular/core';
import {
  API_CLIENT,
  type CallDirection,
  type CallOutcome,
  type ComplianceResult,
  type PlatformCallDto,
  getAdjustments,
  getBillingSummary,
  getCalls,
  getCampaigns,
  getCapacity,
  getComplianceRecords,
  getComplianceSettings,
  getDashboard,
  getDashboardSummary,
  getDiscounts,
  getIncidents,
} from '@aidial/portal/api-client';
import { CursorList, callApi } from '@aidial/portal/shared/data-access';
import { PlatformResource, type PlatformView, platformProblemView } from './platform-view';

export interface CallFilters {
  readonly outcome: CallOutcome | null;
  readonly direction: CallDirection | null;
}

export const CALLS_PAGE_SIZE = 25;

/**
 * The AiDial platform's data behind Dashboard, Calls, Billing, Outbound Campaigns, Capacity, Compliance (and its
 * administration) and the admin area's Incidents, Discounts and Adjustments, read through the API's proxy
 * (`/api/platform/...`) for the customer shown: the caller's own, or a partner's selected client; platform-wide for
 * AiDial staff. Each page reads only what it shows. Project names come from the portal's own workspace
 * (GET /api/dashboard).
 */
@Injectable()
export class PlatformStore {
  private readonly client = inject(API_CLIENT);
  /** The Compliance page's result filter; null for every result. */
  private readonly complianceResult = signal<ComplianceResult | null>(null);

  readonly summary = new PlatformResource(() => callApi(getDashboardSummary({ client: this.client })));
  readonly billing = new PlatformResource(() => callApi(getBillingSummary({ client: this.client })));
  readonly campaigns = new PlatformResource(() => callApi(getCampaigns({ client: this.client })));
  readonly capacity = new PlatformResource(() => callApi(getCapacity({ client: this.client })));
  readonly compliance = new PlatformResource(() => {
    const result = this.complianceResult();
    return callApi(getComplianceRecords({ client: this.client, query: result ? { result } : {} }));
  });
  readonly complianceSettings = new PlatformResource(() => callApi(getComplianceSettings({ client: this.client })));
  readonly incidents = new PlatformResource(() => callApi(getIncidents({ client: this.client })));
  readonly discounts = new PlatformResource(() => callApi(getDiscounts({ client: this.client })));
  readonly adjustments = new PlatformResource(() => callApi(getAdjustments({ client: this.client })));
  /** The projects of the customer shown, for names. */
  readonly workspace = new PlatformResource(() => callApi(getDashboard({ client: this.client })));

  readonly calls = new CursorList<PlatformCallDto, CallFilters>({ outcome: null, direction: null }, (filters, cursor) =>
    callApi(
      getCalls({
        client: this.client,
        query: {
          limit: CALLS_PAGE_SIZE,
          ...(filters.outcome ? { outcome: filters.outcome } : {}),
          ...(filters.direction ? { direction: filters.direction } : {}),
          ...(cursor ? { cursor } : {}),
        },
      }),
    ),
  );
  readonly callsView = computed<PlatformView<{ items: readonly PlatformCallDto[] }>>(() => {
    const state = this.calls.state();
    if (state.kind === 'loading') return state;
    if (state.kind === 'error') return platformProblemView(state.problem);
    return { kind: 'loaded', data: { items: state.items } };
  });

  /** Reads the compliance checks again with another result filter. */
  async filterCompliance(result: ComplianceResult | null): Promise<void> {
    this.complianceResult.set(result);
    await this.compliance.load();
  }

  /** Project names by id, once the workspace is read. */
  readonly projectNames = computed<Readonly<Record<string, string>>>(() => {
    const view = this.workspace.view();
    return view.kind === 'loaded'
      ? Object.fromEntries(view.data.projects.map((project) => [project.id, project.name]))
      : {};
  });
}
