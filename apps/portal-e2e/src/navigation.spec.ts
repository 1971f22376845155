import type { Page } from '@playwright/test';
import { ROLES, type Role, decideRoute, homePathFor, isInternalRole } from '@aidial/shared/access';
import { type DemoUser, demoUser } from './support/demo-users';
import { expect, test } from './support/sessions';

/** One demo user per role (tools/demo/seed.json). */
const USERS: Readonly<Record<Role, DemoUser>> = {
  client_admin: demoUser('amelia.hart@acme-health.example'),
  client_manager: demoUser('marcus.chen@acme-health.example'),
  client_staff: demoUser('sofia.rossi@acme-health.example'),
  partner_admin: demoUser('priya.natarajan@northwind.example'),
  partner_user: demoUser('liam.obrien@northwind.example'),
  aidial_admin: demoUser('grace.okafor@aidial.example'),
  aidial_operator: demoUser('noah.williams@aidial.example'),
};

/** Every section page of DESIGN.md §5: its address, its navigation label and its page heading. */
const SECTION_PAGES: ReadonlyArray<{ path: string; label: string | null; heading: string }> = [
  { path: '/dashboard', label: 'Dashboard', heading: 'Dashboard' },
  { path: '/calls', label: 'Calls', heading: 'Calls' },
  { path: '/billing', label: 'Billing', heading: 'Billing' },
  { path: '/compliance', label: 'Compliance', heading: 'Compliance' },
  // Reached from the Compliance page, not from the navigation.
  { path: '/compliance/admin', label: null, heading: 'Compliance administration' },
  { path: '/audit-log', label: 'Audit Log', heading: 'Audit Log' },
  { path: '/partner/clients', label: 'Clients', heading: 'Clients' },
  { path: '/partner/projects', label: 'Projects', heading: 'Projects' },
  { path: '/partner/campaigns', label: 'Outbound Campaigns', heading: 'Outbound Campaigns' },
  { path: '/partner/team', label: 'Partner Team', heading: 'Partner Team' },
  { path: '/integrations', label: 'Integrations', heading: 'Integrations' },
  { path: '/capacity', label: 'Capacity', heading: 'Capacity' },
  { path: '/team', label: 'Team', heading: 'Team' },
  { path: '/support', label: 'Support', heading: 'Support' },
  { path: '/settings', label: 'Settings', heading: 'Settings' },
  { path: '/status', label: 'Status', heading: 'Status' },
  { path: '/admin', label: 'Admin home', heading: 'Admin' },
  { path: '/admin/tenants', label: 'Tenants', heading: 'Tenants' },
  { path: '/admin/users', label: 'Users', heading: 'Users' },
  { path: '/admin/incidents', label: 'Incidents', heading: 'Incidents' },
  { path: '/admin/discounts', label: 'Discounts', heading: 'Discounts' },
  { path: '/admin/adjustments', label: 'Adjustments', heading: 'Adjustments' },
  { path: '/admin/capacity', label: 'Capacity', heading: 'Capacity' },
  { path: '/admin/integrations', label: 'Integrations', heading: 'Integrations' },
  { path: '/admin/audit-log', label: 'Audit Log', heading: 'Audit Log' },
  { path: '/admin/status', label: 'Status', heading: 'Status' },
  { path: '/admin/profile', label: 'Profile', heading: 'Profile' },
];

const isAdminPath = (path: string) => path === '/admin' || path.startsWith('/admin/');

/**
 * The navigation a role should see, from the matrix: the pages it may open, in the area where it lives (internal
 * roles are offered the `/admin/...` forms of shared sections; everyone else never sees `/admin`).
 */
function expectedNavigation(role: Role) {
  return SECTION_PAGES.filter(
    (page) =>
      page.label !== null &&
      isAdminPath(page.path) === isInternalRole(role) &&
      decideRoute(role, page.path).kind === 'allow',
  ).map((page) => ({ label: page.label, path: page.path }));
}

async function navigationLinks(page: Page) {
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  return Promise.all(
    (await links.all()).map(async (link) => ({
      label: (await link.textContent())?.trim() ?? '',
      path: (await link.getAttribute('href')) ?? '',
    })),
  );
}

test.describe('Navigation from the access matrix', () => {
  for (const role of ROLES) {
    test.describe(`as ${role}`, () => {
      const user = USERS[role];

      test('the navigation lists exactly the sections of the role, and each opens its page', async ({
        page,
        signedInAs,
      }) => {
        await signedInAs(user, '/');
        await expect(page).toHaveURL((url) => url.pathname === homePathFor(role));

        const expected = expectedNavigation(role);
        expect(await navigationLinks(page)).toEqual(expected);

        const navigation = page.getByRole('navigation', { name: 'Main' });
        for (const item of expected) {
          const heading = SECTION_PAGES.find((candidate) => candidate.path === item.path)?.heading ?? '';
          await navigation.getByRole('link', { name: item.label ?? '', exact: true }).click();
          await expect(page).toHaveURL((url) => url.pathname === item.path);
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
          await expect(page).toHaveTitle(`${heading} · AiDial Access`);
        }
      });

      test('an address outside the role shows not found, or the admin home for an internal role', async ({
        page,
        signedInAs,
      }) => {
        await signedInAs(user, homePathFor(role));
        for (const { path } of SECTION_PAGES) {
          const decision = decideRoute(role, path);
          if (decision.kind === 'allow') continue;
          await page.goto(path);
          if (decision.kind === 'redirect') {
            await expect(page).toHaveURL((url) => url.pathname === decision.to);
            await expect(page.getByRole('heading', { level: 1 })).toHaveText('Admin');
          } else {
            await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
            await expect(page).toHaveURL((url) => url.pathname === path);
          }
        }
      });
    });
  }
});
