import { TOTP } from 'otpauth';
import { ageSignIn, currentSessionId } from './support/database';
import { DEMO_PASSWORD, demoUser } from './support/demo-users';
import { identityProviderOrigin, openSignedIn } from './support/identity-provider';
import { expect, test } from './support/test';

// Only this test's own sessions are moved back in time; other specs' sessions of theirs keep their own.
const PARTNER_ADMIN = demoUser('priya.natarajan@northwind.example');
const CLIENT_ADMIN = demoUser('amelia.hart@acme-health.example');

test.describe('Step-up for sensitive actions', () => {
  test('a partner administrator signed in an hour ago confirms it is them at the identity provider and then creates the key', async ({
    page,
    expectRefusal,
  }) => {
    expectRefusal({ url: /\/api\/integrations\/keys$/, status: 403 });
    await openSignedIn(page, '/integrations', PARTNER_ADMIN);
    await expect(page.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();
    const before = await currentSessionId(page);
    await ageSignIn(before, 60);

    const name = `Step-up key ${Date.now()}`;
    const createKey = async () => {
      await page.getByRole('button', { name: 'Create an API key' }).click();
      const create = page.getByRole('dialog', { name: 'Create an API key' });
      await create.getByRole('textbox', { name: 'Name' }).fill(name);
      await create.getByRole('checkbox', { name: /Read platform data/ }).check();
      await create.getByRole('combobox', { name: 'Client' }).click();
      await page.getByRole('option', { name: 'Bluegum Dental', exact: true }).click();
      await create.getByRole('button', { name: 'Create key' }).click();
    };
    await createKey();

    // The API refused the change; the portal asks first, and says nothing has changed.
    const confirm = page.getByRole('alertdialog', { name: 'Confirm it’s you' });
    await expect(confirm).toContainText('Nothing has been changed yet.');
    await confirm.getByRole('button', { name: 'Sign in again' }).click();

    // The identity provider asks for the password again even though its own session is still alive (prompt=login).
    await page.waitForURL((url) => url.origin === identityProviderOrigin());
    const email = page.getByLabel('Email');
    if (await email.isVisible()) {
      await expect(email).toHaveValue(PARTNER_ADMIN.email);
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authenticator code').fill(new TOTP({ secret: PARTNER_ADMIN.totpSecret ?? '' }).generate());
    await page.getByRole('button', { name: 'Verify' }).click();

    // Back on the same page, with a new session id.
    await expect(page).toHaveURL(/\/integrations$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();
    expect(await currentSessionId(page)).not.toBe(before);

    // Now the change goes through.
    await createKey();
    const created = page.getByRole('dialog', { name: 'API key created' });
    await expect(created.getByText('You will not see it again')).toBeVisible();
    await created.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  });

  test('saying no keeps the page and tells the user why nothing changed', async ({ page, browser, expectRefusal }) => {
    expectRefusal({ url: /\/api\/sessions\/revoke-others$/, status: 403 });
    // A second browser of hers, so that there is somewhere else to sign out of.
    const elsewhere = await browser.newContext();
    await openSignedIn(await elsewhere.newPage(), '/settings/sessions', CLIENT_ADMIN);
    await openSignedIn(page, '/settings/sessions', CLIENT_ADMIN);
    await ageSignIn(await currentSessionId(page), 60);
    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await page
      .getByRole('alertdialog', { name: 'Sign out everywhere else?' })
      .getByRole('button', { name: 'Sign out everywhere else' })
      .click();
    const confirm = page.getByRole('alertdialog', { name: 'Confirm it’s you' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(page).toHaveURL(/\/settings\/sessions$/);
    await expect(page.getByText('For your security, confirm it’s you by signing in again')).toBeVisible();
    await elsewhere.close();
  });
});
