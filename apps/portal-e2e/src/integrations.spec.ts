import type { Page } from '@playwright/test';
import { demoUser } from './support/demo-users';
import { expect, test } from './support/sessions';

const PARTNER_ADMIN = demoUser('priya.natarajan@northwind.example');
const PARTNER_USER = demoUser('liam.obrien@northwind.example');

/** Every place a browser keeps data for the portal's origin, as text: storage, IndexedDB names and cookies. */
async function browserStorage(page: Page): Promise<string> {
  const inPage = await page.evaluate(async () => {
    const dump = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, index) => {
        const key = storage.key(index) ?? '';
        return `${key}=${storage.getItem(key) ?? ''}`;
      });
    const databases = 'databases' in indexedDB ? await indexedDB.databases() : [];
    return {
      local: dump(localStorage),
      session: dump(sessionStorage),
      indexedDb: databases.map((database) => database.name ?? ''),
    };
  });
  const cookies = await page.context().cookies();
  return JSON.stringify({ ...inPage, cookies: cookies.map((cookie) => `${cookie.name}=${cookie.value}`) });
}

test.describe('Integrations', () => {
  test('a partner administrator creates, rotates and revokes an API key; each secret is shown once', async ({
    page,
    signedInAs,
    request,
  }) => {
    const name = `E2E key ${Date.now()}`;
    await signedInAs(PARTNER_ADMIN, '/integrations');
    await expect(page.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();

    // Create.
    await page.getByRole('button', { name: 'Create an API key' }).click();
    const create = page.getByRole('dialog', { name: 'Create an API key' });
    await create.getByRole('textbox', { name: 'Name' }).fill(name);
    await create.getByRole('checkbox', { name: /Read platform data/ }).check();
    await create.getByRole('combobox', { name: 'Client' }).click();
    await page.getByRole('option', { name: 'Bluegum Dental', exact: true }).click();
    await create.getByRole('button', { name: 'Create key' }).click();

    const created = page.getByRole('dialog', { name: 'API key created' });
    await expect(created.getByText('You will not see it again')).toBeVisible();
    const secretField = created.getByRole('textbox', { name: 'Your new API key' });
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^aidial_[A-Za-z0-9_-]{20,}$/);
    await created.getByRole('button', { name: 'Copy key' }).click();
    await expect(created.getByRole('status')).toHaveText('Copied to the clipboard.');

    // The key works for a server-side call, and the browser keeps it nowhere.
    const whoami = await request.get('/v1/whoami', { headers: { 'X-API-Key': secret } });
    expect(whoami.status()).toBe(200);
    expect(await browserStorage(page)).not.toContain(secret.slice(-12));

    await created.getByRole('button', { name: 'Done' }).click();
    await expect(created).toBeHidden();
    expect(await page.content()).not.toContain(secret);
    expect(await browserStorage(page)).not.toContain(secret.slice(-12));

    const keys = page.getByRole('table', { name: 'API keys' });
    const row = keys.getByRole('row').filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(`…${secret.slice(-4)}`);
    await expect(row).toContainText('platform:read');
    await expect(row).toContainText('Bluegum Dental');
    await expect(row).toContainText('Active');

    // Rotate: a new secret, once; the old key keeps working for the overlap window shown.
    await row.getByRole('button', { name: `Rotate ${name}` }).click();
    const rotate = page.getByRole('dialog', { name: `Rotate ${name}?` });
    await expect(rotate.getByRole('combobox', { name: 'Old key keeps working for' })).toContainText('1 day');
    await rotate.getByRole('button', { name: 'Rotate key' }).click();
    const rotated = page.getByRole('dialog', { name: `${name} rotated` });
    await expect(rotated.getByTestId('overlap-note')).toContainText('The old key keeps working until');
    const newSecret = await rotated.getByRole('textbox', { name: 'The new API key' }).inputValue();
    expect(newSecret).toMatch(/^aidial_/);
    expect(newSecret).not.toBe(secret);
    expect(await browserStorage(page)).not.toContain(newSecret.slice(-12));
    await rotated.getByRole('button', { name: 'Done' }).click();
    await expect(rotated).toBeHidden();

    expect((await request.get('/v1/whoami', { headers: { 'X-API-Key': secret } })).status()).toBe(200);
    expect((await request.get('/v1/whoami', { headers: { 'X-API-Key': newSecret } })).status()).toBe(200);
    const rows = keys.getByRole('row').filter({ hasText: name });
    await expect(rows).toHaveCount(2);
    const newRow = rows.filter({ hasText: `…${newSecret.slice(-4)}` }).filter({ hasNotText: 'Replaced by' });
    await expect(newRow).toContainText('Active');
    // The old row says it was replaced, by which key and until when it works; it can no longer be rotated, and
    // every button names the key it acts on, so the two rows' buttons are never the same.
    const oldRow = rows.filter({ hasText: new RegExp(`Replaced by …${newSecret.slice(-4)},\\s*works until`) });
    await expect(oldRow).toHaveCount(1);
    await expect(oldRow).toContainText(`…${secret.slice(-4)}`);
    await expect(oldRow.getByRole('button', { name: /^Rotate/ })).toHaveCount(0);
    await expect(oldRow.getByRole('button', { name: `Revoke ${name} ending ${secret.slice(-4)}` })).toBeVisible();
    await expect(newRow.getByRole('button', { name: `Revoke ${name} ending ${newSecret.slice(-4)}` })).toBeVisible();
    // No two buttons of the table share a name, however many keys share theirs.
    const names = await keys
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((button) => button.textContent?.replace(/\s+/g, ' ').trim()));
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(new Set(names).size).toBe(names.length);

    // "Works until" is the old key's own expiry, the rotation's overlap (1 day) from now, as the API has it.
    const listed = (await (await page.request.get('/api/integrations/keys')).json()) as {
      items: Array<{ last_four: string; expires_at: string; replaced_by_id: string | null; name: string }>;
    };
    const oldKey = listed.items.find((key) => key.name === name && key.replaced_by_id !== null);
    const overlapLeft = new Date(oldKey?.expires_at ?? 0).getTime() - Date.now();
    expect(overlapLeft).toBeGreaterThan(23 * 3600_000);
    expect(overlapLeft).toBeLessThanOrEqual(24 * 3600_000);
    const expiresCell = (await oldRow.getByRole('cell').nth(6).innerText()).trim();
    await expect(oldRow.getByRole('cell').nth(7)).toContainText(`works until ${expiresCell}`);

    // Revoke the new key, after a confirmation that names which of the two keys it is: it stops working at once,
    // and the old one keeps working until its own expiry, still marked as replaced.
    await newRow.getByRole('button', { name: `Revoke ${name} ending ${newSecret.slice(-4)}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Revoke ${name}?` });
    await expect(confirm).toContainText(`…${newSecret.slice(-4)} are refused from now on`);
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${name} was revoked.` })).toBeAttached();
    await expect(newRow).toContainText('Revoked');
    await expect(newRow.getByRole('button')).toHaveCount(0);
    expect((await request.get('/v1/whoami', { headers: { 'X-API-Key': newSecret } })).status()).toBe(401);
    expect((await request.get('/v1/whoami', { headers: { 'X-API-Key': secret } })).status()).toBe(200);
    await expect(oldRow).toContainText(`Replaced by …${newSecret.slice(-4)}`);
  });

  test('a partner user sees the API keys read-only', async ({ page, signedInAs }) => {
    await signedInAs(PARTNER_USER, '/integrations');
    await expect(page.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();
    await expect(page.getByText('Only a partner administrator can create, rotate or revoke them.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create an API key' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Rotate|Revoke) / })).toHaveCount(0);
  });
});
