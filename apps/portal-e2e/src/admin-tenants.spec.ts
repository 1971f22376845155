import type { Locator } from '@playwright/test';
import { demoUser } from './support/demo-users';
import { expect, test } from './support/sessions';

const ADMIN = demoUser('grace.okafor@aidial.example');
const OPERATOR = demoUser('noah.williams@aidial.example');

/** Whether the element's text (or background) is drawn in the theme's error colour, `--mat-sys-error`. */
function inErrorColour(element: Locator, property: 'color' | 'background-color' = 'color'): Promise<boolean> {
  return element.evaluate((button, which) => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--mat-sys-error)';
    document.body.append(probe);
    const error = getComputedStyle(probe).color;
    probe.remove();
    return getComputedStyle(button).getPropertyValue(which) === error;
  }, property);
}

test.describe('Admin: Tenants', () => {
  test('an administrator creates a tenant, allows SMS codes and suspends it, each after confirming', async ({
    page,
    signedInAs,
  }) => {
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
    const smsFlag = page.locator('dt', { hasText: 'SMS one-time codes' }).locator('xpath=following-sibling::dd[1]');
    await expect(smsFlag).toHaveText('Off');

    // SMS one-time codes: the switch asks first; cancelled, nothing changes and the switch stays off.
    const sms = page.getByRole('switch', { name: 'Allow SMS one-time codes' });
    // While a dialog is open the page behind it is hidden from assistive technology: look at the switch all the same.
    const smsBehindDialog = page.getByRole('switch', { name: 'Allow SMS one-time codes', includeHidden: true });
    await sms.click();
    const allow = page.getByRole('alertdialog', { name: `Allow SMS one-time codes in ${name}?` });
    await expect(allow).toContainText('Its Client Administrators can then add an Australian mobile number');
    await expect(smsBehindDialog).not.toBeChecked();
    await allow.getByRole('button', { name: 'Cancel' }).click();
    await expect(allow).toBeHidden();
    await expect(sms).not.toBeChecked();
    await expect(smsFlag).toHaveText('Off');

    await sms.click();
    await allow.getByRole('button', { name: 'Allow SMS codes' }).click();
    await expect(
      page.getByRole('status').filter({
        hasText: `SMS one-time codes are allowed in ${name}: its Client Administrators can add them from their Profile.`,
      }),
    ).toBeAttached();
    await expect(sms).toBeChecked();
    await expect(smsFlag).toHaveText('On');

    // The MFA policy asks too; the picker shows the policy in force until the change is made.
    const policy = page.getByRole('combobox', { name: 'MFA policy' });
    await policy.click();
    await page.getByRole('option', { name: 'Required for every member', exact: true }).click();
    const requireMfa = page.getByRole('alertdialog', { name: `Require MFA for every member of ${name}?` });
    await expect(requireMfa).toContainText('sent to their Profile to set one up or to sign in again with it');
    await expect(page.getByRole('combobox', { name: 'MFA policy', includeHidden: true })).toContainText(
      'As each role requires',
    );
    await requireMfa.getByRole('button', { name: 'Require MFA' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `MFA is now required for every member of ${name}.` }),
    ).toBeAttached();
    await expect(policy).toContainText('Required for every member');

    // Suspend is destructive, not the page's primary action: outlined, in the theme's error colour.
    const suspend = page.getByRole('button', { name: 'Suspend tenant' });
    await expect(suspend).toHaveClass(/mat-mdc-outlined-button/);
    await expect(suspend).not.toHaveClass(/mat-mdc-unelevated-button/);
    expect(await inErrorColour(suspend)).toBe(true);

    await suspend.click();
    const suspension = page.getByRole('alertdialog', { name: `Suspend ${name}?` });
    await expect(suspension).toContainText(
      `${name} has no members yet; nobody can sign in to it until you reactivate it.`,
    );
    await expect(suspension).toContainText('Nothing is deleted.');
    const confirm = suspension.getByRole('button', { name: 'Suspend tenant' });
    expect(await inErrorColour(confirm, 'background-color')).toBe(true);
    await confirm.click();
    await expect(suspension).toBeHidden();

    await expect(page.getByTestId('tenant-status')).toHaveText('Suspended');
    await expect(
      page.getByRole('status').filter({
        hasText: `${name} is suspended. 0 sessions ended. Its members cannot sign in until it is reactivated.`,
      }),
    ).toBeAttached();
    // Focus returns to the control that opened the dialog, now offering the opposite change, which takes nothing away.
    const reactivate = page.getByRole('button', { name: 'Reactivate tenant' });
    await expect(reactivate).toBeFocused();
    expect(await inErrorColour(reactivate)).toBe(false);

    await page.getByRole('link', { name: 'All tenants' }).click();
    await page.getByRole('searchbox', { name: 'Search by name' }).fill(name);
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await expect(row).toContainText('Suspended');

    // Reactivating asks too, and says what came back.
    await row.getByRole('link', { name }).click();
    await page.getByRole('button', { name: 'Reactivate tenant' }).click();
    const reactivation = page.getByRole('alertdialog', { name: `Reactivate ${name}?` });
    await expect(reactivation).toContainText('Its members can sign in again.');
    await reactivation.getByRole('button', { name: 'Reactivate tenant' }).click();
    await expect(page.getByTestId('tenant-status')).toHaveText('Active');
    await expect(
      page.getByRole('status').filter({ hasText: `${name} is active again: its members can sign in.` }),
    ).toBeAttached();
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
    // Operators opt tenants in to SMS codes; Acme Health's stays as the demo has it (on).
    await expect(page.getByRole('switch', { name: 'Allow SMS one-time codes' })).toBeChecked();
    await expect(page.getByText('Some changes are limited to AiDial administrators')).toBeVisible();
  });
});
