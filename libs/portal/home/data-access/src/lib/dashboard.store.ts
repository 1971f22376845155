import { Injectable, inject, signal } from '@angular/core';
import { API_CLIENT, type DashboardDto, getDashboard } from '@aidial/portal/api-client';
import { type ApiProblem, callApi } from '@aidial/portal/shared/data-access';

export type DashboardState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly dashboard: DashboardDto }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/** The Dashboard's summary (GET /api/dashboard): the organisation, the selected client, the projects in scope. */
@Injectable()
export class DashboardStore {
  private readonly client = inject(API_CLIENT);
  private readonly current = signal<DashboardState>({ kind: 'loading' });
  private latest = 0;

  readonly state = this.current.asReadonly();

  async load(): Promise<void> {
    const request = ++this.latest;
    this.current.set({ kind: 'loading' });
    const result = await callApi(getDashboard({ client: this.client }));
    if (request !== this.latest) return;
    this.current.set(
      result.ok ? { kind: 'loaded', dashboard: result.data } : { kind: 'error', problem: result.problem },
    );
  }
}
