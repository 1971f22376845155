import type { Page } from '@playwright/test';
import { selectClientInHeader } from './support/material-select';
import { demoUser } from './support/demo-users';
import { expect, test } from './support/sessions';

const PARTNER_USER = demoUser('liam.obrien@northwind.example');
const CLIENT_ADMIN = demoUser('amelia.hart@acme-health.example');
const CLIENT_MANAGER = demoUser('marcus.chen@acme-health.example');
const OPERATOR = demoUser('noah.williams@aidial.example');

const mainNavigation = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The rows of a table region that hold data (the header row aside). */
const dataRows = (page: Page, region: string) => page.getByRole('region', { name: region }).locator('tbody tr');

test.describe('AiDial platform sections', () => {
  test("a partner's Calls page shows the selected client's calls from the platform", async ({ page, signedInAs }) => {
    await signedInAs(PARTNER_USER, '/calls');
    await expect(page.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();

    // With no client selected, the page asks for one instead of showing anything.
    await selectClientInHeader(page, 'No client selected');
    await expect(page.getByRole('heading', { name: 'Select a client' })).toBeVisible();

    await selectClientInHeader(page, 'Bluegum Dental');
    const calls = page.getByRole('table', { name: /^Calls, page/ });
    await expect(calls.getByRole('row').filter({ hasText: 'Patient recalls' }).first()).toBeVisible();
    await expect(calls).not.toContainText('Outbound reminders');

    await selectClientInHeader(page, 'Acme Health');
    await expect(calls.getByRole('row').filter({ hasText: 'Outbound reminders' }).first()).toBeVisible();
    await expect(calls).not.toContainText('Patient recalls');
  });

  test('a customer sees call metrics on the Dashboard and its Billing, from the platform', async ({
    page,
    signedInAs,
  }) => {
    await signedInAs(CLIENT_ADMIN, '/dashboard');
    await expect(page.getByText('Calls today')).toBeVisible();
    await expect(page.getByText('Minutes this month')).toBeVisible();
    await expect(page.getByText('Not connected yet')).toHaveCount(0);

    await mainNavigation(page).getByRole('link', { name: 'Billing' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Usage and charges by project' })).toContainText('Outbound reminders');
  });

  test("the Dashboard's calls today are the calls the Calls page dates today", async ({ page, signedInAs }) => {
    await signedInAs(CLIENT_ADMIN, '/dashboard');
    const figure = page.locator('aidial-figures .figure').filter({ hasText: 'Calls today' }).locator('dd');
    const callsToday = Number((await figure.innerText()).replace(/\D/g, ''));
    expect(callsToday).toBeGreaterThan(0);

    await mainNavigation(page).getByRole('link', { name: 'Calls' }).click();
    const started = page.getByRole('table', { name: /^Calls, page/ }).locator('tbody tr time');
    await expect(started.first()).toBeVisible();
    // Today in the browser's own calendar, as the page shows the dates.
    const today = await started.evaluateAll((times) => {
      const midnight = new Date().setHours(0, 0, 0, 0);
      return times.map((time) => Date.parse(time.getAttribute('datetime') ?? '') >= midnight);
    });
    expect(today.filter(Boolean)).toHaveLength(callsToday);
    // Newest first: today's calls lead the list, and none from weeks ago sits above them.
    expect(today.slice(0, callsToday).every(Boolean)).toBe(true);
  });

  test('Compliance shows the platform’s checks, and its administrator the settings behind them', async ({
    page,
    signedInAs,
  }) => {
    await signedInAs(CLIENT_ADMIN, '/dashboard');
    await mainNavigation(page).getByRole('link', { name: 'Compliance', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Compliance' })).toBeVisible();
    await expect(page.getByText('Not connected yet')).toHaveCount(0);
    const figures = page.getByRole('definition');
    await expect(figures.first()).toHaveText(/^\d[\d,]*$/);
    await expect(dataRows(page, 'Compliance checks').first()).toContainText(/Outbound reminders|Inbound reception/);

    // Only the blocked checks, when asked.
    await page.getByRole('combobox', { name: 'Result' }).click();
    await page.getByRole('option', { name: 'Blocked' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Blocked checks' })).toBeVisible();
    const results = dataRows(page, 'Compliance checks').locator('td:nth-child(4)');
    await expect(results.first()).toHaveText('Blocked');
    expect(new Set(await results.allInnerTexts())).toEqual(new Set(['Blocked']));

    await page.getByRole('link', { name: 'Compliance administration' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Compliance administration' })).toBeVisible();
    await expect(dataRows(page, 'Calling hours').filter({ hasText: 'Sunday' })).toContainText('No calls');
    await expect(dataRows(page, 'Do-not-call lists').filter({ hasText: 'Acme Health opt-outs' })).toBeVisible();
    await expect(dataRows(page, 'Consent sources').first()).toBeVisible();
    await expect(dataRows(page, 'Exceptions').first()).toContainText('Outbound reminders');
  });

  test('a client manager reads Compliance, without the administrator’s settings', async ({ page, signedInAs }) => {
    await signedInAs(CLIENT_MANAGER, '/compliance');
    await expect(dataRows(page, 'Compliance checks').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Compliance administration' })).toHaveCount(0);
  });

  test('the admin area shows the platform’s incidents, discounts and adjustments', async ({ page, signedInAs }) => {
    await signedInAs(OPERATOR, '/admin');

    await mainNavigation(page).getByRole('link', { name: 'Incidents' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Call recordings delayed' })).toBeVisible();
    await expect(dataRows(page, 'All incidents')).toHaveCount(3);
    await expect(dataRows(page, 'All incidents').filter({ hasText: 'Outbound calls failing' })).toContainText(
      'Resolved',
    );

    await mainNavigation(page).getByRole('link', { name: 'Discounts' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Discounts' })).toBeVisible();
    await expect(dataRows(page, 'Discounts').filter({ hasText: 'Acme Health' })).toContainText('Launch discount');
    await expect(page.locator('aidial-figures .figure').filter({ hasText: 'Active' }).locator('dd')).toHaveText(
      /^[1-9]/,
    );

    await mainNavigation(page).getByRole('link', { name: 'Adjustments' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Adjustments' })).toBeVisible();
    const adjustments = dataRows(page, 'Adjustments');
    await expect(adjustments.first()).toContainText(/Credit|Charge/);
    await expect(adjustments.first()).toContainText(/[−+]\$\d/);
    await expect(page.getByText('Not connected yet')).toHaveCount(0);
  });
});
