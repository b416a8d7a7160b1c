import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText } from './support/checks.ts';
import { closeBooks, planYear } from './support/cycle.ts';
import { tableText } from './support/ledger.ts';
import { demo_forbund_id, setUpPortal } from './support/portal.ts';

const year_page = (page: string) => `/forbund/${demo_forbund_id}/${page}/2027`;

/** January 2028, the year 2027 booked and settled: the avräkning, budget against outcome and the board's follow-up. */
describe.skipIf(chromiumMissing)('following up the budget year 2027', () => {
  const portal = setUpPortal({ cycle: true, today: '2026-09-01T09:00:00+02:00' });
  beforeAll(async () => {
    await planYear(portal.runtime);
    await closeBooks(portal.runtime);
    await portal.setToday('2028-01-25T09:00:00+01:00');
  });

  it('shows the ekonom every month’s avräkning per member, and runs a month again', async () => {
    const page = await portal.open(year_page('avrakning'), 'ekonom');
    await expectHeading(page, 'Avräkning 2027');
    // The member names come with the förbundsordning, which may arrive after the statements.
    await page.getByRole('button', { name: /Ladda ner avräkningsbeskedet för Alfa kommun december 2027/ }).waitFor();
    expect(await tableText(page, 'Avräkning december 2027')).toContain('Alfa kommun');
    await page.getByLabel('Månad').selectOption('12');
    await page.getByRole('button', { name: 'Kör avräkningen nu' }).click();
    await page.locator('main .notice').first().waitFor();
    await checkPage(page, 'avrakning');
  });

  it('shows budget against outcome per area as a chart and a table', async () => {
    const page = await portal.open(`/forbund/${demo_forbund_id}/rapporter/2027`, 'ekonom');
    await expectHeading(page, 'Rapporter 2027');
    expect(await tableText(page, 'Budget mot utfall 2027')).toContain('Summa');
    await page.getByRole('img', { name: /Stapeldiagram: Budget och utfall per område 2027/ }).waitFor();
    await page.getByRole('button', { name: 'Ladda ner budget mot utfall 2027 som PDF' }).waitFor();
    await checkPage(page, 'rapporter-budget-mot-utfall');
  });

  it('lets the board follow the forecast, and offers no delårsrapport adoption once the year is closed', async () => {
    const page = await portal.open(year_page('styrelsen'), 'styrelse');
    await expectHeading(page, 'Styrelsens beslut 2027');
    expect(await mainText(page)).toContain('Prognos för årets resultat');
    await page.getByLabel('Utfall till och med', { exact: true }).selectOption('6');
    await page.getByRole('table', { name: /utfall till och med 2027-06-30/ }).waitFor();
    // The bokslut of 2027 has run: a delårsrapport for 2027 is no longer adopted (the API refuses it too).
    await page.getByText('Inte antagen; året är stängt').waitFor();
    expect(await page.getByRole('button', { name: 'Anta delårsrapporten' }).count()).toBe(0);
    await checkPage(page, 'styrelsen-delarsrapport');
  });
});
