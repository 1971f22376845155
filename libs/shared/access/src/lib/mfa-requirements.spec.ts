import { ROLES } from './roles';
import { MFA_REQUIREMENT_BY_ROLE } from './mfa-requirements';

// spec/03-multi-factor-authentication.md, "Which Roles Require MFA?", row by row.
const SPEC_03_TABLE = [
  ['client_admin', 'optional'],
  ['partner_admin', 'required'],
  ['aidial_admin', 'required'],
  ['aidial_operator', 'required'],
  ['client_manager', 'optional'],
  ['client_staff', 'optional'],
  ['partner_user', 'optional'],
] as const;

describe('MFA requirement by role', () => {
  it('names every role', () => {
    expect(SPEC_03_TABLE.map(([role]) => role).sort()).toEqual([...ROLES].sort());
  });

  it.each(SPEC_03_TABLE)('%s is %s', (role, requirement) => {
    expect(MFA_REQUIREMENT_BY_ROLE[role]).toBe(requirement);
  });
});
