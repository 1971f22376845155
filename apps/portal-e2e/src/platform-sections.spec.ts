import { selectClientInHeader } from './support/material-select';
import { demoUser } from './support/demo-users';
import { expect, test } from './support/sessions';

const PARTNER_USER = demoUser('liam.obrien@northwind.example');
const CLIENT_ADMIN = demoUser('amelia.hart@acme-health.example');

test.describe('AiDial platform sections', () => {
  test("a partner's Calls page shows the selected client's calls from the platform", async ({ page, signedInAs }) => {
    await signedInAs(PARTNER_USER, '/calls');
    await expect(page.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();

    // With no client selected, the page asks for one instead of showing anything.
    await selectClientInHeader(page, 'No client selected');
    await expect(page.getByRole('heading', { name: 'Select a client' })).toBeVisible();

    await selectClientInHeader(page, 'Bluegum Dental');
    const calls = page.getByRole('table', { name: /^Calls, page/ });
    await expect(calls.getByRole('row').filter({ hasText: 'Patient recalls' }).first()).toBeVisible();
    await expect(calls).not.toContainText('Outbound reminders');

    await selectClientInHeader(page, 'Acme Health');
    await expect(calls.getByRole('row').filter({ hasText: 'Outbound reminders' }).first()).toBeVisible();
    await expect(calls).not.toContainText('Patient recalls');
  });

  test('a customer sees call metrics on the Dashboard and its Billing, from the platform', async ({
    page,
    signedInAs,
  }) => {
    await signedInAs(CLIENT_ADMIN, '/dashboard');
    await expect(page.getByText('Calls today')).toBeVisible();
    await expect(page.getByText('Minutes this month')).toBeVisible();
    await expect(page.getByText('Not connected yet')).toHaveCount(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Usage and charges by project' })).toContainText('Outbound reminders');

    // Sections without a proxy route keep the honest "Not connected yet" state.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
    await expect(page.getByRole('heading', { name: 'Not connected yet' })).toBeVisible();
  });
});
