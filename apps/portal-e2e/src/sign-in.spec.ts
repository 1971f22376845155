import { roleLabel } from '@aidial/shared/access';
import { demoUser } from './support/demo-users';
import {
  continueWithEmail,
  enterPassword,
  signInThroughIdentityProvider,
  unlockAtIdentityProvider,
} from './support/identity-provider';
import { expect, test } from './support/test';

/** One account per role (tools/demo/seed.json) and the home spec/02 sends it to. */
const EACH_ROLE = [
  { email: 'amelia.hart@acme-health.example', home: '/dashboard', heading: 'Dashboard' },
  { email: 'marcus.chen@acme-health.example', home: '/dashboard', heading: 'Dashboard' },
  { email: 'sofia.rossi@acme-health.example', home: '/dashboard', heading: 'Dashboard' },
  { email: 'priya.natarajan@northwind.example', home: '/dashboard', heading: 'Dashboard' },
  { email: 'liam.obrien@northwind.example', home: '/dashboard', heading: 'Dashboard' },
  { email: 'grace.okafor@aidial.example', home: '/admin', heading: 'Admin' },
  { email: 'noah.williams@aidial.example', home: '/admin', heading: 'Admin' },
].map((account) => ({ ...account, user: demoUser(account.email) }));

test.describe('Signing in through the identity provider', () => {
  for (const { user, home, heading } of EACH_ROLE) {
    test(`${user.role} (${user.name}${user.totpSecret ? ', with TOTP' : ''}) lands on ${home}`, async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/sign-in$/);

      await signInThroughIdentityProvider(page, user);

      await expect(page).toHaveURL(new RegExp(`${home}$`));
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(
        `Signed in as ${user.name} (${roleLabel(user.role)}) · ${user.tenant}`,
      );
      const banner = page.getByRole('banner');
      await expect(banner).toContainText(user.name);
      await expect(banner).toContainText(`${roleLabel(user.role)} · ${user.tenant}`);
      const navigation = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
      // The whole navigation of each role is navigation.spec.ts's subject; here, that it starts at the role's home.
      await expect(navigation.first()).toHaveText(home === '/admin' ? 'Admin home' : 'Dashboard');
      await expect(navigation.first()).toHaveAttribute('href', home);
    });
  }

  test('returns to the page asked for before signing in', async ({ page }) => {
    await page.goto('/status?from=bookmark');
    await expect(page).toHaveURL(/\/sign-in\?return_to=%2Fstatus%3Ffrom%3Dbookmark$/);

    await signInThroughIdentityProvider(page, demoUser('liam.obrien@northwind.example'));

    await expect(page).toHaveURL(/\/status\?from=bookmark$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
  });

  test('checks the email before leaving the portal', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('amelia.hart');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByText('Enter an email address in the format name@example.com.')).toBeVisible();
    await expect(page.getByLabel('Email')).toBeFocused();
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});

test.describe('Signing out', () => {
  test('returns to the sign-in page, and the old session cookie no longer works', async ({ page, browser }) => {
    await page.goto('/');
    await signInThroughIdentityProvider(page, demoUser('marcus.chen@acme-health.example'));
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    const cookiesWhileSignedIn = await page.context().cookies();

    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();

    await expect(page).toHaveURL(/\/sign-in\?signed_out=1$/);
    await expect(page.getByRole('status')).toHaveText('You have signed out.');

    // The same cookies in a fresh browser: the session they name has ended, so the portal asks to sign in again.
    const replay = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      await replay.addCookies(cookiesWhileSignedIn);
      expect((await replay.request.get('/api/session')).status()).toBe(401);
      const replayPage = await replay.newPage();
      await replayPage.goto('/dashboard');
      await expect(replayPage).toHaveURL(/\/sign-in\?return_to=%2Fdashboard$/);
      await expect(replayPage.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    } finally {
      await replay.close();
    }
  });
});

test.describe('Signed in at the provider, but not let into the portal', () => {
  test('a user whose role the portal does not recognise sees access denied', async ({ page, expectRefusal }) => {
    expectRefusal({ url: /\/api\/session$/, status: 403 });
    await page.goto('/');
    await signInThroughIdentityProvider(page, demoUser('ben.carter@acme-health.example'));

    await expect(page).toHaveURL(/\/access-denied\?reason=role_not_recognised$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Access denied' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Your role is not recognised' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in again' })).toHaveAttribute('href', '/sign-in');
  });

  test('a person no organisation has added yet is told so, not that their role is wrong', async ({
    page,
    expectRefusal,
  }) => {
    expectRefusal({ url: /\/api\/session$/, status: 403 });
    await page.goto('/');
    await signInThroughIdentityProvider(page, demoUser('ava.morris@acme-health.example'));

    await expect(page).toHaveURL(/\/access-denied\?reason=no_membership$/);
    await expect(
      page.getByRole('heading', { level: 2, name: 'You are not a member of an organisation yet' }),
    ).toBeVisible();
    await expect(page.getByText('Ask your organisation’s administrator to invite you from Team.')).toBeVisible();
  });

  test('a user of a suspended organisation sees access denied', async ({ page, expectRefusal }) => {
    expectRefusal({ url: /\/api\/session$/, status: 403 });
    await page.goto('/');
    await signInThroughIdentityProvider(page, demoUser('zoe.taylor@coastal-realty.example'));

    await expect(page).toHaveURL(/\/access-denied\?reason=tenant_suspended$/);
    await expect(
      page.getByRole('heading', { level: 2, name: 'Your organisation’s account is not active' }),
    ).toBeVisible();
    await expect(page.getByRole('main')).toContainText(
      'Contact your AiDial account manager or AiDial support for assistance.',
    );
  });
});

test.describe('Unable to sign in', () => {
  test("a wrong password shows the identity provider's message", async ({ page, expectRefusal }) => {
    expectRefusal({ url: /\/password$/, status: 400 });
    await page.goto('/sign-in');
    await continueWithEmail(page, 'chloe.nguyen@acme-health.example');
    await enterPassword(page, 'not-the-password');

    await expect(page.getByRole('alert')).toHaveText('Failed to authenticate. 1 of 5 attempts used.');
  });

  // ZITADEL locks the user until an administrator unlocks them and keeps them on its own page: nothing comes back to
  // the portal, so the portal has no message of its own for it (docs/operators.md).
  test("a locked account stays on the identity provider's page with its message", async ({ page, expectRefusal }) => {
    expectRefusal({ url: /\/password$/, status: 400 });
    await page.goto('/sign-in');
    await continueWithEmail(page, 'oliver.bennett@northwind.example');
    try {
      for (let attempt = 1; attempt <= 5; attempt++) await enterPassword(page, `wrong-${attempt}`);

      await expect(page.getByRole('alert')).toHaveText('Account locked, please contact admin');
      await expect(page.getByRole('button', { name: 'Return to the application' })).toHaveCount(0);
    } finally {
      await unlockAtIdentityProvider('oliver.bennett@northwind.example');
    }
  });
});
