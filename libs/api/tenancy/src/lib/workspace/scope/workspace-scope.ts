import { type AccessContext, ApiError } from '@aidial/api/core';

/**
 * The project ids a caller may see, as one SQL parameter: null for every project of the shown tenant, or the list of a
 * `selected` scope (possibly empty). Used as `($n::uuid[] IS NULL OR p.id = ANY($n::uuid[]))`, one query shape for both.
 */
export type ProjectFilter = readonly string[] | null;

/**
 * The one place that says whose data a workspace request may see (DESIGN.md §5, "resource of another tenant, client or
 * project"). Every query of the workspace module takes its tenant, client and project filters from here, never from a
 * raw id in the request, so an out-of-scope row is simply not found.
 *
 * - the shown customer tenant: a customer role's own tenant; a partner role's selected client (still managed by the
 *   partner and active, re-checked by the access context on every request), else 409 `client_selection_required`;
 * - the caller's own tenant (Team, Partner Team);
 * - the partner tenant whose managed clients the partner workspace lists;
 * - the project filter of the caller's membership.
 */
export class WorkspaceScope {
  private constructor(private readonly context: AccessContext) {}

  static of(context: AccessContext): WorkspaceScope {
    return new WorkspaceScope(context);
  }

  get userId(): string {
    return this.context.userId;
  }

  get role(): AccessContext['role'] {
    return this.context.role;
  }

  /** The caller's own tenant, whatever its kind. */
  get ownTenant(): AccessContext['tenant'] {
    return this.context.tenant;
  }

  get isPartner(): boolean {
    return this.context.tenant.kind === 'partner';
  }

  /** The customer tenant whose data is shown, or null for a partner that has not selected a client. */
  get shownCustomerOrNull(): { readonly id: string; readonly name: string } | null {
    if (this.context.tenant.kind === 'customer') return { id: this.context.tenant.id, name: this.context.tenant.name };
    if (this.context.tenant.kind === 'partner') return this.context.client;
    return null;
  }

  /** The customer tenant whose data is shown; a partner without a selected client gets 409 `client_selection_required`. */
  get shownCustomer(): { readonly id: string; readonly name: string } {
    const shown = this.shownCustomerOrNull;
    if (shown) return shown;
    if (this.isPartner) throw new ApiError('client_selection_required');
    // Internal roles never reach workspace sections (the guard answers 404 first); answer the same if one ever did.
    throw new ApiError('not_found');
  }

  /** The partner tenant whose managed clients the partner workspace shows; anyone else is answered as if the route did not exist. */
  get partnerTenantId(): string {
    if (!this.isPartner) throw new ApiError('not_found');
    return this.context.tenant.id;
  }

  /** The caller's own tenant, when it is of the given kind (Team: customer; Partner Team: partner); else 404. */
  ownTenantOfKind(kind: 'customer' | 'partner'): string {
    if (this.context.tenant.kind !== kind) throw new ApiError('not_found');
    return this.context.tenant.id;
  }

  /** The selected client's id (partners), for marking it in lists; null when none or for customers. */
  get selectedClientId(): string | null {
    return this.isPartner ? (this.context.client?.id ?? null) : null;
  }

  get projects(): ProjectFilter {
    return this.context.projectScope.kind === 'all' ? null : [...this.context.projectScope.projectIds];
  }
}
