import type { Page } from '@playwright/test';
import { expect } from './test';
import { DEMO_PASSWORD, type DemoUser } from './demo-users';
import { continueWithEmail, enterPassword, identityProviderOrigin } from './identity-provider';

interface OutboxMessage {
  readonly purpose: string;
  readonly code: string;
  readonly sentAt: string;
}

/** The newest sign-in code the local identity provider "sent" (its outbox, newest first). */
async function newestSignInCode(page: Page): Promise<string> {
  const response = await page.request.get(`${identityProviderOrigin()}/dev/outbox.json`);
  const { messages } = (await response.json()) as { messages: OutboxMessage[] };
  const message = messages.find((candidate) => candidate.purpose === 'sign-in');
  if (!message) throw new Error('the identity provider sent no sign-in code');
  return message.code;
}

/**
 * From the portal's sign-in page, signs in a user whose second factor is a text message: email, password, then the
 * code from the local identity provider's outbox. Resolves once back on the portal.
 */
export async function signInWithTextMessage(page: Page, user: DemoUser): Promise<void> {
  await continueWithEmail(page, user.email);
  await enterPassword(page, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Verify with a text message' })).toBeVisible();
  await page.getByLabel('SMS code').fill(await newestSignInCode(page));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => url.origin !== identityProviderOrigin());
}
