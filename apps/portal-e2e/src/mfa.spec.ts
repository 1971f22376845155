import type { Page } from '@playwright/test';
import { demoUser } from './support/demo-users';
import { identityProviderOrigin, signInThroughIdentityProvider } from './support/identity-provider';
import {
  passProviderSignIn,
  profileField,
  removeAuthenticatorApp,
  setUpAuthenticatorApp,
  withAuthenticator,
  withRecoveryCode,
} from './support/mfa';
import { expect, test } from './support/test';
import { signInWithTextMessage } from './support/text-message-sign-in';

// A partner_admin (MFA mandatory by role) with no second factor; no other spec depends on his factors, and the test
// removes the authenticator it adds.
const WITHOUT_MFA = demoUser('oliver.bennett@northwind.example');
// A partner_admin with TOTP and recovery codes; the test spends her last seed recovery code (no other spec uses it).
const WITH_RECOVERY_CODES = demoUser('priya.natarajan@northwind.example');
const LAST_RECOVERY_CODE = '3M26V-7WNFT';
// A client_admin (MFA optional) whose second factor is a text message.
const OPTIONAL_AND_ENROLLED = demoUser('chloe.nguyen@acme-health.example');

const onIdentityProvider = (url: URL) => url.origin === identityProviderOrigin();

const remediationNotice = (page: Page) => page.getByRole('region', { name: 'Multi-factor authentication is required' });

test.describe('MFA in Settings', () => {
  // Several round trips through the identity provider's pages.
  test.describe.configure({ timeout: 90_000 });

  test('a partner_admin without MFA is kept in Settings until they set it up and refresh their status', async ({
    page,
    context,
  }) => {
    await page.goto('/dashboard');
    await signInThroughIdentityProvider(page, WITHOUT_MFA);

    // Sent to Settings, told why, and kept there.
    await expect(page).toHaveURL(/\/settings$/);
    const notice = remediationNotice(page);
    await expect(notice).toContainText('Your role, Partner Administrator, requires multi-factor authentication.');
    await expect(notice).toContainText('You have not set up a second factor yet.');
    await expect(notice.getByRole('button').first()).toHaveText('Open MFA setup');
    await expect(profileField(page, 'Policy')).toHaveText('Required (by your role)');
    await expect(profileField(page, 'Enrolment')).toHaveText('Not enrolled');
    await expect(profileField(page, 'Security status')).toHaveText('Required');
    await expect(profileField(page, 'Email address')).toHaveText(WITHOUT_MFA.email);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    for (const path of ['/dashboard', '/partner/team', '/audit-log']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/settings$/);
      await expect(remediationNotice(page)).toBeVisible();
    }
    // Support and the other Settings sections stay open.
    await page.goto('/support');
    await expect(page.getByRole('heading', { level: 1, name: 'Support' })).toBeVisible();
    await page.goto('/settings/sessions');
    await expect(page).toHaveURL(/\/settings\/sessions$/);
    await page.goto('/settings');

    // Open MFA setup: the provider's page, in a new tab.
    const [setup] = await Promise.all([
      context.waitForEvent('page'),
      remediationNotice(page).getByRole('button', { name: 'Open MFA setup' }).click(),
    ]);
    await setup.waitForURL(onIdentityProvider);
    expect(await setup.evaluate(() => window.opener)).toBeNull();
    const secret = await setUpAuthenticatorApp(setup);
    await setup.close();

    try {
      // Refresh security status: sign in again at the provider, this time with the new authenticator.
      await remediationNotice(page).getByRole('button', { name: 'Refresh security status' }).click();
      await page.waitForURL(onIdentityProvider);
      await passProviderSignIn(page, WITHOUT_MFA, withAuthenticator(secret));
      await page.waitForURL((url) => !onIdentityProvider(url));

      await expect(page).toHaveURL(/\/settings$/);
      await expect(profileField(page, 'Security status')).toHaveText('Satisfied');
      await expect(profileField(page, 'Enrolment')).toHaveText('Enrolled');
      await expect(profileField(page, 'Challenge state')).toHaveText('Satisfied');
      await expect(profileField(page, 'Allowed factors')).toContainText('Authenticator app');
      await expect(remediationNotice(page)).toHaveCount(0);
      // A mandatory role is never offered to disable MFA.
      await expect(page.getByRole('button', { name: 'Open provider MFA management to disable' })).toHaveCount(0);

      // The new recovery-code set waits for "I stored my recovery codes"; acknowledged, the prompt goes.
      const prompt = page.getByRole('region', { name: 'Store your recovery codes' });
      await expect(prompt).toBeVisible();
      await prompt.getByRole('button', { name: 'I stored my recovery codes' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Recorded' })).toHaveText(
        'Recorded: you stored your recovery codes.',
      );
      await expect(prompt).toHaveCount(0);
      await page.reload();
      await expect(profileField(page, 'Security status')).toHaveText('Satisfied');
      await expect(page.getByRole('region', { name: 'Store your recovery codes' })).toHaveCount(0);

      // The rest of the portal is open now.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    } finally {
      await removeAuthenticatorApp(page, WITHOUT_MFA, secret);
    }
  });

  // ZITADEL adds nothing to amr for a recovery code and shows no recovery-code factor in its v2 session: the portal
  // cannot tell such a sign-in from one without a second factor, so it says so plainly and fails closed.
  test('a recovery-code sign-in of a mandatory role is sent to finish MFA, told the truth, and no reminder is invented', async ({
    page,
  }) => {
    await page.goto('/settings');
    await page.getByLabel('Email').fill(WITH_RECOVERY_CODES.email);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(onIdentityProvider);
    await passProviderSignIn(page, WITH_RECOVERY_CODES, withRecoveryCode(LAST_RECOVERY_CODE));
    await page.waitForURL((url) => !onIdentityProvider(url));

    await expect(page).toHaveURL(/\/settings$/);
    await expect(profileField(page, 'Enrolment')).toHaveText('Enrolled');
    await expect(profileField(page, 'Security status')).toHaveText('Pending');
    const notice = remediationNotice(page);
    await expect(notice).toContainText('a recovery code does not count here');
    await expect(notice.getByRole('button', { name: 'Refresh security status' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Review your recovery codes' })).toHaveCount(0);
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/settings$/);
  });

  test('an optional-MFA role with a second factor may open provider MFA management to disable it', async ({
    page,
    context,
  }) => {
    await page.goto('/settings');
    await signInWithTextMessage(page, OPTIONAL_AND_ENROLLED);

    await expect(page).toHaveURL(/\/settings$/);
    await expect(profileField(page, 'Policy')).toHaveText('Optional');
    await expect(profileField(page, 'Allowed factors')).toContainText('SMS code');
    await expect(remediationNotice(page)).toHaveCount(0);

    const [management] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open provider MFA management to disable' }).click(),
    ]);
    await management.waitForURL((url) => onIdentityProvider(url) && url.pathname === '/ui/console/users/me');
    await expect(management.getByRole('heading', { level: 1, name: 'Security settings' })).toBeVisible();
    await management.close();
  });
});
