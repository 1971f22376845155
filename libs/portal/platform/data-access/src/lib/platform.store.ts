import { Injectable, computed, inject } from '@angular/core';
import {
  API_CLIENT,
  type CallDirection,
  type CallOutcome,
  type PlatformCallDto,
  getBillingSummary,
  getCalls,
  getCampaigns,
  getCapacity,
  getDashboard,
  getDashboardSummary,
} from '@aidial/portal/api-client';
import { CursorList, callApi } from '@aidial/portal/shared/data-access';
import { PlatformResource, type PlatformView, platformProblemView } from './platform-view';

export interface CallFilters {
  readonly outcome: CallOutcome | null;
  readonly direction: CallDirection | null;
}

export const CALLS_PAGE_SIZE = 25;

/**
 * The AiDial platform's data behind Dashboard, Calls, Billing, Outbound Campaigns and Capacity, read through the
 * API's proxy (`/api/platform/...`) for the customer shown: the caller's own, or a partner's selected client. Each
 * page reads only what it shows. Project names come from the portal's own workspace (GET /api/dashboard).
 */
@Injectable()
export class PlatformStore {
  private readonly client = inject(API_CLIENT);

  readonly summary = new PlatformResource(() => callApi(getDashboardSummary({ client: this.client })));
  readonly billing = new PlatformResource(() => callApi(getBillingSummary({ client: this.client })));
  readonly campaigns = new PlatformResource(() => callApi(getCampaigns({ client: this.client })));
  readonly capacity = new PlatformResource(() => callApi(getCapacity({ client: this.client })));
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

  /** Project names by id, once the workspace is read. */
  readonly projectNames = computed<Readonly<Record<string, string>>>(() => {
    const view = this.workspace.view();
    return view.kind === 'loaded'
      ? Object.fromEntries(view.data.projects.map((project) => [project.id, project.name]))
      : {};
  });
}
