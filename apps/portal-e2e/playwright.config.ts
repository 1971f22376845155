import { defineConfig } from '@playwright/test';

/**
 * Black-box tests of the built portal served by the built API, in Debian's Chromium (never a downloaded browser).
 * The global setup starts the stack and publishes its URL in PORTAL_E2E_BASE_URL for the workers.
 */
export default defineConfig({
  testDir: './src',
  outputDir: '../../tmp/portal-e2e/test-results',
  globalSetup: './src/support/global-setup.ts',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: process.env['PORTAL_E2E_BASE_URL'],
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
});
