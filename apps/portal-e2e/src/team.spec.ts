import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { Client } from 'pg';
import { ageSignIn, currentSessionId } from './support/database';
import { demoUser } from './support/demo-users';
import { openSignedIn } from './support/identity-provider';
import { chooseOption } from './support/material-select';
import { expect, test } from './support/sessions';

const CLIENT_ADMIN = demoUser('amelia.hart@acme-health.example');
const CLIENT_MANAGER = demoUser('marcus.chen@acme-health.example');

/** A role as the API and the database spell it: never on the page. */
const ROLE_CODE = /\b(?:client_(?:admin|manager|staff)|billing_clerk)\b/;

async function choose(page: Page, select: string, option: string): Promise<void> {
  await chooseOption(page, page.getByRole('combobox', { name: select, exact: true }), option);
}

/**
 * Picks a member's new role, which opens its confirmation (the page behind it is then hidden from assistive
 * technology, so the picker is looked at again once the dialog has closed). Opening is retried as chooseOption does.
 */
async function pickRole(page: Page, member: string, role: string): Promise<void> {
  const select = page.getByRole('combobox', { name: `Role of ${member}`, exact: true });
  const choice = page.getByRole('option', { name: role, exact: true });
  await expect(async () => {
    if (!(await choice.isVisible())) await select.click({ timeout: 2_000 });
    await expect(choice).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await choice.click();
}

/**
 * SQL against the stack's database (the global setup publishes its URL). A role the portal does not recognise cannot
 * be given through the product, only found in data (an older product, an import): that is what this plants.
 */
async function sql(text: string, values: unknown[]): Promise<void> {
  const url = process.env['PORTAL_E2E_DATABASE_URL'];
  if (!url) throw new Error('PORTAL_E2E_DATABASE_URL is not set: the global setup did not run');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

/**
 * A person holding the unrecognised role `billing_clerk` in Acme Health, as the demo's Ben Carter does. Planted, so the
 * demo's own people stay as other specs expect them; `removePlanted` takes them out of the tenant again.
 */
async function plantUnrecognisedMember(name: string): Promise<string> {
  const userId = randomUUID();
  // Made of the name and the clock, not of the id: hex from a UUID in a visible address reads as an id fragment to the
  // layout spec's code scan (support/page-content.ts), and these people stay in the admin Users list.
  const email = `e2e.${name.toLowerCase().replace(/\W+/g, '-')}.${Date.now()}@acme-health.example`;
  await sql(`INSERT INTO portal_user (id, idp_subject, email, display_name) VALUES ($1, $2, $3, $4)`, [
    userId,
    `e2e-${userId}`,
    email,
    name,
  ]);
  await sql(
    `INSERT INTO membership (id, user_id, tenant_id, role)
     SELECT $1, $2, id, 'billing_clerk' FROM tenant WHERE name = 'Acme Health'`,
    [randomUUID(), userId],
  );
  return userId;
}

/**
 * Takes the planted people out of Acme Health again (the API's database role may delete memberships, not users: the
 * users stay, belonging nowhere, as anyone removed from every tenant does).
 */
async function removePlanted(userIds: readonly string[]): Promise<void> {
  await sql(`DELETE FROM membership WHERE user_id = ANY($1::uuid[])`, [userIds]);
}

test.describe('Team', () => {
  test('client_admin invites a member, and changes a role only after confirming it', async ({ page, signedInAs }) => {
    const email = `e2e.invitee.${Date.now()}@acme-health.example`;
    await signedInAs(CLIENT_ADMIN, '/team');
    await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();

    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await choose(page, 'Role', 'Client Staff');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeAttached();
    const invitations = page.getByRole('table', { name: 'Pending invitations' });
    await expect(invitations.getByRole('row').filter({ hasText: email })).toContainText('Client Staff');

    // Chloe Nguyen is Acme Health's second client_admin; her role is put back at the end.
    const picker = page.getByRole('combobox', { name: 'Role of Chloe Nguyen', exact: true });
    const confirmation = page.getByRole('alertdialog', { name: 'Make Chloe Nguyen a Client Manager?' });

    // Cancel: nothing changes, and the picker still shows the role she has.
    await pickRole(page, 'Chloe Nguyen', 'Client Manager');
    await expect(confirmation).toContainText('Chloe Nguyen is a Client Administrator now.');
    await expect(confirmation).toContainText('As a Client Manager they will be able to');
    await expect(confirmation).toContainText('They are signed out of Acme Health at once');
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirmation).toBeHidden();
    await expect(picker).toBeFocused();
    await expect(picker).toContainText('Client Administrator');
    await page.reload();
    await expect(picker).toContainText('Client Administrator');

    // Confirm: the change is made and the page says what changed.
    await pickRole(page, 'Chloe Nguyen', 'Client Manager');
    await confirmation.getByRole('button', { name: 'Make Client Manager' }).click();
    await expect(
      page.getByRole('status').filter({
        hasText: 'Chloe Nguyen is now a Client Manager in Acme Health. Any sessions they had there ended.',
      }),
    ).toBeAttached();
    await expect(picker).toContainText('Client Manager');
    await page.reload();
    await expect(picker).toContainText('Client Manager');

    await pickRole(page, 'Chloe Nguyen', 'Client Administrator');
    await page
      .getByRole('alertdialog', { name: 'Make Chloe Nguyen a Client Administrator?' })
      .getByRole('button', { name: 'Make Client Administrator' })
      .click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Chloe Nguyen is now a Client Administrator' }),
    ).toBeAttached();
    expect(await page.locator('body').innerText()).not.toMatch(ROLE_CODE);
  });

  test('client_admin gives a member with an unrecognised role a real role, and removes another', async ({
    page,
    signedInAs,
  }) => {
    const planted = [await plantUnrecognisedMember('Rowan Hale'), await plantUnrecognisedMember('Jordan Pike')];
    try {
      await signedInAs(CLIENT_ADMIN, '/team');
      const members = page.getByRole('table', { name: 'Members' });
      const rowan = members.getByRole('row').filter({ hasText: 'Rowan Hale' });
      const jordan = members.getByRole('row').filter({ hasText: 'Jordan Pike' });
      await expect(rowan).toContainText('Unrecognised role');
      await expect(rowan).toContainText('They cannot use the portal until you choose a role for them, or remove them.');
      // Nothing of theirs to sign out: a role the portal does not recognise is refused on every request.
      await expect(rowan.getByRole('button', { name: /^Sign out sessions/ })).toHaveCount(0);
      expect(await page.locator('body').innerText()).not.toMatch(ROLE_CODE);

      await pickRole(page, 'Rowan Hale', 'Client Staff');
      const assign = page.getByRole('alertdialog', { name: 'Make Rowan Hale Client Staff?' });
      await expect(assign).toContainText(
        "Rowan Hale's current role is not one the portal recognises, so they cannot use the portal now.",
      );
      await assign.getByRole('button', { name: 'Make Client Staff' }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'Rowan Hale is now Client Staff in Acme Health.' }),
      ).toBeAttached();
      await expect(rowan).not.toContainText('Unrecognised role');
      await expect(rowan.getByRole('combobox', { name: 'Role of Rowan Hale' })).toContainText('Client Staff');

      await jordan.getByRole('button', { name: 'Remove Jordan Pike' }).click();
      const removal = page.getByRole('alertdialog', { name: 'Remove Jordan Pike from Acme Health?' });
      await expect(removal).toContainText('Jordan Pike loses access to Acme Health at once');
      await removal.getByRole('button', { name: 'Remove member' }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'Jordan Pike was removed from Acme Health.' }),
      ).toBeAttached();
      await expect(jordan).toHaveCount(0);

      await page.reload();
      await expect(rowan.getByRole('combobox', { name: 'Role of Rowan Hale' })).toContainText('Client Staff');
      await expect(jordan).toHaveCount(0);
    } finally {
      await removePlanted(planted);
    }
  });

  test('a role change confirmed long after signing in still asks the manager to confirm it is them; saying no changes nothing', async ({
    page,
    expectRefusal,
  }) => {
    expectRefusal({ url: /\/api\/team\/members\/[^/]+\/role$/, status: 403 });
    // A sign-in of this test's own, moved an hour back: other tests' sessions of Amelia keep their own time.
    await openSignedIn(page, '/team', CLIENT_ADMIN);
    await ageSignIn(await currentSessionId(page), 60);

    await pickRole(page, 'Sofia Rossi', 'Client Manager');
    await page
      .getByRole('alertdialog', { name: 'Make Sofia Rossi a Client Manager?' })
      .getByRole('button', { name: 'Make Client Manager' })
      .click();
    const stepUp = page.getByRole('alertdialog', { name: 'Confirm it’s you' });
    await expect(stepUp).toContainText('Nothing has been changed yet.');
    await stepUp.getByRole('button', { name: 'Cancel' }).click();
    await expect(stepUp).toBeHidden();
    await expect(page.getByText('For your security, confirm it’s you by signing in again')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Role of Sofia Rossi', exact: true })).toContainText(
      'Client Staff',
    );
    await expect(page.getByRole('status').filter({ hasText: 'is now' })).toHaveCount(0);
  });

  test('client_manager sees the Team read-only, a member with an unrecognised role named as such', async ({
    page,
    signedInAs,
  }) => {
    await signedInAs(CLIENT_MANAGER, '/team');
    await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
    await expect(page.getByText('You can see your team. Only a client administrator can invite members')).toBeVisible();
    const members = page.getByRole('table', { name: 'Members' });
    await expect(members).toContainText('Amelia Hart');
    const ben = members.getByRole('row').filter({ hasText: 'Ben Carter' });
    await expect(ben).toContainText('Unrecognised role');
    await expect(ben).toContainText('They cannot use the portal until an administrator gives them a role.');
    await expect(page.getByRole('button', { name: 'Send invitation' })).toHaveCount(0);
    await expect(page.getByRole('combobox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
    expect(await page.locator('body').innerText()).not.toMatch(ROLE_CODE);
  });
});
