import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { chooseOption, selectClientInHeader } from './support/material-select';
import { demoUser } from './support/demo-users';
import { expectAccessible } from './support/page-content';
import { expect, test } from './support/sessions';

const CLIENT_ADMIN = demoUser('amelia.hart@acme-health.example');
const OTHER_CLIENT_ADMIN = demoUser('ella.martin@harbour-physio.example');
const PARTNER_USER = demoUser('liam.obrien@northwind.example');
const AIDIAL_ADMIN = demoUser('grace.okafor@aidial.example');

function filters(page: Page): Locator {
  return page.getByRole('search', { name: 'Audit events' });
}

async function choose(page: Page, scope: Locator, select: string, option: string): Promise<void> {
  await chooseOption(page, scope.getByRole('combobox', { name: select, exact: true }), option);
}

function events(page: Page): Locator {
  return page.getByRole('table', { name: /^Audit events, page/ });
}

/** A UUID, or an id cut short ("3f9c01ab": eight or more hex digits mixing letters and digits). */
const ID_SHOWN =
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/i;

/** The lines of the events table a person can read (closed disclosures are not read) that show an id. */
async function idsShown(page: Page): Promise<string[]> {
  const text = await events(page).innerText();
  return text.split('\n').filter((line) => ID_SHOWN.test(line));
}

/** Invites a fresh address to Acme Health's team as its client_admin: one `tenancy.invitation.created` event. */
async function inviteToAcme(page: Page, signedInAs: (user: typeof CLIENT_ADMIN, path: string) => Promise<void>) {
  const email = `e2e.audit.${Date.now()}@acme-health.example`;
  await signedInAs(CLIENT_ADMIN, '/team');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('combobox', { name: 'Role', exact: true }).click();
  await page.getByRole('option', { name: 'Client Staff', exact: true }).click();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeAttached();
  return email;
}

test.describe('Audit Log', () => {
  test("a client_admin's invitation shows in their tenant's Audit Log, with its details", async ({
    page,
    signedInAs,
  }) => {
    const email = await inviteToAcme(page, signedInAs);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit Log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit Log' })).toBeVisible();
    await choose(page, filters(page), 'Action', 'Invited a member');
    await filters(page).getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/\/audit-log\?action=tenancy\.invitation\.created$/);

    const newest = events(page).locator('tbody tr').first();
    await expect(newest).toContainText('Invited a member');
    await expect(newest).toContainText('Client Administrator');
    await expect(newest).toContainText('Success');
    const toggle = newest.getByRole('button', { name: /details/i });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(events(page).locator('tr.details-row')).toContainText(email);

    // The filters are in the address: a reload shows the same view.
    await page.reload();
    await expect(filters(page).getByRole('combobox', { name: 'Action', exact: true })).toContainText(
      'Invited a member',
    );
    await expect(events(page).locator('tbody tr').first()).toContainText('Invited a member');
  });

  test("a client_admin never sees another tenant's events", async ({ page, signedInAs, expectRefusal }) => {
    await inviteToAcme(page, signedInAs);
    const acme = (await (await page.request.get('/api/session')).json()) as { tenant: { id: string } };
    await page.context().clearCookies();

    await signedInAs(OTHER_CLIENT_ADMIN, '/audit-log?action=tenancy.invitation.created');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit Log' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'No events match these filters.' })).toBeVisible();

    // Every event the API gives Harbour Physio's administrator is Harbour Physio's own.
    const own = (await (await page.request.get('/api/session')).json()) as { tenant: { id: string } };
    const page1 = (await (await page.request.get('/api/audit-events?limit=200')).json()) as {
      items: { tenant_id: string }[];
    };
    expect(page1.items.length).toBeGreaterThan(0);
    expect(new Set(page1.items.map((item) => item.tenant_id))).toEqual(new Set([own.tenant.id]));

    // Asking for Acme Health's events by id is answered like a tenant that does not exist.
    expectRefusal({ url: /\/api\/audit-events/, status: 404 });
    await page.goto(`/audit-log?tenant_id=${acme.tenant.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });

  test("a partner sees its clients' events and filters them by client", async ({ page, signedInAs }) => {
    await inviteToAcme(page, signedInAs);
    await page.context().clearCookies();

    await signedInAs(PARTNER_USER, '/dashboard');
    // Selecting a client is itself an event, in the partner's own log.
    await selectClientInHeader(page, 'Bluegum Dental');
    await expect(page.getByTestId('dashboard-client')).toHaveText('Bluegum Dental');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit Log' }).click();
    const selected = events(page).locator('tbody tr').filter({ hasText: 'Selected a client' }).first();
    await expect(selected).toContainText('Northwind Partners');

    await choose(page, filters(page), 'Client', 'Acme Health');
    await filters(page).getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/client_id=[0-9a-f-]{36}/);
    const rows = events(page).locator('tbody tr');
    await expect(rows.filter({ hasText: 'Invited a member' }).first()).toBeVisible();
    // Only Acme Health's events: the tenant column says so on every row.
    const tenants = await rows.locator('td:nth-child(2)').allTextContents();
    expect(new Set(tenants.map((text) => text.trim()))).toEqual(new Set(['Acme Health']));

    await choose(page, filters(page), 'Client', 'Bluegum Dental');
    await filters(page).getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Page 1|No events/ })).toBeVisible();
    await expect(events(page).locator('tbody tr').filter({ hasText: 'Acme Health' })).toHaveCount(0);
  });

  test('an AiDial administrator sees every tenant and verifies a chain as intact', async ({ page, signedInAs }) => {
    await inviteToAcme(page, signedInAs);
    await page.context().clearCookies();

    await signedInAs(AIDIAL_ADMIN, '/admin/audit-log');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit Log' })).toBeVisible();
    // Every tenant's events: Acme Health's invitation beside other tenants' events (at least the sign-ins).
    const rows = events(page).locator('tbody tr');
    await expect(rows.filter({ hasText: 'Acme Health' }).filter({ hasText: 'Invited a member' }).first()).toBeVisible();
    const everyTenant = await rows.locator('td:nth-child(2)').allTextContents();
    expect(new Set(everyTenant.map((text) => text.trim())).size).toBeGreaterThan(1);

    await choose(page, filters(page), 'Tenant', 'Acme Health');
    await filters(page).getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/tenant_id=[0-9a-f-]{36}/);
    await expect(rows.first()).toContainText('Acme Health');
    const tenants = await rows.locator('td:nth-child(2)').allTextContents();
    expect(new Set(tenants.map((text) => text.trim()))).toEqual(new Set(['Acme Health']));

    const integrity = page.getByRole('form', { name: 'Integrity' });
    await expect(integrity.getByRole('combobox', { name: 'Chain to verify' })).toContainText('Acme Health');
    await integrity.getByRole('button', { name: 'Verify integrity' }).click();
    await expect(page.getByTestId('verify-verdict')).toContainText('Intact: the chain of Acme Health verified');
  });

  test('the CSV export downloads the rows shown, with their ids and the actors’ names', async ({
    page,
    signedInAs,
  }) => {
    await inviteToAcme(page, signedInAs);
    await page.goto('/audit-log?action=tenancy.invitation.created');
    await expect(events(page).locator('tbody tr').first()).toContainText('Invited a member');
    const shown = (await (
      await page.request.get('/api/audit-events?action=tenancy.invitation.created&limit=50')
    ).json()) as { items: { id: string; request_id: string }[] };
    expect(shown.items.length).toBeGreaterThan(0);
    await expect(events(page).locator('tbody > tr:not(.details-row)')).toHaveCount(shown.items.length);

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Export CSV/ }).click();
    const download = await downloading;
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toContain('"request_id"');
    expect(header).toContain('"actor_user_id"');
    expect(header).toContain('"actor_name","actor_email","target_description"');
    for (const item of shown.items) expect(csv).toContain(item.request_id);
    // Same scope and filter: only invitations, one line per event shown, each with its actor's name and email.
    expect(lines.every((line) => line.includes('tenancy.invitation.created'))).toBe(true);
    expect(lines.every((line) => line.includes('"Amelia Hart","amelia.hart@acme-health.example"'))).toBe(true);
    expect(lines).toHaveLength(shown.items.length);
  });

  test('names who acted and what they acted on, and filters by a person picked by name, with no id in the table', async ({
    page,
    signedInAs,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const email = await inviteToAcme(page, signedInAs);
    await page.goto('/audit-log');

    const invitation = events(page)
      .locator('tbody tr')
      .filter({ hasText: `Invitation for ${email}` });
    await expect(invitation).toHaveCount(1);
    await expect(invitation).toContainText('Amelia Hart');
    await expect(invitation).toContainText('amelia.hart@acme-health.example');
    await expect(invitation).toContainText('Invited a member');
    expect(await idsShown(page)).toEqual([]);

    // Pick Amelia by part of her email; the filter is her, by name.
    const actor = filters(page).getByRole('combobox', { name: 'Actor' });
    await actor.fill('amelia.h');
    await page.getByRole('option', { name: /^Amelia Hart/ }).click();
    await expect(actor).toHaveValue('Amelia Hart');
    await filters(page).getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/\/audit-log\?actor=[0-9a-f-]{36}$/);
    const rows = events(page).locator('tbody > tr:not(.details-row)');
    await expect(rows.first()).toBeVisible();
    const actors = await rows.locator('td:nth-child(2) .name').allTextContents();
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors.map((name) => name.trim()))).toEqual(new Set(['Amelia Hart']));
    expect(await idsShown(page)).toEqual([]);

    // A reload keeps the person, by name.
    await page.reload();
    await expect(filters(page).getByRole('combobox', { name: 'Actor' })).toHaveValue('Amelia Hart');

    // Choosing the invitation in the list shows only the events about it, and says what it is.
    await page.goto('/audit-log');
    await events(page)
      .getByRole('button', { name: `Show only events about Invitation for ${email}` })
      .click();
    await expect(page).toHaveURL(/target_type=invitation&target_id=/);
    await expect(filters(page)).toContainText(`Only events about Invitation for ${email}.`);
    await expect(rows).toHaveCount(1);

    // A row's details read as words; the ids support asks for stay folded until asked for.
    await rows
      .first()
      .getByRole('button', { name: /^Details/ })
      .click();
    const details = events(page).locator('tr.details-row');
    await expect(details).toContainText('Client Staff');
    expect(await idsShown(page)).toEqual([]);
    await details.getByText('Identifiers for support').click();
    await expect(details).toContainText('Request id');
    await expectAccessible(page, 'the Audit Log with a row’s details open');

    // The picker, open, passes the same accessibility checks.
    await filters(page).getByRole('combobox', { name: 'Actor' }).click();
    await expect(page.getByRole('option').first()).toBeVisible();
    await expectAccessible(page, 'the Audit Log with the actor picker open');
  });

  test('on a phone, the table scrolls inside its own labelled region and the page does not', async ({
    page,
    signedInAs,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signedInAs(CLIENT_ADMIN, '/audit-log');
    const region = page.getByRole('region', { name: /^Audit events, page/ });
    await expect(region.locator('tbody tr').first()).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // The table is wider than a phone: it scrolls inside its region, which a keyboard can reach (tabindex 0).
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await expect(region).toHaveAttribute('tabindex', '0');
    const details = region
      .locator('tbody tr')
      .first()
      .getByRole('button', { name: /^Details/ });
    await details.scrollIntoViewIfNeeded();
    await expect(details).toBeInViewport();
    const picker = filters(page).getByRole('combobox', { name: 'Actor' });
    await picker.scrollIntoViewIfNeeded();
    const box = await picker.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    expect(await idsShown(page)).toEqual([]);
  });
});
