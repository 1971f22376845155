// `npm run screenshots`: regenerates the README's two pictures of the portal (docs/images/portal-desktop.png at
// 1366×768 and docs/images/portal-phone.png at 390×844) from the real product. Starts the whole local stack as
// `npm start` does, on ports and a data folder of its own (so a running `npm start` is left alone), signs a demo
// Client Administrator in through the local identity provider's pages in Debian's Chromium, and stops it all again.
// Needs what `npm start` and the browser tests need: /usr/bin/chromium (`apt-get install -y chromium`).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../lib/chromium.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'docs/images');
const PORTS = {
  PORT: '3300',
  DEV_IDP_PORT: '4311',
  DEV_PLATFORM_PORT: '4312',
  DEV_MAIL_PORT: '4313',
  DEV_SMTP_PORT: '4325',
  EMBEDDED_PG_PORT: '54349',
};
const BASE = `http://localhost:${PORTS.PORT}`;
const USER = { email: 'amelia.hart@acme-health.example', password: 'Demo-Passw0rd!' };

/** Starts the local stack and resolves once it says it is ready; rejects if it exits first. */
function startStack(localDir) {
  const stack = spawn(process.execPath, ['tools/local-stack/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, ...PORTS, AIDIAL_LOCAL_DIR: localDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise((resolveReady, rejectReady) => {
    let seen = '';
    stack.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      seen = `${seen}${chunk}`.slice(-4096);
      if (seen.includes('Press Ctrl-C to stop.')) resolveReady();
    });
    stack.on('exit', (code) => rejectReady(new Error(`the local stack exited (${code}) before it was ready`)));
  });
  return { stack, ready };
}

function stopStack(stack) {
  return new Promise((resolveStopped) => {
    if (stack.exitCode !== null) return resolveStopped();
    stack.on('exit', () => resolveStopped());
    stack.kill('SIGINT');
  });
}

async function signIn(page) {
  await page.goto(`${BASE}/dashboard`);
  await page.getByLabel('Email').fill(USER.email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.port === PORTS.DEV_IDP_PORT);
  const idpContinue = page.getByRole('button', { name: 'Continue' });
  if (await idpContinue.isVisible()) await idpContinue.click();
  await page.getByLabel('Password').fill(USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE}/dashboard`);
  await page.getByRole('heading', { level: 2, name: 'Projects' }).waitFor();
  // Let the platform card settle: the picture shows data, not a loading line.
  await page.waitForLoadState('networkidle');
}

const localDir = mkdtempSync(join(tmpdir(), 'aidial-screenshots-'));
// Run as root, the embedded PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
chmodSync(localDir, 0o755);
const { stack, ready } = startStack(localDir);
let browser;
try {
  await ready;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
  for (const [name, viewport] of [
    ['portal-desktop.png', { width: 1366, height: 768 }],
    ['portal-phone.png', { width: 390, height: 844 }],
  ]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await signIn(page);
    await page.screenshot({ path: join(OUT, name) });
    process.stdout.write(`wrote docs/images/${name}\n`);
    await context.close();
  }
} finally {
  await browser?.close();
  await stopStack(stack);
  rmSync(localDir, { recursive: true, force: true });
}
