import { API_KEY_SCOPE_LIST, canGrantScope, grantableScopes } from './api-key-scopes';
import { ROLES } from './roles';

describe('API key scopes a creator may grant', () => {
  it.each([
    ['partner_admin', ['whoami', 'projects:read', 'audit:read', 'platform:read']],
    ['partner_user', ['whoami', 'projects:read', 'audit:read', 'platform:read']],
    // Internal roles open Capacity and the Audit Log, never a customer's projects.
    ['aidial_admin', ['whoami', 'audit:read', 'platform:read']],
    ['aidial_operator', ['whoami', 'audit:read', 'platform:read']],
    // client_staff opens neither the Audit Log nor anything but the workspace.
    ['client_staff', ['whoami', 'projects:read', 'platform:read']],
  ] as const)('%s may grant exactly %j', (role, scopes) => {
    expect(grantableScopes(role)).toEqual(scopes);
  });

  it('never lets a role grant a scope none of whose sections it can open', () => {
    for (const role of ROLES) {
      for (const scope of API_KEY_SCOPE_LIST) {
        if (scope === 'projects:read') expect(canGrantScope(role, scope)).toBe(!role.startsWith('aidial_'));
      }
    }
    expect(canGrantScope('aidial_operator', 'projects:read')).toBe(false);
  });
});
