import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { readText, ui_wait_ms } from './checks.ts';

/** The booking form's line `number` (1-based), found by its legend "Rad N" as a user would. */
export const voucherLine = (page: Page, number: number) =>
  page.getByRole('group', { name: `Rad ${number}`, exact: true });

/** Fills one line: an account from the kontoplan and an amount, in Swedish, in one column. */
export async function fillLine(
  page: Page,
  number: number,
  account: string,
  column: 'Debet' | 'Kredit',
  amount: string,
) {
  const line = voucherLine(page, number);
  await line.getByLabel('Konto').selectOption(account);
  await line.getByLabel(column).fill(amount);
}

/** The rows of a table region such as "Tabell: Verifikationer", header row included. */
export const tableRows = (page: Page, label: string) =>
  page.getByRole('region', { name: `Tabell: ${label}`, exact: true }).getByRole('row');

/** A table's text with whitespace collapsed, so a check can read a row as "5410 Administration … 1 250,00 kr". */
export const tableText = (page: Page, label: string) =>
  readText(page.getByRole('region', { name: `Tabell: ${label}`, exact: true }));

/** Bounds "Visa fler" clicking: a list that never ends is a bug, not a long list. */
const list_pages_max = 20;

/** Clicks "Visa fler verifikationer" until the whole list is loaded. */
export async function showEveryVoucher(page: Page) {
  const more = page.getByRole('button', { name: 'Visa fler verifikationer' });
  const rows = tableRows(page, 'Verifikationer');
  await rows.first().waitFor();
  for (let loaded = 1; loaded < list_pages_max; loaded++) {
    if ((await more.count()) === 0) return;
    const before = await rows.count();
    await more.click();
    // The next page has arrived when the list grew, or when the last (empty) page took the button away.
    await expect
      .poll(async () => (await rows.count()) > before || (await more.count()) === 0, { timeout: ui_wait_ms })
      .toBe(true);
  }
  throw new Error(`the voucher list did not end within ${list_pages_max} pages`);
}
