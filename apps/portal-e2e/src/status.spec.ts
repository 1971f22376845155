import type { Page } from '@playwright/test';
import { demoUser } from './support/demo-users';
import { openSignedIn } from './support/identity-provider';
import { expect, test } from './support/test';

/** Status is open to all seven roles; an internal role shows it from the admin area's navigation. */
const OPERATOR = demoUser('noah.williams@aidial.example');
const STAFF = demoUser('sofia.rossi@acme-health.example');

function healthOf(page: Page, check: 'API' | 'Database' | 'Identity provider') {
  return page
    .locator('.check')
    .filter({ has: page.locator('dt', { hasText: check }) })
    .locator('.health-label');
}

test.describe('Status page', () => {
  test('opens from the navigation, and shows the API and the Database Healthy', async ({ page }) => {
    await openSignedIn(page, '/admin', OPERATOR);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Status' }).click();

    await expect(page).toHaveURL(/\/status$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    await expect(healthOf(page, 'API')).toHaveText('Healthy');
    await expect(healthOf(page, 'Database')).toHaveText('Healthy');
    // The stack's service account has its instance-wide rights at the identity provider.
    await expect(healthOf(page, 'Identity provider')).toHaveText('Healthy');
    await expect(page.locator('time')).toBeVisible();
  });

  test('opens from a deep link to /status', async ({ page }) => {
    await openSignedIn(page, '/status', STAFF);

    await expect(page).toHaveTitle('Status · AiDial Access');
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    await expect(healthOf(page, 'Database')).toHaveText('Healthy');
  });

  test('checks again on Refresh', async ({ page }) => {
    await openSignedIn(page, '/status', STAFF);
    await expect(healthOf(page, 'Database')).toHaveText('Healthy');

    const answered = page.waitForResponse((response) => response.url().endsWith('/health/ready'));
    await page.getByRole('button', { name: 'Refresh' }).click();
    expect((await answered).status()).toBe(200);
    await expect(healthOf(page, 'Database')).toHaveText('Healthy');
  });

  test('does not shift while the check answers', async ({ page }) => {
    await openSignedIn(page, '/status', STAFF);
    await expect(healthOf(page, 'Database')).toHaveText('Healthy');

    // Hold the readiness answer, so the page is measured while Checking… and again once Healthy.
    let release: () => void = () => undefined;
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/health/ready', async (route) => {
      await held;
      await route.continue();
    });

    await page.reload();
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
