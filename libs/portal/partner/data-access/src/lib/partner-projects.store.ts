import { Injectable, inject, signal } from '@angular/core';
import { API_CLIENT, type PartnerProjectDto, listPartnerProjects } from '@aidial/portal/api-client';
import { type ApiProblem, callApi } from '@aidial/portal/shared/data-access';

export type PartnerProjectsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly projects: readonly PartnerProjectDto[] }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/** The projects of a partner's clients, all of them or one client's. */
@Injectable()
export class PartnerProjectsStore {
  private readonly client = inject(API_CLIENT);
  private readonly current = signal<PartnerProjectsState>({ kind: 'loading' });
  private latest = 0;

  readonly state = this.current.asReadonly();
  /** The client filter; null for every client. */
  readonly clientFilter = signal<string | null>(null);

  async load(clientId: string | null = this.clientFilter()): Promise<void> {
    const request = ++this.latest;
    this.clientFilter.set(clientId);
    this.current.set({ kind: 'loading' });
    const result = await callApi(
      listPartnerProjects({ client: this.client, query: clientId ? { client_id: clientId } : {} }),
    );
    if (request !== this.latest) return;
    this.current.set(
      result.ok ? { kind: 'loaded', projects: result.data.items } : { kind: 'error', problem: result.problem },
    );
  }
}
