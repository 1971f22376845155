import { CUSTOMER_ROLES, INTERNAL_ROLES, PARTNER_ROLES, type Role } from './roles';

/**
 * The route-access matrix of DESIGN.md §5 and spec/02 ("What You Can Access After Signing In").
 * Every `/api` and `/v1` controller declares one of these sections; the portal's navigation and route guards read the same table.
 * Navigation visibility is a convenience; the API guard is the security boundary.
 */
export const SECTIONS = [
  'dashboard',
  'calls',
  'support',
  'settings',
  'status',
  'billing',
  'compliance',
  'compliance_admin',
  'audit_log',
  'partner_clients',
  'partner_projects',
  'partner_campaigns',
  'partner_team',
  'integrations',
  'capacity',
  'team',
  'admin',
] as const;

export type Section = (typeof SECTIONS)[number];

const CLIENT_AND_PARTNER: readonly Role[] = [...CUSTOMER_ROLES, ...PARTNER_ROLES];

export const SECTION_ROLES: Readonly<Record<Section, readonly Role[]>> = {
  dashboard: CLIENT_AND_PARTNER,
  calls: CLIENT_AND_PARTNER,
  support: CLIENT_AND_PARTNER,
  settings: CLIENT_AND_PARTNER,
  status: [...CLIENT_AND_PARTNER, ...INTERNAL_ROLES],
  billing: ['client_admin', 'client_manager', 'partner_admin'],
  compliance: ['client_admin', 'client_manager'],
  compliance_admin: ['client_admin'],
  audit_log: ['client_admin', 'client_manager', 'partner_admin', 'partner_user', 'aidial_admin', 'aidial_operator'],
  partner_clients: PARTNER_ROLES,
  partner_projects: PARTNER_ROLES,
  partner_campaigns: PARTNER_ROLES,
  partner_team: PARTNER_ROLES,
  integrations: [...PARTNER_ROLES, ...INTERNAL_ROLES],
  capacity: [...PARTNER_ROLES, ...INTERNAL_ROLES],
  // client_manager sees Team read-only; changes need `team.manage` (permissions.ts), which only client_admin holds.
  team: ['client_admin', 'client_manager'],
  admin: INTERNAL_ROLES,
};

export function canAccessSection(role: Role, section: Section): boolean {
  return SECTION_ROLES[section].includes(role);
}

/** A portal route prefix and the section that guards it. Internal roles reach shared sections under `/admin/...`. */
export interface PortalRoute {
  readonly path: string;
  readonly section: Section;
  readonly audience: 'customer_partner' | 'all' | 'internal';
}

export const PORTAL_ROUTES: readonly PortalRoute[] = [
  { path: '/dashboard', section: 'dashboard', audience: 'customer_partner' },
  { path: '/calls', section: 'calls', audience: 'customer_partner' },
  { path: '/support', section: 'support', audience: 'customer_partner' },
  { path: '/settings', section: 'settings', audience: 'customer_partner' },
  { path: '/status', section: 'status', audience: 'all' },
  { path: '/billing', section: 'billing', audience: 'customer_partner' },
  { path: '/compliance/admin', section: 'compliance_admin', audience: 'customer_partner' },
  { path: '/compliance', section: 'compliance', audience: 'customer_partner' },
  { path: '/audit-log', section: 'audit_log', audience: 'customer_partner' },
  { path: '/partner/clients', section: 'partner_clients', audience: 'customer_partner' },
  { path: '/partner/projects', section: 'partner_projects', audience: 'customer_partner' },
  { path: '/partner/campaigns', section: 'partner_campaigns', audience: 'customer_partner' },
  { path: '/partner/team', section: 'partner_team', audience: 'customer_partner' },
  { path: '/integrations', section: 'integrations', audience: 'customer_partner' },
  { path: '/capacity', section: 'capacity', audience: 'customer_partner' },
  { path: '/team', section: 'team', audience: 'customer_partner' },
  { path: '/admin/audit-log', section: 'audit_log', audience: 'internal' },
  { path: '/admin/integrations', section: 'integrations', audience: 'internal' },
  { path: '/admin/capacity', section: 'capacity', audience: 'internal' },
  { path: '/admin/status', section: 'status', audience: 'internal' },
  { path: '/admin', section: 'admin', audience: 'internal' },
];

export type RouteDecision =
  { readonly kind: 'allow' } | { readonly kind: 'redirect'; readonly to: string } | { readonly kind: 'not_found' };

/** The admin area's home: internal roles land here and are sent back here from customer and partner routes. */
export const ADMIN_HOME = '/admin';

function matches(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Finds the most specific route entry for a path (entries are ordered most specific first within a prefix family). */
export function routeForPath(path: string): PortalRoute | undefined {
  return [...PORTAL_ROUTES].sort((a, b) => b.path.length - a.path.length).find((route) => matches(path, route.path));
}

/**
 * What the portal does when a signed-in user with a recognised role opens a path:
 * internal roles are redirected from customer/partner routes to `/admin`; anyone else outside the matrix sees not-found.
 */
export function decideRoute(role: Role, path: string): RouteDecision {
  const route = routeForPath(path);
  if (!route) return { kind: 'not_found' };
  const internal = INTERNAL_ROLES.includes(role);
  if (internal && route.audience === 'customer_partner') return { kind: 'redirect', to: ADMIN_HOME };
  if (!internal && route.audience === 'internal') return { kind: 'not_found' };
  return canAccessSection(role, route.section) ? { kind: 'allow' } : { kind: 'not_found' };
}

/** Where a user lands after sign-in when they asked for no page (spec/02): the dashboard, or the admin home for internal roles. */
export function homePathFor(role: Role): string {
  return INTERNAL_ROLES.includes(role) ? ADMIN_HOME : '/dashboard';
}
