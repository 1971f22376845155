import { type AccessContext, ApiError } from '@aidial/api/core';
import type { PlatformRoute } from './platform-routes';
import type { PlatformScope } from './upstream-headers';

/**
 * Whose platform data a request may read, from the server-resolved access context only (a session's, or an API
 * key's), never from the request: a customer reads its own tenant; a partner its selected client (a key: the client it
 * was made for), and a client-scoped route without one is 409 `client_selection_required`, as in the workspace;
 * internal roles read platform-wide routes (capacity) with no customer.
 */
export function platformScopeOf(context: AccessContext, route: PlatformRoute, actor: string): PlatformScope {
  const kind = context.tenant.kind;
  const clientId = kind === 'customer' ? context.tenant.id : kind === 'partner' ? (context.client?.id ?? null) : null;
  if (route.clientScoped && clientId === null) {
    if (kind === 'partner') throw new ApiError('client_selection_required');
    // Internal roles never open a client-scoped section (the guard answers 404 first); the same if one ever did.
    throw new ApiError('not_found');
  }
  return {
    tenantId: context.tenant.id,
    clientId,
    projectIds: context.projectScope.kind === 'all' ? null : [...context.projectScope.projectIds],
    actor,
  };
}
