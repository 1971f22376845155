import { PORTAL_ROUTES, type Role, decideRoute } from '@aidial/shared/access';

export type NavigationIcon = 'dashboard' | 'admin' | 'status';

export interface NavigationItem {
  readonly path: string;
  readonly label: string;
  readonly icon: NavigationIcon;
}

/** The pages the portal has today, in the order the side navigation lists them. Sections join as they are built. */
const BUILT_PAGES: readonly NavigationItem[] = [
  { path: '/dashboard', label: 'Dashboard', icon: 'dashboard' },
  { path: '/admin', label: 'Admin', icon: 'admin' },
  { path: '/status', label: 'Status', icon: 'status' },
];

/**
 * The side navigation of a role: the built pages whose route the access matrix lets the role open. A convenience
 * only — the route guards and the API decide access.
 */
export function navigationFor(role: Role): NavigationItem[] {
  return BUILT_PAGES.filter(
    (page) => PORTAL_ROUTES.some((route) => route.path === page.path) && decideRoute(role, page.path).kind === 'allow',
  );
}
