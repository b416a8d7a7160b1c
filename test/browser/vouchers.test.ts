import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText, readText, ui_wait_ms } from './support/checks.ts';
import { fillLine, showEveryVoucher, tableRows, tableText, voucherLine } from './support/ledger.ts';
import { demo_forbund_id, setUpPortal } from './support/portal.ts';

const ledger = `/forbund/${demo_forbund_id}/bokforing`;
/** The demo year holds A1–A50: five vouchers a month for ten months; the list shows 25 at a time. */
const demo_vouchers = 50;
const page_items = 25;

describe.skipIf(chromiumMissing)('vouchers', () => {
  const portal = setUpPortal();

  it('lists the year a page at a time, filters by series and searches the loaded text', async () => {
    const page = await portal.open(ledger, 'ekonom');
    await expectHeading(page, 'Bokföring 2026');
    const rows = tableRows(page, 'Verifikationer');
    await rows.nth(page_items).waitFor();
    expect(await rows.count()).toBe(page_items + 1);
    await checkPage(page, 'bokforing');

    await page.getByRole('button', { name: 'Visa fler verifikationer' }).click();
    await expect.poll(() => rows.count(), { timeout: ui_wait_ms }).toBe(demo_vouchers + 1);

    await page.getByLabel('Sök bland de visade verifikationerna').fill('revision');
    await page.getByText('10 av 50 visade verifikationer matchar sökningen.').waitFor();
    expect(await rows.count()).toBe(11);
    await checkPage(page, 'bokforing-sokning');

    await page.getByLabel('Serie (valfri)').fill('b');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.getByText('Inga verifikationer i serie B för 2026.').waitFor();
    expect(new URL(page.url()).search).toBe('?ar=2026&serie=B');
  });

  it('shows an empty year as such', async () => {
    const page = await portal.open(ledger, 'ekonom');
    await expectHeading(page, 'Bokföring 2026');
    await page.getByLabel('År', { exact: true }).selectOption('2027');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expectHeading(page, 'Bokföring 2027');
    await page.getByText('Inga verifikationer ännu för 2027.').waitFor();
    await checkPage(page, 'bokforing-tom');
  });

  it('books a voucher typed in Swedish amounts, shows it listed, and reverses it', async () => {
    const page = await portal.open(`/forbund/${demo_forbund_id}`, 'ekonom');
    await page.getByRole('link', { name: 'Bokför en ny verifikation' }).click();
    await expectHeading(page, 'Ny verifikation');
    await voucherLine(page, 1).waitFor();
    await checkPage(page, 'ny-verifikation');

    await page.getByLabel('Datum', { exact: true }).fill('2026-11-05');
    await page.getByLabel('Text', { exact: true }).fill('Konferenslokal, styrelsemöte');
    await page.getByLabel('Slag av underlag').selectOption('invoice');
    await page.getByLabel('Referens').fill('F-1001');
    // Larger than the API allows (10 000 000 000 000 kr): the API names both lines' amounts.
    await fillLine(page, 1, '5410', 'Debet', '20 000 000 000 000');
    await fillLine(page, 2, '1930', 'Kredit', '20 000 000 000 000,00');
    await page.getByText('Differens 0,00 kr').waitFor();
    await page.getByRole('button', { name: 'Bokför verifikationen' }).click();
    await page.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    const debit = voucherLine(page, 1).getByLabel('Debet');
    expect(await debit.getAttribute('aria-invalid')).toBe('true');
    expect(await readText(voucherLine(page, 1))).toContain('Belopp: beloppet är för stort.');
    await checkPage(page, 'ny-verifikation-fel');

    await debit.fill('1 250,00');
    await page.getByText('Differens 19 999 999 998 750,00 kr – kredit är större än debet').waitFor();
    await page.getByRole('button', { name: 'Lägg till rad' }).click();
    await voucherLine(page, 3).getByLabel('Konto').waitFor();
    await page.getByRole('button', { name: 'Ta bort rad 3' }).click();
    await voucherLine(page, 2).getByLabel('Kredit').fill('1 250');
    await page.getByText('Differens 0,00 kr').waitFor();
    await page.getByRole('button', { name: 'Bokför verifikationen' }).click();

    await expectHeading(page, 'Verifikation A51 (2026)');
    expect(await mainText(page)).toContain('Verifikation A51 (2026) har bokförts.');
    expect(await mainText(page)).toContain('Faktura: F-1001');
    // Exactly what was typed: 1 250,00 in debit on 5410, in credit on 1930.
    const lines = await tableText(page, 'Verifikationens rader');
    expect(lines).toContain('5410 Administration och kansli 1 250,00 kr');
    expect(lines).toContain('1930 Bank 1 250,00 kr');
    expect(lines).toContain('Summa 1 250,00 kr 1 250,00 kr');
    await checkPage(page, 'verifikation');

    await page.getByRole('link', { name: 'Alla verifikationer 2026' }).click();
    await expectHeading(page, 'Bokföring 2026');
    await showEveryVoucher(page);
    await page.getByRole('link', { name: 'A51', exact: true }).click();
    await expectHeading(page, 'Verifikation A51 (2026)');

    await page.getByRole('button', { name: 'Rätta genom återföring' }).click();
    const date = page.getByLabel('Datum för återföringen');
    expect(await date.inputValue()).toBe('2026-11-23');
    await date.fill('2026-11-20');
    await page.getByLabel('Text (valfri)').fill('Fel konto, ska vara styrelsens kostnader');
    await checkPage(page, 'verifikation-aterforing');
    await page.getByRole('button', { name: 'Bokför återföringen' }).click();

    await expectHeading(page, 'Verifikation A52 (2026)');
    expect(await mainText(page)).toContain('Återföringen av A51 (2026) har bokförts som verifikation A52 (2026).');
    expect(await tableText(page, 'Verifikationens rader')).toContain('1930 Bank 1 250,00 kr');
    await page.getByRole('link', { name: 'verifikation A51 (2026)' }).waitFor();
    await checkPage(page, 'verifikation-rattelse');
  });

  it('shows read-only roles the ledger without booking or correcting', async () => {
    const page = await portal.open(`${ledger}/2026/verifikation/A/1`, 'revisor');
    await expectHeading(page, 'Verifikation A1 (2026)');
    await tableRows(page, 'Verifikationens rader').first().waitFor();
    expect(await page.getByRole('button', { name: 'Rätta genom återföring' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Ny verifikation' }).count()).toBe(0);

    await page.goto(`${portal.runtime.url}${ledger}/ny`);
    await expectHeading(page, 'Ny verifikation');
    await page.getByText('Din roll kan läsa bokföringen men inte bokföra.').waitFor();
    expect(await page.getByRole('button', { name: 'Bokför verifikationen' }).count()).toBe(0);
  });

  it('keeps the ledger from member representatives, and answers an unknown voucher with "Sidan finns inte"', async () => {
    const page = await portal.open(ledger, 'medlem');
    await expectHeading(page, 'Ingen behörighet');
    await checkPage(page, 'bokforing-ingen-behorighet');

    const ekonom = await portal.open(`${ledger}/2026/verifikation/A/999`, 'ekonom');
    await expectHeading(ekonom, 'Sidan finns inte');
  });
});
