import type { BrowserContext } from '@playwright/test';
import type { DemoUser } from './demo-users';
import { signInThroughIdentityProvider } from './identity-provider';
import { expect, test as base } from './test';

type StoredState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * `signedInAs(user, path)`: opens a portal page as a signed-in user. The first time in a worker a user signs in
 * through the identity provider's pages (password, then the authenticator code for a user with TOTP); later tests of
 * the worker reuse that session's cookies, so a file that walks many pages per role signs each role in once.
 */
export const test = base.extend<
  { signedInAs: (user: DemoUser, path: string) => Promise<void> },
  { storedSessions: Map<string, StoredState> }
>({
  storedSessions: [
    // Playwright reads a fixture's dependencies from the destructuring pattern: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(new Map());
    },
    { scope: 'worker' },
  ],
  signedInAs: async ({ page, context, storedSessions }, use) => {
    await use(async (user, path) => {
      const stored = storedSessions.get(user.email);
      if (stored) {
        await context.addCookies(stored.cookies);
        await page.goto(path);
      } else {
        await page.goto(path);
        await signInThroughIdentityProvider(page, user);
        storedSessions.set(user.email, await context.storageState());
      }
      await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
    });
  },
});

export { expect };
