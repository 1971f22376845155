import { ROLES, ROLE_LABELS, roleLabel } from './roles';

describe('role labels', () => {
  it('names every role in words, each differently, never as its code', () => {
    const labels = ROLES.map((role) => roleLabel(role));
    expect(new Set(labels).size).toBe(ROLES.length);
    for (const role of ROLES) {
      expect(ROLE_LABELS[role]).toMatch(/^[A-Z][A-Za-z]+( [A-Z][A-Za-z]+)+$/);
      expect(roleLabel(role)).not.toContain('_');
    }
    expect(roleLabel('client_admin')).toBe('Client Administrator');
  });

  it('reads a role the portal does not know as unrecognised, not as its code', () => {
    expect(roleLabel('billing_clerk')).toBe('Unrecognised role');
  });
});
