import type { Browser, Page } from '@playwright/test';
import { type DemoUser, demoUser } from './support/demo-users';
import { signInThroughIdentityProvider } from './support/identity-provider';
import { expect, test } from './support/sessions';
import { signInWithTextMessage } from './support/text-message-sign-in';

// Users whose sessions these tests end: no other spec signs in as them, so no other spec's kept session is lost.
const PARTNER_USER = demoUser('jack.wilson@southerncross.example');
// Her second factor is a text message (the code comes from the local identity provider's outbox).
const MEMBER = demoUser('chloe.nguyen@acme-health.example');

type SignIn = (page: Page, user: DemoUser) => Promise<void>;
// The administrators who end them.
const AIDIAL_ADMIN = demoUser('grace.okafor@aidial.example');
const CLIENT_ADMIN = demoUser('amelia.hart@acme-health.example');

const SESSION_ENDED = /\/sign-in\?session_ended=1&return_to=%2Fsettings%2Fsessions$/;

/** A browser of its own (its own cookies) signed in as `user` on Settings › Sessions. */
async function anotherBrowser(
  browser: Browser,
  user: DemoUser,
  signIn: SignIn = signInThroughIdentityProvider,
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openSessions(page, user, signIn);
  return page;
}

async function openSessions(page: Page, user: DemoUser, signIn: SignIn = signInThroughIdentityProvider) {
  await page.goto('/settings/sessions');
  await signIn(page, user);
  await expect(page).toHaveURL(/\/settings\/sessions$/);
  await expect(activeSessions(page)).toBeVisible();
}

const activeSessions = (page: Page) => page.getByRole('table', { name: 'Active sessions' });
const endedSessions = (page: Page) => page.getByRole('table', { name: 'Ended sessions' });

/**
 * Opens Sessions again in the app: an in-app navigation whose API call finds out. The way out and back is Status (it
 * asks only `/health`), not Settings' Profile section, whose own API call (the MFA summary) would find out first.
 */
async function openSessionsAgain(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Status' }).click();
  await expect(page).toHaveURL(/\/status$/);
  await page.goBack();
}

/**
 * From the sign-in page an ended session left this browser on: the identity provider still knows the browser, so
 * after the email step it signs the user straight back in, to the page they were on.
 */
async function signInAgain(page: Page, user: DemoUser): Promise<void> {
  await page.getByLabel('Email').fill(user.email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/settings\/sessions$/);
  await expect(activeSessions(page)).toBeVisible();
}

async function expectSessionEnded(page: Page): Promise<void> {
  await openSessionsAgain(page);
  await expect(page).toHaveURL(SESSION_ENDED);
  await expect(page.getByRole('status')).toHaveText('Your session ended. Sign in to continue.');
}

test.describe('Sessions', () => {
  // Each test signs in several browsers through the identity provider's pages.
  test.describe.configure({ timeout: 60_000 });

  test('a user sees where they are signed in, revokes another browser, and signs out everywhere else', async ({
    page,
    browser,
  }) => {
    const other = await anotherBrowser(browser, PARTNER_USER);
    await openSessions(page, PARTNER_USER);

    const rows = activeSessions(page)
      .getByRole('row')
      .filter({ has: page.getByRole('button') });
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'This device' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'This device' }).getByRole('button')).toHaveText('Sign out');
    // Nothing about the session is kept in browser storage: the cookie is HttpOnly and the list is the API's.
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

    const otherRow = rows.filter({ hasNotText: 'This device' });
    await otherRow.getByRole('button', { name: /^Revoke/ }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Revoke this session?' });
    await confirm.getByRole('button', { name: 'Revoke session' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Session on .+ revoked\./ })).toBeAttached();
    await expect(rows).toHaveCount(1);
    await expect(endedSessions(page)).toContainText('You revoked it from your session list');

    // The revoked browser finds out at its next request, and is asked to sign in with the page to come back to.
    await expectSessionEnded(other);
    await signInAgain(other, PARTNER_USER);

    await page.reload();
    await expect(rows).toHaveCount(2);
    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await page
      .getByRole('alertdialog', { name: 'Sign out everywhere else?' })
      .getByRole('button', { name: 'Sign out everywhere else' })
      .click();
    await expect(page.getByRole('status').filter({ hasText: '1 session ended.' })).toBeAttached();
    await expect(rows).toHaveCount(1);
    await expect(page.getByText('You are not signed in anywhere else.')).toBeVisible();
    await expect(endedSessions(page)).toContainText('You chose "Sign out everywhere else"');
    await expect(page.getByText(/Ended sessions are kept for \d+ days\./)).toBeVisible();

    await expectSessionEnded(other);
    await other.context().close();
  });

  test('an AiDial administrator signs a user out with a note, which the user reads in their ended sessions', async ({
    page,
    browser,
    signedInAs,
  }) => {
    const user = await anotherBrowser(browser, PARTNER_USER);
    const note = `E2E: password reported as shared (${Date.now()}).`;

    await signedInAs(AIDIAL_ADMIN, '/admin/users');
    await page.getByRole('searchbox', { name: 'Search by email or name' }).fill(PARTNER_USER.email);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: PARTNER_USER.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: PARTNER_USER.name })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out all sessions' }).click();
    const dialog = page.getByRole('dialog', { name: `Sign out all sessions of ${PARTNER_USER.name}?` });
    await dialog.getByRole('button', { name: 'Sign out all sessions' }).click();
    await expect(dialog.getByText('Enter a reason.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(note);
    await expect(dialog).toContainText(`${note.length} / 500`);
    await dialog.getByRole('button', { name: 'Sign out all sessions' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: /^\d+ sessions? ended\.$/ })).toBeAttached();

    await expectSessionEnded(user);
    await signInAgain(user, PARTNER_USER);
    const ended = endedSessions(user).getByRole('row').filter({ hasText: 'Signed out by AiDial support' });
    await expect(ended.first()).toContainText(`Reason: ${note}`);
    await user.context().close();
  });

  test('operators are not offered Sign out all sessions', async ({ page, signedInAs }) => {
    await signedInAs(demoUser('noah.williams@aidial.example'), '/admin/users');
    await page.getByRole('searchbox', { name: 'Search by email or name' }).fill(PARTNER_USER.email);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: PARTNER_USER.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: PARTNER_USER.name })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out all sessions' })).toHaveCount(0);
  });

  test('a client administrator signs a member out from Team', async ({ page, browser, signedInAs }) => {
    const member = await anotherBrowser(browser, MEMBER, signInWithTextMessage);

    await signedInAs(CLIENT_ADMIN, '/team');
    await expect(page.getByRole('button', { name: `Sign out sessions of ${CLIENT_ADMIN.name}` })).toHaveCount(0);
    await page.getByRole('button', { name: `Sign out sessions of ${MEMBER.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Sign out ${MEMBER.name}?` });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('E2E: left the practice.');
    await dialog.getByRole('button', { name: 'Sign out sessions' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${MEMBER.name}: 1 session ended.` })).toBeAttached();

    await expectSessionEnded(member);
    await signInAgain(member, MEMBER);
    const ended = endedSessions(member)
      .getByRole('row')
      .filter({
        hasText: `Signed out by ${CLIENT_ADMIN.name} (administrator)`,
      });
    await expect(ended.first()).toContainText('Reason: E2E: left the practice.');
    await member.context().close();
  });
});
