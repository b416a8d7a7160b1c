import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, login } from '../support/runtime.ts';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText, screenshot_folder } from './support/checks.ts';
import { tableText } from './support/ledger.ts';
import { createOtherForbund, demo_forbund_id, setUpPortal } from './support/portal.ts';

const reports = `/forbund/${demo_forbund_id}/rapporter/2026`;
/** How long the test holds a report back, so the "Skapar …" phase can be seen. */
const server_delay_ms = 1_000;

describe.skipIf(chromiumMissing)('reports and exports', () => {
  const portal = setUpPortal();

  it('shows the year in every report, to the öre, including a voucher booked a moment ago', async () => {
    const ekonom = await login(portal.runtime, 'ekonom');
    const booked = await call(portal.runtime, 'POST', `/api/forbund/${demo_forbund_id}/ledger/vouchers`, {
      token: ekonom,
      body: {
        series: 'A',
        year: 2026,
        date: '2026-11-05',
        text: 'Konferenslokal',
        lines: [
          { account: '5410', amount: '1250.00' },
          { account: '1930', amount: '-1250.00' },
        ],
      },
    });
    expect(booked.status).toBe(201);

    const page = await portal.open(`/forbund/${demo_forbund_id}`, 'styrelse');
    await page.getByRole('link', { name: 'Rapporter 2026' }).click();
    await expectHeading(page, 'Rapporter 2026');
    for (const name of ['Resultaträkning', 'Balansräkning', 'Kassaflödesanalys', 'Råbalans', 'Per medlem'])
      await page.getByRole('heading', { level: 2, name }).waitFor();

    // The demo year: 3 333 333,30 kr in medlemsbidrag, 1 706 000,00 kr in costs, plus the 1 250,00 above.
    expect(await tableText(page, 'Resultaträkning 2026')).toContain('Årets resultat 1 626 083,30 kr');
    expect(await tableText(page, 'Balansräkning 2026-12-31')).toContain(
      'Summa eget kapital och skulder 1 626 083,30 kr',
    );
    expect(await tableText(page, 'Kassaflödesanalys 2026')).toContain('Likvida medel vid årets slut 1 626 083,30 kr');
    expect(await tableText(page, 'Råbalans 2026')).toContain(
      '5410 Administration och kansli 0,00 kr 1 424 250,00 kr 0,00 kr 1 424 250,00 kr',
    );
    expect(await tableText(page, 'Per medlem 2026')).toContain('Försäkringskassan 1 666 666,70 kr');
    await checkPage(page, 'rapporter');

    // On paper: the reports only, no navigation, year picker or download buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Bokföring' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Visa', exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Export' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 2, name: 'Råbalans' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshot_folder, 'rapporter-utskrift.png'), fullPage: true });
    // The PDF shows the page breaks: one report per printed page.
    await page.pdf({ path: join(screenshot_folder, 'rapporter-utskrift.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
  });

  it('downloads SIE 4 byte for byte as the server wrote it, and the hledger journal', async () => {
    const page = await portal.open(reports, 'revisor');
    await expectHeading(page, 'Rapporter 2026');

    const [sie] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner SIE 4-fil för 2026' }).click(),
    ]);
    expect(sie.suggestedFilename()).toBe('222000-0018-2026.se');
    const bytes = readFileSync(await sie.path());
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('#FLAGGA ');
    // CP437, not UTF-8: "Å" of "Årets resultat" is the single byte 0x8F.
    expect(bytes.includes(Buffer.from([0x8f]))).toBe(true);
    expect(bytes.includes(Buffer.from('Å', 'utf8'))).toBe(false);
    await page.getByText('SIE 4-fil för 2026 har laddats ner som 222000-0018-2026.se.').waitFor();

    const [journal] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner hledger-journal för 2026' }).click(),
    ]);
    expect(journal.suggestedFilename()).toBe(`${demo_forbund_id}-2026.journal`);
    expect(readFileSync(await journal.path(), 'utf8')).toContain('account 1930 Bank');

    // Each report as PDF and as Excel, with the amounts of the JSON report. The PDF is held back a
    // moment, as a slow server would take making it: meanwhile a bar says the document is being made.
    await page.route('**/reports/resultatrakning/pdf', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, server_delay_ms));
      await route.continue();
    });
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: 'Ladda ner resultaträkningen 2026 som PDF' }).click();
        await page.getByRole('progressbar', { name: 'Skapar resultaträkningen 2026 som PDF…' }).waitFor();
        // One file at a time per report: its buttons wait until this one has come.
        expect(
          await page.getByRole('button', { name: 'Ladda ner resultaträkningen 2026 som Excel' }).isDisabled(),
        ).toBe(true);
      })(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    await page.getByText(`Resultaträkningen 2026 som PDF har laddats ner som ${pdf.suggestedFilename()}.`).waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner råbalansen 2026 som Excel' }).click(),
    ]);
    expect(excel.suggestedFilename()).toMatch(/\.xlsx$/);
    // An .xlsx file is a zip archive.
    expect(
      readFileSync(await excel.path())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
  });

  it('shows a förbund with nothing booked as empty reports', async () => {
    const other = await createOtherForbund(portal.runtime);
    const page = await portal.open(`/forbund/${other.id}/rapporter/2026`, 'admin');
    await expectHeading(page, 'Rapporter 2026');
    await page.getByText('Inga intäkter eller kostnader är bokförda för 2026.').waitFor();
    const text = await mainText(page);
    expect(text).toContain('Inga tillgångar, skulder eller eget kapital är bokförda för 2026.');
    expect(text).toContain('Inga in- eller utbetalningar är bokförda för 2026.');
    expect(text).toContain('Inga konton har saldo eller rörelser för 2026.');
    await checkPage(page, 'rapporter-tomma');
  });
});
