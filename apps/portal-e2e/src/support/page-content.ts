import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ERROR_CODE_LIST } from '@aidial/shared/access';
import { expect } from './sessions';

/** A role as the API and the database spell it; the demo's unrecognised `billing_clerk` too. */
export const ROLE_CODE =
  /\b(?:client_(?:admin|manager|staff)|partner_(?:admin|user)|aidial_(?:admin|operator)|billing_clerk)\b/;

/** A UUID, as every id in the API is. */
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/** A fragment of an id: eight or more hex digits with both letters and digits ("3f9c01ab"), as a shortened id reads. */
const ID_FRAGMENT = /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/;

/** The documented error codes that cannot be read as ordinary words ("not_found", not "unauthenticated"). */
const ERROR_CODE = new RegExp(`\\b(?:${ERROR_CODE_LIST.filter((code) => code.includes('_')).join('|')})\\b`);

/** What a person can read on the page: the header, the navigation, the content. Closed disclosures are not read. */
export function visibleText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

/** The lines of the page's visible text that show a role code, an id or a raw error code, with what each shows. */
export async function codesShown(page: Page): Promise<string[]> {
  const lines = (await visibleText(page)).split('\n');
  const found: string[] = [];
  for (const line of lines) {
    for (const [what, pattern] of [
      ['role code', ROLE_CODE],
      ['UUID', UUID],
      ['id fragment', ID_FRAGMENT],
      ['error code', ERROR_CODE],
    ] as const) {
      const match = pattern.exec(line);
      if (match) {
        found.push(`${what} "${match[0]}" in "${line.trim()}"`);
        break;
      }
    }
  }
  return found;
}

/** No role code, UUID, id fragment or raw error code is shown as text on the page. */
export async function expectNoCodesShown(page: Page, where: string): Promise<void> {
  // Soft: one walk over every page reports every page that fails, not only the first.
  expect.soft(await codesShown(page), `codes shown on ${where}`).toEqual([]);
}

/** axe-core, with every rule it runs by default (WCAG 2.x A and AA, and its best practices), finds nothing on the page. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unrated'}): ${violation.help} at ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect.soft(found, `accessibility violations on ${where}`).toEqual([]);
}
