import { Injectable, inject, signal } from '@angular/core';
import {
  API_CLIENT,
  type AdminUserDto,
  assignUserRole,
  getUser,
  listUsers,
  removeUserMembership,
  revokeUserSessions,
} from '@aidial/portal/api-client';
import { type ApiProblem, CursorList, callApi } from '@aidial/portal/shared/data-access';
import type { Role } from '@aidial/shared/access';

export interface UserFilters {
  /** Part of an email address or display name; blank for all. */
  readonly q: string;
}

/** The admin Users list: search by email or name, a page at a time. */
@Injectable()
export class UserListStore {
  private readonly client = inject(API_CLIENT);

  readonly list = new CursorList<AdminUserDto, UserFilters>({ q: '' }, (filters, cursor) =>
    callApi(
      listUsers({
        client: this.client,
        query: { ...(filters.q.trim() ? { q: filters.q.trim() } : {}), ...(cursor ? { cursor } : {}) },
      }),
    ),
  );
}

export type UserDetailState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly user: AdminUserDto }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/** One user in the admin area: their memberships, a role assigned per tenant, a membership removed. */
@Injectable()
export class UserDetailStore {
  private readonly client = inject(API_CLIENT);
  private readonly current = signal<UserDetailState>({ kind: 'loading' });

  readonly state = this.current.asReadonly();
  readonly saving = signal(false);
  readonly changeProblem = signal<ApiProblem | null>(null);

  async load(id: string): Promise<void> {
    this.current.set({ kind: 'loading' });
    const result = await callApi(getUser({ client: this.client, path: { id } }));
    this.current.set(result.ok ? { kind: 'loaded', user: result.data } : { kind: 'error', problem: result.problem });
  }

  async assignRole(tenantId: string, role: Role): Promise<boolean> {
    const user = this.loadedUser();
    if (!user) return false;
    const result = await this.run(() =>
      callApi(assignUserRole({ client: this.client, path: { id: user.id, tenantId }, body: { role } })),
    );
    if (result) this.current.set({ kind: 'loaded', user: result });
    return result !== null;
  }

  async removeMembership(tenantId: string): Promise<boolean> {
    const user = this.loadedUser();
    if (!user) return false;
    const removed = await this.run(async () => {
      const result = await callApi(removeUserMembership({ client: this.client, path: { id: user.id, tenantId } }));
      return result.ok ? { ok: true as const, data: true } : result;
    });
    if (removed) {
      this.current.set({
        kind: 'loaded',
        user: { ...user, memberships: user.memberships.filter((membership) => membership.tenant.id !== tenantId) },
      });
    }
    return removed !== null;
  }

  /** Ends every live session of the user, in every tenant, with the note they will read. Resolves with how many. */
  async revokeSessions(note: string): Promise<number | null> {
    const user = this.loadedUser();
    if (!user) return null;
    const revoked = await this.run(() =>
      callApi(revokeUserSessions({ client: this.client, path: { id: user.id }, body: { note } })),
    );
    return revoked?.revoked ?? null;
  }

  private loadedUser(): AdminUserDto | null {
    const state = this.current();
    return state.kind === 'loaded' ? state.user : null;
  }

  private async run<T>(
    request: () => Promise<{ ok: true; data: T } | { ok: false; problem: ApiProblem }>,
  ): Promise<T | null> {
    this.saving.set(true);
    this.changeProblem.set(null);
    const result = await request();
    this.saving.set(false);
    if (result.ok) return result.data;
    this.changeProblem.set(result.problem);
    return null;
  }
}
