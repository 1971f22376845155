import type { Page } from '@playwright/test';
import { demoUser } from './support/demo-users';
import { expect, test } from './support/sessions';

const CLIENT_ADMIN = demoUser('amelia.hart@acme-health.example');
const CLIENT_MANAGER = demoUser('marcus.chen@acme-health.example');

async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: select, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('Team', () => {
  test('client_admin invites a member and changes a role', async ({ page, signedInAs }) => {
    const email = `e2e.invitee.${Date.now()}@acme-health.example`;
    await signedInAs(CLIENT_ADMIN, '/team');
    await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();

    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await choose(page, 'Role', 'Client Staff');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeAttached();
    const invitations = page.getByRole('table', { name: 'Pending invitations' });
    await expect(invitations.getByRole('row').filter({ hasText: email })).toContainText('Client Staff');

    // Chloe Nguyen is Acme Health's second client_admin; the role is put back afterwards.
    await choose(page, 'Role of Chloe Nguyen', 'Client Manager');
    await expect(page.getByText('Chloe Nguyen is now Client Manager.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Role of Chloe Nguyen' })).toContainText('Client Manager');
    await choose(page, 'Role of Chloe Nguyen', 'Client Administrator');
    await expect(page.getByText('Chloe Nguyen is now Client Administrator.')).toBeVisible();
  });

  test('client_manager sees the Team read-only', async ({ page, signedInAs }) => {
    await signedInAs(CLIENT_MANAGER, '/team');
    await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
    await expect(page.getByText('You can see your team. Only a client administrator can invite members')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Members' })).toContainText('Amelia Hart');
    await expect(page.getByRole('button', { name: 'Send invitation' })).toHaveCount(0);
    await expect(page.getByRole('combobox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Remove' })).toHaveCount(0);
  });
});
