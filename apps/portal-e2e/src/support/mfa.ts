import type { Page } from '@playwright/test';
import { TOTP } from 'otpauth';
import { DEMO_PASSWORD, type DemoUser } from './demo-users';
import { identityProviderOrigin } from './identity-provider';
import { expect } from './test';

/** The identity provider's hosted pages (apps/dev-idp), as Settings links to them. */
const onIdentityProvider = (url: URL) => url.origin === identityProviderOrigin();

/**
 * At the identity provider's sign-in, when it asks: the email step (prefilled), the password, then the second factor
 * the caller passes. Resolves as soon as the provider stops asking (it may know the browser already).
 */
export async function passProviderSignIn(
  page: Page,
  user: DemoUser,
  secondFactor: (page: Page) => Promise<void> = async () => undefined,
): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  if ((await heading.textContent())?.trim() === 'Sign in') {
    await expect(page.getByLabel('Email')).toHaveValue(user.email);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await secondFactor(page);
}

/** The second step with an authenticator app: the current code of `secret`. */
export function withAuthenticator(secret: string) {
  return async (page: Page) => {
    await expect(page.getByRole('heading', { name: 'Verify with your authenticator app' })).toBeVisible();
    await page.getByLabel('Authenticator code').fill(new TOTP({ secret }).generate());
    await page.getByRole('button', { name: 'Verify' }).click();
  };
}

/** The second step with one of the user's provider-issued recovery codes instead of the authenticator. */
export function withRecoveryCode(code: string) {
  return async (page: Page) => {
    await page.getByRole('link', { name: 'Lost your device? Use a recovery code' }).click();
    await page.getByLabel('Recovery code').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
  };
}

/**
 * On the provider's "Set up a second factor" page (what Open MFA setup opens): sets up an authenticator app with the
 * key the page shows, verified with its current code. Returns the key (base32), the authenticator's secret.
 */
export async function setUpAuthenticatorApp(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { level: 1, name: 'Set up a second factor' })).toBeVisible();
  await page.getByRole('link', { name: 'Authenticator app (TOTP)' }).click();
  const secret = (await page.locator('#totp-secret').textContent())?.trim();
  if (!secret) throw new Error('the identity provider showed no authenticator key');
  await page.getByLabel('Code from the app').fill(new TOTP({ secret }).generate());
  await page.getByRole('button', { name: 'Verify and add' }).click();
  await expect(page.getByRole('status')).toHaveText('Your authenticator app is set up.');
  return secret;
}

/**
 * Removes the user's authenticator app at the provider's security settings, putting the demo user back as the seed
 * has them (the provider page asks for a sign-in first when this browser has none for the user).
 */
export async function removeAuthenticatorApp(page: Page, user: DemoUser, secret: string): Promise<void> {
  await page.goto(`${identityProviderOrigin()}/ui/console/users/me?login_hint=${encodeURIComponent(user.email)}`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  if ((await heading.textContent())?.trim() !== 'Security settings') {
    await passProviderSignIn(page, user, withAuthenticator(secret));
  }
  await page.waitForURL((url) => onIdentityProvider(url) && url.pathname === '/ui/console/users/me');
  await page.getByRole('button', { name: 'Remove authenticator app' }).click();
  await expect(page.getByRole('status')).toBeVisible();
}

/** A row of the Profile summary in Settings: the value shown for a field of spec/04 ("Enrolment", "Allowed factors"). */
export function profileField(page: Page, term: string) {
  return page
    .locator('.row')
    .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^\\s*${term}\\s*$`) }) })
    .getByRole('definition');
}
