import { demoUser } from './support/demo-users';
import { openSignedIn } from './support/identity-provider';
import { expect, test } from './support/test';

const CLIENT_ADMIN = demoUser('amelia.hart@acme-health.example');

test.describe('Portal shell', () => {
  test('asks a visitor without a session to sign in, whatever the address', async ({ page }) => {
    await page.goto('/no/such/page');

    await expect(page).toHaveURL(/\/sign-in\?return_to=%2Fno%2Fsuch%2Fpage$/);
    await expect(page).toHaveTitle('Sign in · AiDial Access');
    await expect(page.getByRole('navigation')).toHaveCount(0);
  });

  test('shows the not-found page for an unknown path', async ({ page }) => {
    await openSignedIn(page, '/no/such/page', CLIENT_ADMIN);

    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page).toHaveTitle('Page not found · AiDial Access');
    await expect(page.getByRole('banner')).toContainText('AiDial Access');
  });

  test('shows the not-found page for a section the role may not see', async ({ page }) => {
    await openSignedIn(page, '/admin', CLIENT_ADMIN);

    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });

  test('reaches the Status link of the side navigation by keyboard', async ({ page }) => {
    await openSignedIn(page, '/no/such/page', CLIENT_ADMIN);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeFocused();
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await page.keyboard.press('Tab');
    await expect(navigation.getByRole('link', { name: 'Dashboard' })).toBeFocused();
    // Through the navigation, one link at a time, to Status (the last of client_admin's sections).
    const statusLink = navigation.getByRole('link', { name: 'Status' });
    const links = await navigation.getByRole('link').count();
    for (let step = 1; step < links; step++) await page.keyboard.press('Tab');
    await expect(statusLink).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/status$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    await expect(statusLink).toHaveAttribute('aria-current', 'page');
  });

  test('moves focus to the content with the skip link', async ({ page }) => {
    await openSignedIn(page, '/status', CLIENT_ADMIN);
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await expect(page.getByRole('main')).toBeFocused();
    await expect(page).toHaveURL(/\/status$/);
  });
});
