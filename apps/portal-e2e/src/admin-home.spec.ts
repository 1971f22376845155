import { tenantCountsByStatus } from './support/database';
import { demoUser } from './support/demo-users';
import { expect, test } from './support/sessions';

const ADMIN = demoUser('grace.okafor@aidial.example');

/** A laptop and a phone: the sizes every page must work at (STYLE.md). */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

test.describe('the admin home: the internal team’s overview', () => {
  test('shows the services, tenants by status, members without mandatory MFA and the latest events', async ({
    page,
    signedInAs,
  }) => {
    await signedInAs(ADMIN, '/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Signed in as Grace Okafor (AiDial Administrator) · AiDial');

    // The identity provider as the readiness probe reports it, and the platform as it answers.
    const services = page.getByRole('definition');
    await expect(services.nth(0)).toContainText('Reachable');
    await expect(services.nth(1)).toContainText(/Answering\s+\d+ of 500 lines in use/);

    // Tenants by status, as the database holds them now (other specs create and suspend tenants).
    const counts = await tenantCountsByStatus();
    const tenants = page.getByRole('list', { name: 'Tenants by status' }).getByRole('link');
    await expect(tenants).toHaveText(
      ['active', 'suspended', 'closed'].map((status) => new RegExp(`^\\s*${counts[status] ?? 0}\\s+${status}\\s*$`)),
    );

    // The members the API lists (enrolment is the identity provider's, and other specs enrol and remove factors), in
    // words, each linking to their user page.
    const response = await page.request.get('/api/admin/overview');
    expect(response.ok()).toBe(true);
    const { mfa_not_compliant: mfa } = (await response.json()) as {
      mfa_not_compliant: {
        checked: number;
        unchecked: number;
        members: Array<{ display_name: string | null; email: string; tenant: { name: string }; missing: string }>;
      };
    };
    const members = page.getByRole('region', { name: 'Members without mandatory MFA' }).locator('tbody tr');
    // The local provider answers: every member is known to lack a second factor, none merely unknown.
    expect(mfa.unchecked).toBe(0);
    // At least Oliver Bennett, a partner administrator with no second factor (mfa.spec removes the one it adds him).
    expect(mfa.members.length).toBeGreaterThan(0);
    await expect(members).toHaveCount(mfa.members.length);
    for (const [index, member] of mfa.members.entries()) {
      await expect(members.nth(index)).toContainText(member.display_name ?? member.email);
      await expect(members.nth(index)).toContainText(member.tenant.name);
      await expect(members.nth(index)).toContainText('No second factor set up');
    }
    await expect(members.first()).not.toContainText(/[a-z]+_[a-z_]+/);

    // The latest audit events, in words: at least Grace's own sign-in.
    const events = page.getByRole('region', { name: 'Recent security events' }).locator('tbody tr');
    await expect(events.filter({ hasText: 'Signed in' }).filter({ hasText: 'Grace Okafor' }).first()).toBeVisible();

    // Each member leads to their user page; each count to the Tenants page.
    const [first] = mfa.members;
    await members
      .first()
      .getByRole('link', { name: first?.display_name ?? first?.email })
      .click();
    await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('main')).toContainText(first?.email ?? '');
    await page.goBack();
    await tenants.filter({ hasText: 'suspended' }).click();
    await expect(page).toHaveURL(/\/admin\/tenants$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tenants' })).toBeVisible();
  });

  for (const size of SIZES) {
    test(`fits a ${size.width}×${size.height} screen, its tables scrolling in their own labelled regions`, async ({
      page,
      signedInAs,
    }) => {
      await page.setViewportSize(size);
      await signedInAs(ADMIN, '/admin');
      const regions = page.getByRole('region', { name: /^(Members without mandatory MFA|Recent security events)$/ });
      await expect(regions).toHaveCount(2);
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      for (const region of await regions.all()) {
        const box = await region.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= size.width + 0.5).toBe(true);
      }
      // Every link of the page lies within the screen's width (the page scrolls down, never sideways).
      for (const link of await page.getByRole('main').getByRole('link').all()) {
        const box = await link.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= size.width + 0.5, await link.innerText()).toBe(true);
      }
    });
  }
});
