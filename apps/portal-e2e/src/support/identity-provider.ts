import type { Page } from '@playwright/test';
import { TOTP } from 'otpauth';
import { expect } from './test';
import { DEMO_PASSWORD, type DemoUser, demoUser } from './demo-users';
import { serviceToken } from './sms-factor';

/** The local identity provider's origin, published by the global setup. */
export function identityProviderOrigin(): string {
  const issuer = process.env['PORTAL_E2E_IDP_ISSUER'];
  if (!issuer) throw new Error('PORTAL_E2E_IDP_ISSUER is not set: the global setup did not run');
  return new URL(issuer).origin;
}

/** On the portal's sign-in page: enters the email and continues to the identity provider's email step. */
export async function continueWithEmail(page: Page, email: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.origin === identityProviderOrigin());
  // The portal sent the email as the login hint: the provider's email step shows it already filled in.
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** At the identity provider's password step: enters a password and signs in. */
export async function enterPassword(page: Page, password: string): Promise<void> {
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs in from the portal's sign-in page through the identity provider's own pages: email (prefilled from the login
 * hint), password, and the current authenticator code for a user with TOTP. Resolves once back on the portal.
 */
export async function signInThroughIdentityProvider(page: Page, user: DemoUser): Promise<void> {
  await continueWithEmail(page, user.email);
  await enterPassword(page, DEMO_PASSWORD);
  if (user.totpSecret) {
    await expect(page.getByRole('heading', { name: 'Verify with your authenticator app' })).toBeVisible();
    await page.getByLabel('Authenticator code').fill(new TOTP({ secret: user.totpSecret }).generate());
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.waitForURL((url) => url.origin !== identityProviderOrigin());
}

/** Opens a portal page as a signed-in user: the portal asks for a sign-in first, then returns to the page. */
export async function openSignedIn(page: Page, path: string, user: DemoUser): Promise<void> {
  await page.goto(path);
  await signInThroughIdentityProvider(page, user);
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === path);
}

/**
 * Unlocks a user at the identity provider as an administrator does in ZITADEL (`POST /v2/users/{id}/unlock`): a
 * ZITADEL lock never lifts by itself.
 */
export async function unlockAtIdentityProvider(email: string): Promise<void> {
  const response = await fetch(
    `${identityProviderOrigin()}/v2/users/${encodeURIComponent(demoUser(email).sub)}/unlock`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${await serviceToken()}`, 'content-type': 'application/json' },
      body: '{}',
    },
  );
  if (!response.ok) throw new Error(`unlocking ${email} answered ${response.status}`);
}
