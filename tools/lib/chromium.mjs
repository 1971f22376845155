/**
 * Debian's Chromium, as every browser the project's scripts start (never a downloaded browser), and the flags it
 * starts with here: no sandbox (containers), no GPU, and nothing that phones home or updates itself. Playwright's
 * config (apps/portal-e2e/playwright.config.ts) lists the same flags.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);
