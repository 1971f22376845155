import { PORTAL_ROUTES, ROLES, type Role, decideRoute, isInternalRole, routeForPath } from '@aidial/shared/access';
import { NAVIGATION_PAGES, navigationFor } from './navigation';

/** Subpages reached from their section's page, not from the navigation. */
const SUBPAGES = new Set(['/compliance/admin']);

describe('navigationFor', () => {
  it.each<[Role, string[]]>([
    [
      'client_admin',
      ['Dashboard', 'Calls', 'Billing', 'Compliance', 'Audit Log', 'Team', 'Support', 'Settings', 'Status'],
    ],
    [
      'client_manager',
      ['Dashboard', 'Calls', 'Billing', 'Compliance', 'Audit Log', 'Team', 'Support', 'Settings', 'Status'],
    ],
    ['client_staff', ['Dashboard', 'Calls', 'Support', 'Settings', 'Status']],
    [
      'partner_admin',
      [
        'Dashboard',
        'Calls',
        'Billing',
        'Audit Log',
        'Clients',
        'Projects',
        'Outbound Campaigns',
        'Partner Team',
        'Integrations',
        'Capacity',
        'Support',
        'Settings',
        'Status',
      ],
    ],
    [
      'partner_user',
      [
        'Dashboard',
        'Calls',
        'Audit Log',
        'Clients',
        'Projects',
        'Outbound Campaigns',
        'Partner Team',
        'Integrations',
        'Capacity',
        'Support',
        'Settings',
        'Status',
      ],
    ],
    [
      'aidial_admin',
      [
        'Admin home',
        'Tenants',
        'Users',
        'Incidents',
        'Discounts',
        'Adjustments',
        'Capacity',
        'Integrations',
        'Audit Log',
        'Status',
        'Profile',
      ],
    ],
    [
      'aidial_operator',
      [
        'Admin home',
        'Tenants',
        'Users',
        'Incidents',
        'Discounts',
        'Adjustments',
        'Capacity',
        'Integrations',
        'Audit Log',
        'Status',
        'Profile',
      ],
    ],
  ])('lists the pages %s may open: %j', (role, labels) => {
    expect(navigationFor(role).map((item) => item.label)).toEqual(labels);
  });

  describe.each(ROLES)('for %s, against the route matrix', (role) => {
    const listed = navigationFor(role);

    it('lists only pages the matrix lets the role open', () => {
      for (const item of listed)
        expect([item.path, decideRoute(role, item.path)]).toEqual([item.path, { kind: 'allow' }]);
    });

    it('lists every section the matrix lets the role open, once', () => {
      const allowed = PORTAL_ROUTES.filter(
        (route) => !SUBPAGES.has(route.path) && decideRoute(role, route.path).kind === 'allow',
      );
      const listedSections = listed.map((item) => routeForPath(item.path)?.section);
      for (const route of allowed)
        expect([route.path, listedSections]).toEqual([route.path, expect.arrayContaining([route.section])]);
      expect(new Set(listed.map((item) => item.path)).size).toBe(listed.length);
    });
  });

  it.each(ROLES.filter(isInternalRole))(
    'marks only Admin home, under whose address every admin page lives, current on its own address alone (%s)',
    (role) => {
      const exact = navigationFor(role)
        .filter((item) => item.exact)
        .map((item) => item.label);
      expect(exact).toEqual(['Admin home']);
    },
  );

  it.each(ROLES.filter((role) => !isInternalRole(role)))('keeps every page of %s current on its subpages', (role) => {
    expect(navigationFor(role).filter((item) => item.exact)).toEqual([]);
  });

  it('names every page by a route of the matrix', () => {
    for (const page of NAVIGATION_PAGES)
      expect([page.path, routeForPath(page.path)]).toEqual([page.path, expect.anything()]);
  });
});
