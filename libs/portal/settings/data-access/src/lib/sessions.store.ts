import { Injectable, computed, inject, signal } from '@angular/core';
import {
  API_CLIENT,
  type EndedSessionDto,
  type SessionDto,
  listMyEndedSessions,
  listMySessions,
  revokeMyOtherSessions,
  revokeMySession,
} from '@aidial/portal/api-client';
import { type ApiProblem, type ApiResult, callApi } from '@aidial/portal/shared/data-access';

export type ActiveSessionsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly sessions: readonly SessionDto[] }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

export type EndedSessionsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly sessions: readonly EndedSessionDto[]; readonly retentionDays: number }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/**
 * The signed-in user's sessions in the current tenant: the live ones (this browser's marked `current`) and the ended
 * ones the API keeps for a while, and the changes: revoking one session, or every session but this one.
 */
@Injectable()
export class SessionsStore {
  private readonly client = inject(API_CLIENT);

  private readonly activeState = signal<ActiveSessionsState>({ kind: 'loading' });
  private readonly endedState = signal<EndedSessionsState>({ kind: 'loading' });

  readonly active = this.activeState.asReadonly();
  readonly ended = this.endedState.asReadonly();
  /** The live sessions other than this browser's. */
  readonly others = computed(() => {
    const state = this.activeState();
    return state.kind === 'loaded' ? state.sessions.filter((session) => !session.current) : [];
  });
  /** A change in flight: the buttons wait for it. */
  readonly saving = signal(false);
  /** Why the last change was refused. */
  readonly changeProblem = signal<ApiProblem | null>(null);

  async load(): Promise<void> {
    this.activeState.set({ kind: 'loading' });
    this.endedState.set({ kind: 'loading' });
    await Promise.all([this.loadActive(), this.loadEnded()]);
  }

  async loadActive(): Promise<void> {
    const result = await callApi(listMySessions({ client: this.client }));
    this.activeState.set(
      result.ok ? { kind: 'loaded', sessions: result.data.items } : { kind: 'error', problem: result.problem },
    );
  }

  async loadEnded(): Promise<void> {
    const result = await callApi(listMyEndedSessions({ client: this.client }));
    this.endedState.set(
      result.ok
        ? { kind: 'loaded', sessions: result.data.items, retentionDays: result.data.retention_days }
        : { kind: 'error', problem: result.problem },
    );
  }

  /** Ends another of the user's sessions; on success it leaves the live list and joins the ended one. */
  async revoke(id: string): Promise<boolean> {
    const result = await this.change(callApi(revokeMySession({ client: this.client, path: { id } })));
    if (!result.ok) return false;
    this.keepLive((session) => session.id !== id);
    await this.loadEnded();
    return true;
  }

  /** "Sign out everywhere else": every live session but this browser's. Resolves with how many ended, or null. */
  async revokeOthers(): Promise<number | null> {
    const result = await this.change(callApi(revokeMyOtherSessions({ client: this.client })));
    if (!result.ok) return null;
    this.keepLive((session) => session.current);
    await this.loadEnded();
    return result.data.revoked;
  }

  private keepLive(keep: (session: SessionDto) => boolean): void {
    const state = this.activeState();
    if (state.kind === 'loaded') this.activeState.set({ kind: 'loaded', sessions: state.sessions.filter(keep) });
  }

  private async change<T>(request: Promise<ApiResult<T>>): Promise<ApiResult<T>> {
    this.saving.set(true);
    this.changeProblem.set(null);
    const result = await request;
    this.saving.set(false);
    if (!result.ok) this.changeProblem.set(result.problem);
    return result;
  }
}
