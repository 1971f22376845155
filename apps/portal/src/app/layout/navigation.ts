import { type Role, decideRoute, routeForPath } from '@aidial/shared/access';

export type NavigationIcon =
  | 'home'
  | 'calls'
  | 'billing'
  | 'compliance'
  | 'audit'
  | 'clients'
  | 'projects'
  | 'campaigns'
  | 'team'
  | 'integrations'
  | 'capacity'
  | 'support'
  | 'settings'
  | 'status'
  | 'tenants'
  | 'incidents'
  | 'discounts'
  | 'adjustments'
  | 'admin';

export interface NavigationItem {
  readonly path: string;
  readonly label: string;
  readonly icon: NavigationIcon;
}

/** A page as the navigation of one role lists it. */
export interface NavigationLink extends NavigationItem {
  /**
   * Current only on its own address: a page whose address begins another listed page's (Admin home, `/admin`, under
   * which every admin page lives). Every other page stays current on its subpages (a tenant under Tenants).
   */
  readonly exact: boolean;
}

/**
 * Every section page of the portal, in the order the side navigation lists them, labelled in the spec's words.
 * Customer and partner pages first, then the internal admin area (whose Status, Capacity, Integrations and Audit Log
 * are the `/admin/...` forms of the shared sections). Subpages reached from their page (Compliance administration,
 * from Compliance) are not listed.
 */
export const NAVIGATION_PAGES: readonly NavigationItem[] = [
  { path: '/dashboard', label: 'Dashboard', icon: 'home' },
  { path: '/calls', label: 'Calls', icon: 'calls' },
  { path: '/billing', label: 'Billing', icon: 'billing' },
  { path: '/compliance', label: 'Compliance', icon: 'compliance' },
  { path: '/audit-log', label: 'Audit Log', icon: 'audit' },
  { path: '/partner/clients', label: 'Clients', icon: 'clients' },
  { path: '/partner/projects', label: 'Projects', icon: 'projects' },
  { path: '/partner/campaigns', label: 'Outbound Campaigns', icon: 'campaigns' },
  { path: '/partner/team', label: 'Partner Team', icon: 'team' },
  { path: '/integrations', label: 'Integrations', icon: 'integrations' },
  { path: '/capacity', label: 'Capacity', icon: 'capacity' },
  { path: '/team', label: 'Team', icon: 'team' },
  { path: '/support', label: 'Support', icon: 'support' },
  { path: '/settings', label: 'Settings', icon: 'settings' },
  { path: '/status', label: 'Status', icon: 'status' },
  { path: '/admin', label: 'Admin home', icon: 'home' },
  { path: '/admin/tenants', label: 'Tenants', icon: 'tenants' },
  { path: '/admin/users', label: 'Users', icon: 'team' },
  { path: '/admin/incidents', label: 'Incidents', icon: 'incidents' },
  { path: '/admin/discounts', label: 'Discounts', icon: 'discounts' },
  { path: '/admin/adjustments', label: 'Adjustments', icon: 'adjustments' },
  { path: '/admin/capacity', label: 'Capacity', icon: 'capacity' },
  { path: '/admin/integrations', label: 'Integrations', icon: 'integrations' },
  { path: '/admin/audit-log', label: 'Audit Log', icon: 'audit' },
  { path: '/admin/status', label: 'Status', icon: 'status' },
  { path: '/admin/profile', label: 'Profile', icon: 'admin' },
];

/**
 * The side navigation of a role: the pages the access matrix lets the role open where it lives (`decideRoute` allows
 * them; internal roles, who may also open `/status`, are offered its admin form `/admin/status` instead). A convenience
 * only — the route guards and the API decide access.
 */
export function navigationFor(role: Role): NavigationLink[] {
  const pages = NAVIGATION_PAGES.filter((page) => decideRoute(role, page.path).kind === 'allow');
  // A section offered under /admin/... is not offered a second time at its shared address.
  const adminForms = new Set(
    pages.filter((page) => page.path.startsWith('/admin/')).map((page) => sectionOf(page.path)),
  );
  const listed = pages.filter((page) => page.path.startsWith('/admin') || !adminForms.has(sectionOf(page.path)));
  return listed.map((page) => ({
    ...page,
    exact: listed.some((other) => other.path.startsWith(`${page.path}/`)),
  }));
}

function sectionOf(path: string) {
  return routeForPath(path)?.section;
}
