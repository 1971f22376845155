import { test as base, expect } from '@playwright/test';

/**
 * Every test fails on a console error or an uncaught exception in the page. Chromium reports a Content Security Policy
 * violation as a console error, so this also proves the built portal runs under the API's CSP.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
