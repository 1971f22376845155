import type { Locator, Page } from '@playwright/test';
import { PORTAL_ROUTES, ROLES, type Role, decideRoute, homePathFor } from '@aidial/shared/access';
import { type DemoUser, demoUser } from './support/demo-users';
import { codesShown, expectAccessible, expectNoCodesShown } from './support/page-content';
import { expect, test } from './support/sessions';

/** One demo user per role (tools/demo/seed.json), as navigation.spec.ts walks them. */
const USERS: Readonly<Record<Role, DemoUser>> = {
  client_admin: demoUser('amelia.hart@acme-health.example'),
  client_manager: demoUser('marcus.chen@acme-health.example'),
  client_staff: demoUser('sofia.rossi@acme-health.example'),
  partner_admin: demoUser('priya.natarajan@northwind.example'),
  partner_user: demoUser('liam.obrien@northwind.example'),
  aidial_admin: demoUser('grace.okafor@aidial.example'),
  aidial_operator: demoUser('noah.williams@aidial.example'),
};

/** A laptop and a phone: the sizes every page must work at (STYLE.md). */
const SIZES = [
  { name: 'a 1366×768 laptop', width: 1366, height: 768, phone: false },
  { name: 'a 390×844 phone', width: 390, height: 844, phone: true },
] as const;

/** Pages reached from a section's page rather than from the navigation. */
const SUBPAGES: Readonly<Record<string, readonly string[]>> = {
  '/settings': ['/settings/sessions'],
  '/admin/profile': ['/admin/profile/sessions'],
};

/** The first row's link of these lists opens a detail page, which is checked too. */
const DETAIL_LISTS = ['/admin/tenants', '/admin/users'];

const navigation = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The page has finished loading: its heading is shown and no "Loading…" message is left. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/^\s*Loading\b/)).toHaveCount(0);
}

async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, `the page is wider than the screen on ${where}`).toBeLessThanOrEqual(widths.client);
}

/**
 * Why each element could not be reached, if any: it lies outside the viewport's width and no scroll container holding
 * it (inside the viewport itself) can scroll to it. Vertical page scrolling is fine.
 */
async function unreachable(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((nodes) => {
    const viewportWidth = document.documentElement.clientWidth;
    const name = (node: Element) =>
      (node.getAttribute('aria-label') ?? node.textContent ?? node.tagName).replace(/\s+/g, ' ').trim();
    const reachable = (node: Element) => {
      const box = node.getBoundingClientRect();
      if (box.left >= 0 && box.right <= viewportWidth + 0.5) return true;
      for (let scroller = node.parentElement; scroller; scroller = scroller.parentElement) {
        if (!/auto|scroll/.test(getComputedStyle(scroller).overflowX)) continue;
        const frame = scroller.getBoundingClientRect();
        const start = box.left - frame.left + scroller.scrollLeft;
        const end = box.right - frame.left + scroller.scrollLeft;
        return frame.left >= 0 && frame.right <= viewportWidth + 0.5 && start >= 0 && end <= scroller.scrollWidth + 0.5;
      }
      return false;
    };
    return nodes.filter((node) => !reachable(node)).map(name);
  });
}

/** Names of the navigation labels that do not fit their line ("Outbound Campai…"). */
async function cutOffLabels(links: Locator): Promise<string[]> {
  return links.evaluateAll((nodes) =>
    nodes.flatMap((link) => {
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
      const cut: string[] = [];
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const holder = text.parentElement;
        if (text.textContent?.trim() && holder && holder.scrollWidth > holder.clientWidth) cut.push(text.textContent);
      }
      return cut;
    }),
  );
}

/** Every table sits in its own labelled, focusable scroll region, and each of its row actions can be reached. */
async function expectTablesUsable(page: Page, where: string): Promise<void> {
  const tables = await page.getByRole('main').locator('table').all();
  for (const table of tables) {
    const region = await table.evaluate((node) => {
      const container = node.closest('[role="region"]');
      return (
        container && {
          named: container.hasAttribute('aria-label') || container.hasAttribute('aria-labelledby'),
          tabIndex: (container as HTMLElement).tabIndex,
          scrolls: getComputedStyle(container).overflowX,
        }
      );
    });
    expect(region, `a table on ${where} is not in a labelled region`).toEqual({
      named: true,
      tabIndex: 0,
      scrolls: 'auto',
    });
  }
  const actions = page
    .getByRole('main')
    .locator('table tbody')
    .locator('button, a[href], input, select, [role="combobox"]');
  expect(await unreachable(actions), `row actions out of reach on ${where}`).toEqual([]);
}

/**
 * The page shows its data from the local stack: no error or "not connected" state where data should be. (The stack
 * runs every part: the API, dev-idp, dev-platform and demo data, so any such state here is a fault.)
 */
async function expectShowsItsData(page: Page, where: string): Promise<void> {
  const main = page.getByRole('main');
  await expect.soft(main.getByRole('alert'), `an error shown on ${where}`).toHaveCount(0);
  await expect.soft(main.getByText(/not connected/i), `"not connected" on ${where}`).toHaveCount(0);
}

/**
 * The page shows its data, fits, its tables are usable, axe-core finds nothing, and it shows no role code, id or raw
 * error code.
 */
async function expectPageLaidOut(page: Page, where: string): Promise<void> {
  await settled(page);
  await expectShowsItsData(page, where);
  await expectPageFinished(page, where);
}

/** The page fits, its tables are usable, axe-core finds nothing, and it shows no role code, id or raw error code. */
async function expectPageFinished(page: Page, where: string): Promise<void> {
  await expectNoHorizontalOverflow(page, where);
  await expectTablesUsable(page, where);
  await expectAccessible(page, where);
  await expectNoCodesShown(page, where);
}

/** On a phone: the Menu button opens the drawer; every item is in reach and readable. Returns the open drawer's links. */
async function openDrawer(page: Page): Promise<Locator> {
  const menu = page.getByRole('banner').getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(navigation(page)).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(navigation(page)).toBeVisible();
  return navigation(page).getByRole('link');
}

/** The pages the role can reach: its navigation, the matrix's other pages for it, and their subpages. */
function reachablePaths(role: Role, listed: readonly string[]): string[] {
  const fromMatrix = PORTAL_ROUTES.map((route) => route.path).filter(
    (path) => decideRoute(role, path).kind === 'allow' && !listed.includes(path),
  );
  const subpages = listed.flatMap((path) => SUBPAGES[path] ?? []);
  return [...fromMatrix, ...subpages];
}

/** An API key to list, so the Integrations table has row actions to check (the demo seed has none). */
async function ensureAnApiKey(page: Page): Promise<void> {
  await settled(page);
  const keys = page.getByRole('table', { name: 'API keys' });
  if ((await keys.count()) > 0) return;
  await page.getByRole('button', { name: 'Create an API key' }).click();
  const create = page.getByRole('dialog', { name: 'Create an API key' });
  await create.getByRole('textbox', { name: 'Name' }).fill('Layout check');
  await create.getByRole('checkbox', { name: /Read platform data/ }).check();
  await create.getByRole('combobox', { name: 'Client' }).click();
  await page.getByRole('option', { name: 'Bluegum Dental', exact: true }).click();
  await expectAccessible(page, 'the Create an API key dialog');
  await create.getByRole('button', { name: 'Create key' }).click();
  await page.getByRole('dialog', { name: 'API key created' }).getByRole('button', { name: 'Done' }).click();
  await expect(keys).toBeVisible();
}

test('the checks catch what they look for', async ({ page }) => {
  // Each would pass silently if its pattern were wrong: a page that shows one of each must be caught.
  await page.setContent(
    `<main><p>Role: client_admin</p><p>Actor 3f9c01ab</p><p>Target 67650061-0b79-4e9f-91a5-e23f56fd86c3</p>` +
      `<p>Error not_found</p><details><summary>Details</summary>Request id 0d675c50-dc20-4d32-b536-e5a45b44590b</details>` +
      `<p>Unauthenticated visitors and deadline 2026-12-07 are words, not codes.</p></main>`,
  );
  expect(await codesShown(page)).toEqual([
    'role code "client_admin" in "Role: client_admin"',
    'id fragment "3f9c01ab" in "Actor 3f9c01ab"',
    'UUID "67650061-0b79-4e9f-91a5-e23f56fd86c3" in "Target 67650061-0b79-4e9f-91a5-e23f56fd86c3"',
    'error code "not_found" in "Error not_found"',
  ]);
});

test.describe('Every page at common sizes: layout, accessibility, no codes shown', () => {
  for (const size of SIZES) {
    test.describe(`on ${size.name}`, () => {
      // Reduced motion: Material skips the drawer's animation, which would otherwise be waited for on every page.
      test.use({ viewport: { width: size.width, height: size.height }, reducedMotion: 'reduce' });

      for (const role of ROLES) {
        test(`every page of ${role} fits the screen, with its navigation and row actions in reach`, async ({
          page,
          signedInAs,
        }) => {
          // Every page of the role, each scanned by axe-core: minutes, not the default half-minute.
          test.setTimeout(300_000);
          await signedInAs(USERS[role], homePathFor(role));
          await settled(page);

          // The navigation: a side list on a laptop, a drawer behind the Menu button on a phone.
          const links = size.phone ? await openDrawer(page) : navigation(page).getByRole('link');
          const listed = await links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
          expect(await unreachable(links), 'navigation items out of reach').toEqual([]);
          expect(await cutOffLabels(links), 'navigation labels cut off').toEqual([]);
          if (size.phone) {
            await expectAccessible(page, 'the open navigation drawer');
            // Escape closes the drawer and gives focus back to the Menu button.
            await page.keyboard.press('Escape');
            await expect(navigation(page)).toBeHidden();
            await expect(page.getByRole('button', { name: 'Menu' })).toBeFocused();
          }

          // Each section, opened from the navigation as a person would; a phone's drawer closes on the way.
          for (const path of listed) {
            if (size.phone) await openDrawer(page);
            await navigation(page).locator(`a[href="${path}"]`).click();
            await expect(page).toHaveURL((url) => url.pathname === path);
            if (size.phone) await expect(navigation(page)).toBeHidden();
            // Only this section is marked current ("Admin home" is not, on the other admin pages), drawer closed or not.
            const current = page
              .getByRole('navigation', { name: 'Main', includeHidden: true })
              .locator('a[aria-current="page"]');
            await expect(current).toHaveCount(1);
            await expect(current).toHaveAttribute('href', path);
            if (role === 'partner_admin' && path === '/integrations') await ensureAnApiKey(page);
            await expectPageLaidOut(page, path);

            if (DETAIL_LISTS.includes(path)) {
              await page.getByRole('main').locator('table tbody a[href]').first().click();
              await expect(page).not.toHaveURL((url) => url.pathname === path);
              await expectPageLaidOut(page, `the first of ${path}`);
            }
          }

          for (const path of reachablePaths(role, listed)) {
            await page.goto(path);
            await expectPageLaidOut(page, path);
          }
        });
      }

      test('the pages before sign-in fit the screen and pass the same checks', async ({ page }) => {
        const pages = [
          '/sign-in',
          '/sign-in?error=provider_unavailable',
          '/access-denied?reason=no_membership',
          '/access-denied?reason=tenant_suspended',
        ];
        for (const path of pages) {
          await page.goto(path);
          // These pages are there to explain a problem: an alert on them is the point.
          await settled(page);
          await expectPageFinished(page, path);
        }
      });

      if (!size.phone) {
        test('the Integrations table shows Revoke without scrolling', async ({ page, signedInAs }) => {
          await signedInAs(USERS.partner_admin, '/integrations');
          await ensureAnApiKey(page);
          const keys = page.getByRole('region', { name: 'API keys' });
          const widths = await keys.evaluate((node) => ({ table: node.scrollWidth, shown: node.clientWidth }));
          expect(widths.table, 'the API keys table needs sideways scrolling').toBeLessThanOrEqual(widths.shown);
          await expect(keys.getByRole('columnheader').last()).toBeInViewport();
          for (const revoke of await keys.getByRole('button', { name: /^Revoke / }).all()) {
            await expect(revoke).toBeInViewport();
          }
        });
      }
    });
  }
});
