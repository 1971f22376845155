import { demoUser } from './support/demo-users';
import { ROLE_CODE, visibleText } from './support/page-content';
import { expect, test } from './support/sessions';

const CLIENT_ADMIN = demoUser('amelia.hart@acme-health.example');
const AIDIAL_ADMIN = demoUser('grace.okafor@aidial.example');
const PARTNER_ADMIN = demoUser('priya.natarajan@northwind.example');

test.describe('Role names, not codes (libs/shared/access ROLE_LABELS)', () => {
  test('a client administrator reads role names in the header, Team, Profile and the Audit Log', async ({
    page,
    signedInAs,
  }) => {
    await signedInAs(CLIENT_ADMIN, '/team');
    const members = page.getByRole('table', { name: 'Members' });
    await expect(members.getByRole('row').filter({ hasText: 'Ben Carter' })).toContainText('Unrecognised role');
    await expect(members.getByRole('row').filter({ hasText: 'Sofia Rossi' })).toContainText('Client Staff');
    await expect(page.getByRole('banner')).toContainText('Client Administrator · Acme Health');
    expect(await visibleText(page)).not.toMatch(ROLE_CODE);

    await page.goto('/settings');
    await expect(page.getByText('Portal role')).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Client Administrator');
    expect(await visibleText(page)).not.toMatch(ROLE_CODE);

    await page.goto('/audit-log');
    const events = page.getByRole('table', { name: /^Audit events, page/ });
    await expect(events.getByRole('row').nth(1)).toBeVisible();
    expect(await visibleText(page)).not.toMatch(ROLE_CODE);
  });

  test("an AiDial administrator reads role names in the users list and a user's memberships", async ({
    page,
    signedInAs,
  }) => {
    await signedInAs(AIDIAL_ADMIN, '/admin/users');
    const sofia = page.getByRole('row').filter({ hasText: 'sofia.rossi@acme-health.example' });
    await expect(sofia).toContainText('Acme Health — Client Staff');
    await expect(page.getByRole('banner')).toContainText('AiDial Administrator');
    expect(await visibleText(page)).not.toMatch(ROLE_CODE);

    await sofia.getByRole('link').first().click();
    await expect(page.getByRole('main')).toContainText('Client Staff');
    expect(await visibleText(page)).not.toMatch(ROLE_CODE);
  });

  test('a role picker shows the longest role name whole, not cut off', async ({ page, signedInAs }) => {
    await signedInAs(PARTNER_ADMIN, '/partner/team');
    const picker = page.getByRole('combobox', { name: 'Role of Oliver Bennett' });
    await expect(picker).toContainText('Partner Administrator');
    // An ellipsis means the value's box is narrower than its text.
    const value = picker.locator('.mat-mdc-select-value');
    expect(await value.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  });
});
