import { demoUser } from './support/demo-users';
import { expect, test } from './support/sessions';

const ADMIN = demoUser('grace.okafor@aidial.example');
const OPERATOR = demoUser('noah.williams@aidial.example');

test.describe('Admin: Tenants', () => {
  test('an administrator creates a tenant and suspends it', async ({ page, signedInAs }) => {
    const name = `E2E Clinic ${Date.now()}`;
    await signedInAs(ADMIN, '/admin/tenants');
    await expect(page.getByRole('heading', { level: 1, name: 'Tenants' })).toBeVisible();

    await page.getByRole('button', { name: 'New tenant' }).click();
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.getByRole('button', { name: 'Create tenant' }).click();

    await expect(page).toHaveURL(/\/admin\/tenants\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByTestId('tenant-status')).toHaveText('Active');

    const suspend = page.getByRole('button', { name: 'Suspend tenant' });
    await suspend.click();
    const dialog = page.getByRole('alertdialog', { name: `Suspend ${name}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Suspend tenant' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByTestId('tenant-status')).toHaveText('Suspended');
    // Focus returns to the control that opened the dialog, now offering the opposite change.
    await expect(page.getByRole('button', { name: 'Reactivate tenant' })).toBeFocused();

    await page.getByRole('link', { name: 'All tenants' }).click();
    await page.getByRole('searchbox', { name: 'Search by name' }).fill(name);
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await expect(row).toContainText('Suspended');
  });

  test('an operator sees the Tenants page without write controls', async ({ page, signedInAs }) => {
    await signedInAs(OPERATOR, '/admin/tenants');
    await expect(page.getByRole('link', { name: 'Acme Health' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'New tenant' })).toHaveCount(0);
    await expect(page.getByText('Creating tenants is limited to AiDial administrators')).toBeVisible();

    await page.getByRole('link', { name: 'Acme Health' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Acme Health' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Suspend tenant' })).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'MFA policy' })).toHaveCount(0);
    await expect(page.getByText('Some changes are limited to AiDial administrators')).toBeVisible();
  });
});
