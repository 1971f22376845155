import type { Page } from '@playwright/test';
import { demoUser } from './support/demo-users';
import { expect, test } from './support/sessions';

// A client_manager: Support lists their own tickets (docs/support.md). No other spec reads Support.
const MEMBER = demoUser('marcus.chen@acme-health.example');

/** A token of the shape the API refuses (`eyJ….….…`); not a real token. */
const JWT_SHAPED = [
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9',
  'eyJzdWIiOiIzMTAwMDAwMDAwMDAwMDAwMDIiLCJhdWQiOiJwb3J0YWwifQ',
  'c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu',
].join('.');

const ticketForm = (page: Page) => page.getByRole('form', { name: 'Open a support ticket' });
const tickets = (page: Page) => page.getByRole('table', { name: 'Your tickets' });

async function chooseCategory(page: Page, category: string): Promise<void> {
  await ticketForm(page).getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: category }).click();
}

test.describe('Support', () => {
  test('a member opens a ticket and sees it listed as theirs', async ({ page, signedInAs }) => {
    await signedInAs(MEMBER, '/support');
    await expect(page.getByRole('note')).toContainText('Never paste one-time codes, recovery codes');
    const subject = `Campaign export question ${Date.now()}`;

    await chooseCategory(page, 'Something else');
    await ticketForm(page).getByLabel('Subject').fill(subject);
    await ticketForm(page).getByLabel('What do you need?').fill('How do I export last month’s campaign results?');
    await ticketForm(page).getByRole('button', { name: 'Open ticket' }).click();

    await expect(page.getByRole('status')).toHaveText(`Ticket opened: ${subject}`);
    const row = tickets(page).getByRole('row').filter({ hasText: subject });
    await expect(row).toContainText('Something else');
    await expect(row).toContainText('You');
    await expect(row).toContainText('Open');
    await page.reload();
    await expect(tickets(page).getByRole('row').filter({ hasText: subject })).toHaveCount(1);
  });

  test('a ticket holding a token is refused, with the reason on the field, and nothing is listed', async ({
    page,
    signedInAs,
    expectRefusal,
  }) => {
    expectRefusal({ url: /\/api\/support\/tickets$/, status: 400 });
    await signedInAs(MEMBER, '/support');
    const subject = `Sign-in token question ${Date.now()}`;

    await chooseCategory(page, 'Signing in, MFA and permissions');
    await ticketForm(page).getByLabel('Subject').fill(subject);
    await ticketForm(page).getByLabel('What do you need?').fill(`My browser shows this token: ${JWT_SHAPED}`);
    await ticketForm(page).getByRole('button', { name: 'Open ticket' }).click();

    await expect(ticketForm(page).getByRole('alert').filter({ hasText: 'Remove the code, token' })).toBeVisible();
    await expect(ticketForm(page).getByText('This looks like a token (JWT).')).toBeVisible();
    await expect(ticketForm(page).getByLabel('What do you need?')).toHaveAttribute('aria-invalid', 'true');
    await expect(ticketForm(page).getByLabel('Subject')).toHaveAttribute('aria-invalid', 'false');
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Your tickets' })).toBeVisible();
    await expect(page.getByText(subject)).toHaveCount(0);
  });

  test('"Request a profile update" in Settings opens the ticket form for an account ticket', async ({
    page,
    signedInAs,
  }) => {
    await signedInAs(MEMBER, '/settings');
    await page.getByRole('link', { name: 'Request a profile update' }).click();

    await expect(page).toHaveURL(/\/support\?category=account&subject=Profile%20update$/);
    await expect(ticketForm(page).getByRole('combobox', { name: 'Category' })).toContainText('Profile and account');
    await expect(ticketForm(page).getByLabel('Subject')).toHaveValue('Profile update');
    await expect(ticketForm(page).getByLabel('What do you need?')).toHaveValue('');
  });
});
