import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Chooses a client in the header's client selector (partner roles), and waits until the choice has been saved.
 *
 * Opening is retried until the option shows: Angular Material's panel can still be closing from the previous choice
 * when the next click arrives (the click then closes the new panel at once), and the selector is disabled while a
 * choice is being saved. A test that clicked once raced with both, and failed now and then on a loaded machine.
 */
export async function selectClientInHeader(page: Page, client: string): Promise<void> {
  const selector = page.getByRole('banner').getByRole('combobox', { name: 'Client' });
  const option = page.getByRole('option', { name: client, exact: true });
  await expect(async () => {
    if (!(await option.isVisible())) await selector.click({ timeout: 2_000 });
    await expect(option).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await option.click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(selector).not.toHaveAttribute('aria-disabled', 'true');
}
