import type { AccessScope, SessionAccessContext } from '@aidial/api/core';
import { PLATFORM_ROUTES } from './platform-routes';
import { platformScopeOf } from './platform-scope';

function context(overrides: Partial<AccessScope>): SessionAccessContext {
  return {
    kind: 'session',
    mfaPolicy: { tenant: 'role_default', user: 'role_default' },
    features: { smsOtp: false },
    userId: 'u1',
    role: 'client_admin',
    tenant: { id: 'acme', name: 'Acme', kind: 'customer', status: 'active' },
    client: null,
    projectScope: { kind: 'all' },
    user: { email: null, displayName: null },
    ...overrides,
  };
}

describe('platform scope', () => {
  it('reads a customer’s own tenant, with its project scope', () => {
    const scope = platformScopeOf(
      context({ projectScope: { kind: 'selected', projectIds: ['p1'] } }),
      PLATFORM_ROUTES.calls,
      'user:u1',
    );
    expect(scope).toEqual({ tenantId: 'acme', clientId: 'acme', projectIds: ['p1'], actor: 'user:u1' });
  });

  it('reads a partner’s selected client', () => {
    const partner = context({
      role: 'partner_admin',
      tenant: { id: 'northwind', name: 'Northwind', kind: 'partner', status: 'active' },
      client: { id: 'acme', name: 'Acme' },
    });
    expect(platformScopeOf(partner, PLATFORM_ROUTES.billingSummary, 'user:u2')).toMatchObject({
      tenantId: 'northwind',
      clientId: 'acme',
      projectIds: null,
    });
  });

  it('answers 409 client_selection_required to a partner without a client on client-scoped data, as the workspace does', () => {
    const partner = context({
      role: 'partner_user',
      tenant: { id: 'northwind', name: 'Northwind', kind: 'partner', status: 'active' },
    });
    expect(() => platformScopeOf(partner, PLATFORM_ROUTES.calls, 'user:u3')).toThrow(
      expect.objectContaining({ code: 'client_selection_required' }),
    );
    // Capacity is the partner's own, not a client's.
    expect(platformScopeOf(partner, PLATFORM_ROUTES.capacity, 'user:u3')).toMatchObject({ clientId: null });
  });

  it('gives internal roles platform-wide routes without a customer', () => {
    const internal = context({
      role: 'aidial_operator',
      tenant: { id: 'aidial', name: 'AiDial', kind: 'internal', status: 'active' },
    });
    expect(platformScopeOf(internal, PLATFORM_ROUTES.capacity, 'user:u4')).toMatchObject({
      tenantId: 'aidial',
      clientId: null,
    });
    expect(() => platformScopeOf(internal, PLATFORM_ROUTES.calls, 'user:u4')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});
