import type { Page } from '@playwright/test';
import { expect, test } from './support/test';

function healthOf(page: Page, check: 'API' | 'Database') {
  return page
    .locator('.check')
    .filter({ has: page.locator('dt', { hasText: check }) })
    .locator('.health-label');
}

test.describe('Status page', () => {
  test('served by the API at the portal root, shows the API and the Database Healthy', async ({ page }) => {
    await page.goto('/');

    await expect(page).toHaveURL(/\/status$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    await expect(healthOf(page, 'API')).toHaveText('Healthy');
    await expect(healthOf(page, 'Database')).toHaveText('Healthy');
    await expect(page.locator('time')).toBeVisible();
  });

  test('opens from a deep link to /status', async ({ page }) => {
    await page.goto('/status');

    await expect(page).toHaveTitle('Status · AiDial Access');
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    await expect(healthOf(page, 'Database')).toHaveText('Healthy');
  });

  test('checks again on Refresh', async ({ page }) => {
    await page.goto('/status');
    await expect(healthOf(page, 'Database')).toHaveText('Healthy');

    const answered = page.waitForResponse((response) => response.url().endsWith('/health/ready'));
    await page.getByRole('button', { name: 'Refresh' }).click();
    expect((await answered).status()).toBe(200);
    await expect(healthOf(page, 'Database')).toHaveText('Healthy');
  });

  test('does not shift while the check answers', async ({ page }) => {
    // Hold the readiness answer, so the page is measured while Checking… and again once Healthy.
    let release: () => void = () => undefined;
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/health/ready', async (route) => {
      await held;
      await route.continue();
    });

    await page.goto('/status');
    await expect(healthOf(page, 'API')).toHaveText('Checking…');
    const refresh = page.getByRole('button', { name: 'Refresh' });
    const whileChecking = await refresh.boundingBox();
    release();
    await expect(healthOf(page, 'Database')).toHaveText('Healthy');

    expect(await refresh.boundingBox()).toEqual(whileChecking);
    const layoutShift = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          new PerformanceObserver((entries) => {
            const shifts = entries.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>;
            done(shifts.filter((shift) => !shift.hadRecentInput).reduce((sum, shift) => sum + shift.value, 0));
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => done(0), 500);
        }),
    );
    expect(layoutShift).toBeLessThan(0.01);
  });
});
