import { test as base, expect } from '@playwright/test';

/** Chromium's console line for every answer with an error status, whoever asked for it. */
const FAILED_RESPONSE = /^Failed to load resource: the server responded with a status of (\d{3})/;

/** An error answer a test provokes on purpose, so Chromium's console line for it is not a failure. */
export interface ExpectedRefusal {
  readonly url: RegExp;
  readonly status: number;
}

/** The session probe of a browser that is not signed in: 401 is how the portal learns it must show the sign-in page. */
const SIGNED_OUT_PROBE: ExpectedRefusal = { url: /\/api\/session$/, status: 401 };

/**
 * Every test fails on a console error or an uncaught exception in the page. Chromium reports a Content Security Policy
 * violation as a console error, so this also proves the built portal runs under the API's CSP. Chromium also logs
 * every error status; a test names the ones it provokes with `expectRefusal(...)`, and any other still fails it.
 */
export const test = base.extend<{
  expectedRefusals: ExpectedRefusal[];
  expectRefusal: (refusal: ExpectedRefusal) => void;
  consoleErrors: string[];
}>({
  // Playwright reads a fixture's dependencies from the destructuring pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  expectedRefusals: async ({}, use) => {
    await use([SIGNED_OUT_PROBE]);
  },
  expectRefusal: async ({ expectedRefusals }, use) => {
    await use((refusal) => expectedRefusals.push(refusal));
  },
  consoleErrors: [
    async ({ page, expectedRefusals }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const url = message.location().url;
        const status = Number(FAILED_RESPONSE.exec(message.text())?.[1]);
        if (expectedRefusals.some((refusal) => refusal.status === status && refusal.url.test(url))) return;
        errors.push(url ? `${message.text()} (${url})` : message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
