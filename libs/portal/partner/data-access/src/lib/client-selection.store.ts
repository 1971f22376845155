import { Injectable, computed, inject, signal } from '@angular/core';
import { API_CLIENT, type PartnerClientDto, listPartnerClients, selectPartnerClient } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import { type ApiProblem, callApi } from '@aidial/portal/shared/data-access';

export type ClientListState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly clients: readonly PartnerClientDto[] }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/**
 * A partner's clients and which one the session has selected (spec: tenant scoping, client selection). Selecting
 * changes the session at the API, then reloads the session store: pages that read the selected client follow it.
 */
@Injectable({ providedIn: 'root' })
export class ClientSelectionStore {
  private readonly client = inject(API_CLIENT);
  private readonly sessionStore = inject(SessionStore);
  private readonly current = signal<ClientListState>({ kind: 'idle' });

  readonly state = this.current.asReadonly();
  readonly clients = computed(() => {
    const state = this.current();
    return state.kind === 'loaded' ? state.clients : [];
  });
  /** The session's selected client, as GET /api/session says. */
  readonly selectedClient = computed(() => this.sessionStore.session()?.client ?? null);
  readonly selecting = signal(false);
  readonly selectProblem = signal<ApiProblem | null>(null);

  async load(): Promise<void> {
    this.current.set({ kind: 'loading' });
    const result = await callApi(listPartnerClients({ client: this.client }));
    this.current.set(
      result.ok ? { kind: 'loaded', clients: result.data.items } : { kind: 'error', problem: result.problem },
    );
  }

  /** Selects a client (or none) for this session; true once the session store has the new selection. */
  async select(clientId: string | null): Promise<boolean> {
    this.selecting.set(true);
    this.selectProblem.set(null);
    const result = await callApi(selectPartnerClient({ client: this.client, body: { client_id: clientId } }));
    if (!result.ok) {
      this.selecting.set(false);
      this.selectProblem.set(result.problem);
      return false;
    }
    await this.sessionStore.load();
    this.current.update((state) =>
      state.kind === 'loaded'
        ? { ...state, clients: state.clients.map((item) => ({ ...item, selected: item.id === clientId })) }
        : state,
    );
    this.selecting.set(false);
    return true;
  }
}
