import { ACTIONS, assignableRoles, canPerform, rolesForTenantKind } from './permissions';
import { ROLES } from './roles';

describe('actions inside a section', () => {
  // The admin table of docs/access.md: operators read everything, run day-to-day operations and opt tenants in to SMS
  // codes (spec/05); tenant lifecycle, security policy, roles, money and integrations are for administrators only.
  it.each([
    ['admin.tenants.create', false],
    ['admin.tenants.change_status', false],
    ['admin.tenants.change_features', true],
    ['admin.tenants.change_mfa_policy', false],
    ['admin.users.assign_role', false],
    ['admin.incidents.manage', true],
    ['admin.capacity.manage', true],
    ['admin.status.manage', true],
    ['admin.discounts.manage', false],
    ['admin.adjustments.manage', false],
    ['sessions.revoke', false],
  ] as const)('%s: aidial_admin may, aidial_operator %s', (action, operatorMay) => {
    expect(canPerform('aidial_admin', action)).toBe(true);
    expect(canPerform('aidial_operator', action)).toBe(operatorMay);
  });

  it('lets only an internal role perform an admin action', () => {
    for (const [action, roles] of Object.entries(ACTIONS)) {
      if (action.startsWith('admin.')) expect(roles.every((role) => role.startsWith('aidial_'))).toBe(true);
    }
  });

  it('lets only partner_admin and aidial_admin manage API keys; partner_user and aidial_operator read them', () => {
    expect(ROLES.filter((role) => canPerform(role, 'integrations.manage'))).toEqual(['partner_admin', 'aidial_admin']);
  });

  it('lets only aidial_admin end other people’s sessions from the admin area', () => {
    expect(ROLES.filter((role) => canPerform(role, 'sessions.revoke'))).toEqual(['aidial_admin']);
  });

  it('lets client_admin manage Team and client_manager only read it', () => {
    expect(ROLES.filter((role) => canPerform(role, 'team.manage'))).toEqual(['client_admin']);
    expect(ROLES.filter((role) => canPerform(role, 'partner_team.manage'))).toEqual(['partner_admin']);
  });
});

describe('assignable roles', () => {
  it.each([
    ['client_admin', ['client_admin', 'client_manager', 'client_staff']],
    ['client_manager', ['client_manager', 'client_staff']],
    ['client_staff', ['client_staff']],
    ['partner_admin', ['partner_admin', 'partner_user']],
    ['partner_user', ['partner_user']],
  ] as const)('%s may assign %j and nothing above', (actor, expected) => {
    expect(assignableRoles(actor)).toEqual(expected);
  });

  it('never offers a role of another kind of tenant', () => {
    expect(rolesForTenantKind('customer')).toEqual(['client_admin', 'client_manager', 'client_staff']);
    expect(rolesForTenantKind('partner')).toEqual(['partner_admin', 'partner_user']);
    expect(rolesForTenantKind('internal')).toEqual(['aidial_admin', 'aidial_operator']);
  });
});
