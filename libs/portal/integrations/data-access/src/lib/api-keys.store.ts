import { Injectable, computed, inject, signal } from '@angular/core';
import {
  API_CLIENT,
  type ApiKeyDto,
  type ApiKeyScope,
  type CreatedApiKeyDto,
  createApiKey,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
} from '@aidial/portal/api-client';
import { type ApiProblem, type ApiResult, callApi } from '@aidial/portal/shared/data-access';

export type ApiKeysState =
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'loaded';
      readonly keys: readonly ApiKeyDto[];
      /** The scopes the caller's role may give a key. */
      readonly grantableScopes: readonly ApiKeyScope[];
      /** Whether the caller's role may create, rotate and revoke keys. */
      readonly canManage: boolean;
      readonly maxLifetimeDays: number;
    }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/** What a new key is for and may do. */
export interface NewApiKey {
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly expiresInDays: number;
  /** Partners: the managed client whose platform data the key reads; null for none. */
  readonly clientId: string | null;
  /** Null: every project the key's tenant (or client) lets it see. */
  readonly projectIds: readonly string[] | null;
}

/** A key's listing: everything the API says about it except the secret. */
export function withoutSecret(created: CreatedApiKeyDto): ApiKeyDto {
  const { key: _secret, ...listing } = created;
  return listing;
}

/**
 * The organisation's API keys over the generated client. A created or rotated key's secret is handed back to the
 * caller once, in the answer, and never kept here: the list holds listings only (prefix and last four).
 */
@Injectable()
export class ApiKeysStore {
  private readonly client = inject(API_CLIENT);
  private readonly current = signal<ApiKeysState>({ kind: 'loading' });

  readonly state = this.current.asReadonly();
  readonly keys = computed(() => {
    const state = this.current();
    return state.kind === 'loaded' ? state.keys : [];
  });
  /** A change in flight: the controls wait for it. */
  readonly saving = signal(false);
  /** Why the last rotation or revocation was refused. */
  readonly changeProblem = signal<ApiProblem | null>(null);

  async load(): Promise<void> {
    const result = await callApi(listApiKeys({ client: this.client }));
    this.current.set(
      result.ok
        ? {
            kind: 'loaded',
            keys: result.data.items,
            grantableScopes: result.data.grantable_scopes,
            canManage: result.data.can_manage,
            maxLifetimeDays: result.data.max_lifetime_days,
          }
        : { kind: 'error', problem: result.problem },
    );
  }

  /** Creates a key. The answer holds the whole key, for the caller to show once; the list gets its listing. */
  async create(key: NewApiKey): Promise<ApiResult<CreatedApiKeyDto>> {
    this.saving.set(true);
    const result = await callApi(
      createApiKey({
        client: this.client,
        body: {
          name: key.name,
          scopes: [...key.scopes],
          expires_in_days: key.expiresInDays,
          ...(key.clientId ? { client_id: key.clientId } : {}),
          ...(key.projectIds ? { project_ids: [...key.projectIds] } : {}),
        },
      }),
    );
    this.saving.set(false);
    if (result.ok) this.update((keys) => [withoutSecret(result.data), ...keys]);
    return result;
  }

  /**
   * Issues a new key with the same settings; the old one keeps working for `overlapHours`. The answer holds the new
   * key, once; the list is read again, since the old key's expiry changed.
   */
  async rotate(id: string, overlapHours: number): Promise<ApiResult<CreatedApiKeyDto>> {
    this.saving.set(true);
    this.changeProblem.set(null);
    const result = await callApi(
      rotateApiKey({ client: this.client, path: { id }, body: { overlap_hours: overlapHours } }),
    );
    this.saving.set(false);
    if (!result.ok) {
      this.changeProblem.set(result.problem);
      return result;
    }
    this.update((keys) => [withoutSecret(result.data), ...keys]);
    await this.load();
    return result;
  }

  /** Revokes a key at once. */
  async revoke(id: string): Promise<boolean> {
    this.saving.set(true);
    this.changeProblem.set(null);
    const result = await callApi(revokeApiKey({ client: this.client, path: { id } }));
    this.saving.set(false);
    if (!result.ok) {
      this.changeProblem.set(result.problem);
      return false;
    }
    await this.load();
    return true;
  }

  private update(change: (keys: readonly ApiKeyDto[]) => readonly ApiKeyDto[]): void {
    const state = this.current();
    if (state.kind === 'loaded') this.current.set({ ...state, keys: change(state.keys) });
  }
}
