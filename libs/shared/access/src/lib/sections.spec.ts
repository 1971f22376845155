import { ROLES, type Role } from './roles';
import { SECTION_ROLES, canAccessSection, decideRoute, homePathFor, type Section } from './sections';

// Each row is one bullet of spec/02-signing-in.md, "What You Can Access After Signing In", and DESIGN.md §5.
const SPEC_02_ACCESS: ReadonlyArray<[Section, readonly Role[]]> = [
  ['dashboard', ['client_admin', 'client_manager', 'client_staff', 'partner_admin', 'partner_user']],
  ['calls', ['client_admin', 'client_manager', 'client_staff', 'partner_admin', 'partner_user']],
  ['support', ['client_admin', 'client_manager', 'client_staff', 'partner_admin', 'partner_user']],
  ['settings', ['client_admin', 'client_manager', 'client_staff', 'partner_admin', 'partner_user']],
  [
    'status',
    [
      'client_admin',
      'client_manager',
      'client_staff',
      'partner_admin',
      'partner_user',
      'aidial_admin',
      'aidial_operator',
    ],
  ],
  ['billing', ['client_admin', 'client_manager', 'partner_admin']],
  ['compliance', ['client_admin', 'client_manager']],
  ['compliance_admin', ['client_admin']],
  ['audit_log', ['client_admin', 'client_manager', 'partner_admin', 'partner_user', 'aidial_admin', 'aidial_operator']],
  ['partner_clients', ['partner_admin', 'partner_user']],
  ['partner_projects', ['partner_admin', 'partner_user']],
  ['partner_campaigns', ['partner_admin', 'partner_user']],
  ['partner_team', ['partner_admin', 'partner_user']],
  ['integrations', ['partner_admin', 'partner_user', 'aidial_admin', 'aidial_operator']],
  ['capacity', ['partner_admin', 'partner_user', 'aidial_admin', 'aidial_operator']],
  ['team', ['client_admin', 'client_manager']],
  ['admin', ['aidial_admin', 'aidial_operator']],
];

describe('route-access matrix', () => {
  it('covers every section exactly once', () => {
    expect(SPEC_02_ACCESS.map(([section]) => section).sort()).toEqual(Object.keys(SECTION_ROLES).sort());
  });

  describe.each(SPEC_02_ACCESS)('%s', (section, allowed) => {
    it.each(ROLES.map((role) => [role, allowed.includes(role)] as const))('%s may enter: %s', (role, expected) => {
      expect(canAccessSection(role, section)).toBe(expected);
    });
  });
});

describe('portal route decisions', () => {
  it.each([
    ['client_staff', '/dashboard', { kind: 'allow' }],
    ['client_staff', '/billing', { kind: 'not_found' }],
    ['client_manager', '/compliance/reports', { kind: 'allow' }],
    ['client_manager', '/compliance/admin/policies', { kind: 'not_found' }],
    ['client_admin', '/compliance/admin/policies', { kind: 'allow' }],
    ['partner_user', '/partner/clients', { kind: 'allow' }],
    ['client_admin', '/partner/clients', { kind: 'not_found' }],
    ['aidial_operator', '/dashboard', { kind: 'redirect', to: '/admin' }],
    ['aidial_admin', '/audit-log', { kind: 'redirect', to: '/admin' }],
    ['aidial_admin', '/admin/audit-log', { kind: 'allow' }],
    ['aidial_operator', '/status', { kind: 'allow' }],
    ['aidial_operator', '/admin/status', { kind: 'allow' }],
    ['client_admin', '/admin/status', { kind: 'not_found' }],
    ['aidial_operator', '/admin/tenants', { kind: 'allow' }],
    ['aidial_operator', '/admin/profile', { kind: 'allow' }],
    ['partner_admin', '/admin', { kind: 'not_found' }],
    ['partner_admin', '/admin/tenants', { kind: 'not_found' }],
    ['client_admin', '/dashboardx', { kind: 'not_found' }],
  ] as const)('%s opening %s: %j', (role, path, decision) => {
    expect(decideRoute(role, path)).toEqual(decision);
  });
});

describe('home after sign-in', () => {
  it.each([
    ['client_admin', '/dashboard'],
    ['client_staff', '/dashboard'],
    ['partner_user', '/dashboard'],
    ['aidial_admin', '/admin'],
    ['aidial_operator', '/admin'],
  ] as const)('%s lands on %s', (role, home) => {
    expect(homePathFor(role)).toBe(home);
  });
});
