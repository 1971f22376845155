import type { Page } from '@playwright/test';
import { currentSessionId, endIdleSessionIn, endSessionAbsolutelyIn, idleSecondsLeft } from './support/database';
import { demoUser } from './support/demo-users';
import { openSignedIn } from './support/identity-provider';
import { expect, test } from './support/test';

// Harbour Physio's administrator: no other spec depends on her sessions, and only this browser's session is changed.
const USER = demoUser('ella.martin@harbour-physio.example');

/**
 * Any API call makes the portal read the new lifetime headers: here, opening the Sessions section again, in the app.
 * The way out and back is Status (it asks only `/health`), not Settings' Profile section, whose own API call
 * (the MFA summary) would find out first.
 */
async function askTheApiAgain(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Status' }).click();
  await expect(page).toHaveURL(/\/status$/);
  await page.goBack();
  await expect(page.getByRole('table', { name: 'Active sessions' })).toBeVisible();
}

async function signedIn(page: Page): Promise<string> {
  await openSignedIn(page, '/settings/sessions', USER);
  await expect(page.getByRole('table', { name: 'Active sessions' })).toBeVisible();
  return currentSessionId(page);
}

test.describe('Session expiry', () => {
  // Each test waits for a session to run out on the portal's own timer.
  test.describe.configure({ timeout: 60_000 });

  test('warns 2 minutes before the idle end with a live countdown; Stay signed in extends the session', async ({
    page,
  }) => {
    const sessionId = await signedIn(page);
    await endIdleSessionIn(sessionId, 125);
    await askTheApiAgain(page);

    const warning = page.getByRole('alertdialog', { name: 'Are you still there?' });
    await expect(warning).toBeVisible({ timeout: 15_000 });
    await expect(warning).toContainText(/You'll be signed out in [12]:\d\d because of inactivity\./);
    const first = await warning.locator('.countdown').textContent();
    await expect.poll(() => warning.locator('.countdown').textContent(), { timeout: 5_000 }).not.toBe(first);
    await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused();

    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    await expect(warning).toBeHidden();
    // The keep-alive slid the idle end a whole idle lifetime (30 minutes) from now.
    expect(await idleSecondsLeft(sessionId)).toBeGreaterThan(25 * 60);
    await expect(page).toHaveURL(/\/settings\/sessions$/);
  });

  test('at the idle end, returns to the sign-in page saying the session ended, with the page to come back to', async ({
    page,
  }) => {
    const sessionId = await signedIn(page);
    // Long enough for the way out and back to Sessions on a loaded machine: the end must come from the timer, not
    // from a request that arrives after it.
    await endIdleSessionIn(sessionId, 15);
    await askTheApiAgain(page);

    await expect(page.getByRole('alertdialog', { name: 'Are you still there?' })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in\?session_ended=1&return_to=%2Fsettings%2Fsessions$/, { timeout: 30_000 });
    await expect(page.getByRole('status')).toHaveText('Your session ended. Sign in to continue.');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  });

  test('before the absolute end, says when the session ends and offers to sign in again; at the end, the sign-in page', async ({
    page,
  }) => {
    const sessionId = await signedIn(page);
    await endSessionAbsolutelyIn(sessionId, 125);
    await askTheApiAgain(page);

    const notice = page.getByRole('alertdialog', { name: 'Your session is ending' });
    await expect(notice).toBeVisible({ timeout: 15_000 });
    await expect(notice).toContainText(/Your session ends at \d\d:\d\d\. Sign in again to continue\./);
    await expect(notice.getByRole('button', { name: 'Sign in again' })).toBeVisible();
    await expect(notice.getByRole('button', { name: 'Stay signed in' })).toHaveCount(0);
    await notice.getByRole('button', { name: 'Not now' }).click();
    await expect(notice).toBeHidden();

    await endSessionAbsolutelyIn(sessionId, 15);
    await askTheApiAgain(page);
    await expect(page).toHaveURL(/\/sign-in\?session_ended=1&return_to=%2Fsettings%2Fsessions$/, { timeout: 30_000 });
    await expect(page.getByRole('status')).toHaveText('Your session ended. Sign in to continue.');
  });
});
