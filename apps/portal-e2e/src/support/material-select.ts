import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Chooses an option of an Angular Material select, and waits until its panel has closed and the select is enabled
 * again (a choice being saved disables it).
 *
 * Opening is retried until the option shows: Material's panel can still be closing from the previous choice when the
 * next click arrives (the click then closes the new panel at once). A test that clicked once raced with that, and
 * failed now and then on a loaded machine.
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const choice = page.getByRole('option', { name: option, exact: true });
  await expect(async () => {
    if (!(await choice.isVisible())) await select.click({ timeout: 2_000 });
    await expect(choice).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await choice.click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(select).not.toHaveAttribute('aria-disabled', 'true');
}

/** Chooses a client in the header's client selector (partner roles), and waits until the choice has been saved. */
export async function selectClientInHeader(page: Page, client: string): Promise<void> {
  await chooseOption(page, page.getByRole('banner').getByRole('combobox', { name: 'Client' }), client);
}
