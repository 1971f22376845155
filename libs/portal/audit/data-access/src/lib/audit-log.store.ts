import { Injectable, computed, inject, signal } from '@angular/core';
import {
  API_CLIENT,
  type AuditActorDto,
  type AuditChainVerificationDto,
  type AuditEventDto,
  listAuditActors,
  listAuditEvents,
  listTenants,
  verifyAuditChain,
} from '@aidial/portal/api-client';
import { type ApiProblem, CursorList, callApi } from '@aidial/portal/shared/data-access';
import { type AuditFilters, NO_AUDIT_FILTERS, auditExportHref, auditQueryOf } from './audit-filters';

/** Events a page holds. */
export const AUDIT_PAGE_SIZE = 50;

/** What the events list shows: every state the page names. */
export type AuditLogView =
  | { readonly kind: 'loading' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'loaded'; readonly events: readonly AuditEventDto[] }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/** The integrity check of one chain: which chain, and what the API found. */
export type ChainVerification =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking'; readonly tenantId: string | null }
  | { readonly kind: 'checked'; readonly tenantId: string | null; readonly result: AuditChainVerificationDto }
  | { readonly kind: 'error'; readonly tenantId: string | null; readonly problem: ApiProblem };

/** The people (and other actors) the actor filter offers: everyone who acts in the scope on show. */
export type AuditActorsView =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly actors: readonly AuditActorDto[] }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/** A tenant an internal user can filter by or verify. */
export interface AuditTenantOption {
  readonly id: string;
  readonly name: string;
}

/** The most tenants the tenant filter lists (the admin tenants list, a hundred at a time). */
const TENANT_PAGES = 10;

/**
 * The Audit Log over the generated client: the events of the caller's scope, newest first, a page at a time for the
 * filters; the CSV export of the same filters; and, for internal roles, the tenants to filter by and the hash-chain
 * check of one tenant's events. The scope itself is the API's decision: the store only passes the filters on.
 */
@Injectable()
export class AuditLogStore {
  private readonly client = inject(API_CLIENT);

  /** Older pages follow `next_cursor`; Newer goes back to the page before. */
  readonly list = new CursorList<AuditEventDto, AuditFilters>(NO_AUDIT_FILTERS, (filters, cursor) =>
    callApi(
      listAuditEvents({
        client: this.client,
        query: { ...auditQueryOf(filters), limit: AUDIT_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
      }),
    ),
  );

  /** The filters of the events on show. */
  readonly filters = this.list.filters.asReadonly();
  readonly view = computed<AuditLogView>(() => {
    const state = this.list.state();
    if (state.kind !== 'loaded') return state;
    return state.items.length === 0 ? { kind: 'empty' } : { kind: 'loaded', events: state.items };
  });
  readonly pageNumber = this.list.pageNumber;
  readonly hasNewer = this.list.hasPrevious;
  readonly hasOlder = this.list.hasNext;
  /** The CSV of exactly the filters on show (never the form's unsubmitted ones). */
  readonly exportHref = computed(() => auditExportHref(this.list.filters()));

  private readonly verificationState = signal<ChainVerification>({ kind: 'idle' });
  readonly verification = this.verificationState.asReadonly();

  private readonly tenantOptions = signal<readonly AuditTenantOption[]>([]);
  readonly tenants = this.tenantOptions.asReadonly();

  private readonly actorsState = signal<AuditActorsView>({ kind: 'loading' });
  readonly actorsView = this.actorsState.asReadonly();
  /** The actors on offer (empty while loading or after a failure). */
  readonly actors = computed(() => {
    const view = this.actorsState();
    return view.kind === 'loaded' ? view.actors : [];
  });
  /** The scope the actors were read for, so a change of the other filters does not read them again. */
  private actorsScope: string | null = null;

  /** Shows the first (newest) page of events for these filters. */
  search(filters: AuditFilters): Promise<void> {
    return this.list.search(filters);
  }

  older(): Promise<void> {
    return this.list.next();
  }

  newer(): Promise<void> {
    return this.list.previous();
  }

  reload(): Promise<void> {
    return this.list.load();
  }

  /**
   * The actors of the scope these filters choose (a partner's one client, an internal role's one tenant, or the
   * caller's whole scope), for the person picker; read again only when that scope changes.
   */
  async loadActors(filters: AuditFilters): Promise<void> {
    const query = {
      ...(filters.clientId ? { client_id: filters.clientId } : {}),
      ...(filters.tenantId ? { tenant_id: filters.tenantId } : {}),
    };
    const scope = JSON.stringify(query);
    if (scope === this.actorsScope && this.actorsState().kind !== 'error') return;
    this.actorsScope = scope;
    this.actorsState.set({ kind: 'loading' });
    const result = await callApi(listAuditActors({ client: this.client, query }));
    // A later scope's answer wins over an earlier one that arrives late.
    if (scope !== this.actorsScope) return;
    this.actorsState.set(
      result.ok ? { kind: 'loaded', actors: result.data.items } : { kind: 'error', problem: result.problem },
    );
  }

  /** Internal roles: every tenant by name, for the tenant filter and the integrity check. */
  async loadTenants(): Promise<void> {
    const tenants: AuditTenantOption[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < TENANT_PAGES; page++) {
      const result = await callApi(
        listTenants({ client: this.client, query: { limit: 100, ...(cursor ? { cursor } : {}) } }),
      );
      if (!result.ok) break;
      tenants.push(...result.data.items.map(({ id, name }) => ({ id, name })));
      if (!result.data.next_cursor) break;
      cursor = result.data.next_cursor;
    }
    this.tenantOptions.set(tenants.sort((a, b) => a.name.localeCompare(b.name)));
  }

  /** Internal roles: recomputes the hash chain of one tenant's events (null: the events of no tenant). */
  async verify(tenantId: string | null): Promise<void> {
    this.verificationState.set({ kind: 'checking', tenantId });
    const result = await callApi(
      verifyAuditChain({ client: this.client, query: tenantId ? { tenant_id: tenantId } : {} }),
    );
    this.verificationState.set(
      result.ok
        ? { kind: 'checked', tenantId, result: result.data }
        : { kind: 'error', tenantId, problem: result.problem },
    );
  }
}
