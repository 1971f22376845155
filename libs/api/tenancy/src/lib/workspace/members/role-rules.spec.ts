import { ApiError } from '@aidial/api/core';
import type { Role } from '@aidial/shared/access';
import { assertAssignable, assertManageable } from './role-rules';

function refusal(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (error) {
    return error instanceof ApiError ? error.code : 'unexpected';
  }
}

describe('member role rules', () => {
  it.each<[Role, Role, string | null]>([
    ['client_admin', 'client_admin', null],
    ['client_admin', 'client_manager', null],
    ['client_admin', 'client_staff', null],
    ['client_manager', 'client_admin', 'role_not_assignable'],
    ['client_manager', 'client_staff', null],
    ['client_admin', 'partner_user', 'role_not_assignable'],
    ['client_admin', 'aidial_operator', 'role_not_assignable'],
    ['partner_admin', 'partner_admin', null],
    ['partner_admin', 'partner_user', null],
    ['partner_user', 'partner_admin', 'role_not_assignable'],
    ['partner_admin', 'client_admin', 'role_not_assignable'],
  ])('%s giving %s → %s', (actor, role, expected) => {
    expect(refusal(() => assertAssignable(actor, role))).toBe(expected);
  });

  it.each<[Role, string, string | null]>([
    ['client_admin', 'client_admin', null],
    ['client_manager', 'client_admin', 'role_not_assignable'],
    ['client_admin', 'aidial_admin', 'role_not_assignable'],
    ['partner_user', 'partner_admin', 'role_not_assignable'],
    ['client_admin', 'billing_clerk', null],
  ])('%s changing a member who holds %s → %s', (actor, memberRole, expected) => {
    expect(refusal(() => assertManageable(actor, memberRole))).toBe(expected);
  });
});
