import { selectClientInHeader } from './support/material-select';
import { demoUser } from './support/demo-users';
import { expect, test } from './support/sessions';

const PARTNER_USER = demoUser('liam.obrien@northwind.example');

test.describe('Partner workspace', () => {
  test('a partner selects a client in the header, and the dashboard shows that client’s projects', async ({
    page,
    signedInAs,
  }) => {
    await signedInAs(PARTNER_USER, '/dashboard');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

    await selectClientInHeader(page, 'Bluegum Dental');
    await expect(page.getByTestId('dashboard-client')).toHaveText('Bluegum Dental');
    const projects = page.getByRole('list', { name: 'Projects in scope' });
    await expect(projects).toContainText('Patient recalls');
    await expect(projects).not.toContainText('Outbound reminders');

    await selectClientInHeader(page, 'Acme Health');
    await expect(page.getByTestId('dashboard-client')).toHaveText('Acme Health');
    await expect(projects).toContainText('Outbound reminders');
    await expect(projects).not.toContainText('Patient recalls');

    // The selection belongs to the session: the Clients page shows it too.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Acme Health' })).toContainText('Selected');
  });
});
