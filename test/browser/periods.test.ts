import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText } from './support/checks.ts';
import { fillLine, tableText } from './support/ledger.ts';
import { demo_forbund_id, setUpPortal } from './support/portal.ts';

const periods = `/forbund/${demo_forbund_id}/perioder/2026`;

describe.skipIf(chromiumMissing)('period locks', () => {
  const portal = setUpPortal();

  it('locks a month with a reason, after which nothing can be booked in it', async () => {
    const page = await portal.open(`/forbund/${demo_forbund_id}`, 'ekonom');
    await page.getByRole('link', { name: 'Perioder 2026' }).click();
    await expectHeading(page, 'Perioder 2026');
    await page.getByText('Ingen period är låst ännu för 2026.').waitFor();
    await checkPage(page, 'perioder-tomma');

    await page.getByRole('button', { name: 'Lås månaden' }).click();
    await page.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    expect(await mainText(page)).toContain('Månad: välj en månad att låsa.');
    await checkPage(page, 'perioder-fel');

    await page.getByLabel('Månad', { exact: true }).selectOption('2026-10');
    await page.getByLabel('Skäl').fill('Månadsbokslut oktober, avstämt mot bank');
    await page.getByRole('button', { name: 'Lås månaden' }).click();
    await page.getByText('Oktober 2026 är låst.').waitFor();
    expect(await tableText(page, 'Perioder 2026')).toContain('Oktober Låst 2026-11-23');
    expect(await tableText(page, 'Perioder 2026')).toContain('ekonom Månadsbokslut oktober, avstämt mot bank');
    expect(await mainText(page)).toContain('1 av 12 månader är låsta för 2026.');
    await checkPage(page, 'perioder');

    // The lock holds: the API refuses a voucher in October, and the form says why.
    await page.getByRole('link', { name: 'Ny verifikation' }).click();
    await expectHeading(page, 'Ny verifikation');
    await page.getByLabel('Datum', { exact: true }).fill('2026-10-15');
    await page.getByLabel('Text', { exact: true }).fill('Sen faktura');
    await fillLine(page, 1, '7010', 'Debet', '500');
    await fillLine(page, 2, '1930', 'Kredit', '500');
    await page.getByRole('button', { name: 'Bokför verifikationen' }).click();
    await page.getByRole('heading', { name: 'Verifikationen kunde inte bokföras.' }).waitFor();
    expect(await mainText(page)).toContain('Perioden är låst och tar inte emot bokningar.');
  });

  it('shows the board the locks but no way to lock', async () => {
    const page = await portal.open(periods, 'styrelse');
    await expectHeading(page, 'Perioder 2026');
    await page.getByRole('region', { name: 'Tabell: Perioder 2026' }).waitFor();
    expect(await page.getByRole('button', { name: 'Lås månaden' }).count()).toBe(0);
  });
});
