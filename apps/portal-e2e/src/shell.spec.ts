import { expect, test } from './support/test';

test.describe('Portal shell', () => {
  test('shows the not-found page for an unknown path', async ({ page }) => {
    await page.goto('/no/such/page');

    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page).toHaveTitle('Page not found · AiDial Access');
    await expect(page.getByRole('banner')).toContainText('AiDial Access');
  });

  test('reaches the Status link of the side navigation by keyboard', async ({ page }) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Tab');
    const statusLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Status' });
    await expect(statusLink).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/status$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    await expect(statusLink).toHaveAttribute('aria-current', 'page');
  });

  test('moves focus to the content with the skip link', async ({ page }) => {
    await page.goto('/status');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await expect(page.getByRole('main')).toBeFocused();
    await expect(page).toHaveURL(/\/status$/);
  });
});
