import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText, readText, screenshot_folder, settled } from './support/checks.ts';
import { act, closeBooks, other_members, planYear, representative, stepDone } from './support/cycle.ts';
import { tableText } from './support/ledger.ts';
import { demo_forbund_id, setUpPortal } from './support/portal.ts';

const year_page = (page: string) => `/forbund/${demo_forbund_id}/${page}/2027`;

/** Spring 2028 on the virtual clock: årsredovisning, revision, ansvarsfrihet and the national view of 2027. */
describe.skipIf(chromiumMissing)('closing the budget year 2027', () => {
  const portal = setUpPortal({ cycle: true, today: '2026-09-01T09:00:00+02:00' });
  // The autumn and the year itself went as the planning file shows them; here they go by the API.
  beforeAll(async () => {
    await planYear(portal.runtime);
    await closeBooks(portal.runtime);
  });

  it('lets the board adopt and sign the årsredovisning by 31 March, with the document at hand', async () => {
    await portal.setToday('2028-03-12T15:00:00+01:00');
    const page = await portal.open('/', 'styrelse');
    await expectHeading(page, 'Styrelsens beslut 2027');
    await page.getByRole('link', { name: 'Anta och underteckna årsredovisningen för 2027' }).waitFor();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner årsredovisningen 2027 som PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('arsredovisning-2027.pdf');
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    await page.getByRole('button', { name: 'Anta årsredovisningen' }).click();
    await page.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    expect(await mainText(page)).toContain('Undertecknad av: skriv namnet på minst en styrelseledamot.');
    await checkPage(page, 'styrelsen-arsredovisning-fel');
    await page.getByLabel('Protokoll').fill('Styrelsen 2028-03-12 § 3');
    await page.getByLabel('Undertecknad av').fill('Sven Styrelseordförande\nVera Vice ordförande');
    await page.getByLabel('Förvaltningsberättelse').fill('Förbundet har finansierat insatsen Steget vidare.');
    await page.getByRole('button', { name: 'Anta årsredovisningen' }).click();
    await page.getByText('Årsredovisningen för 2027 är antagen och undertecknad.').waitFor();
    await settled(page);
    expect(await mainText(page)).toContain('Sven Styrelseordförande och Vera Vice ordförande');
    await checkPage(page, 'styrelsen-arsredovisning');
  });

  it('lets the förbund register its auditor, who reads the year and submits a report with its file', async () => {
    await portal.setToday('2028-04-02T09:00:00+02:00');
    const admin = await portal.open(year_page('revision'), 'forbundsadmin');
    await expectHeading(admin, 'Revision 2027');
    await admin.getByLabel('Användarnamn').fill('revisor');
    await admin.getByLabel('Namn', { exact: true }).fill('Rut Revisor');
    for (const member of ['Försäkringskassan', 'Arbetsförmedlingen', 'Region Exempel', 'Alfa kommun', 'Beta kommun'])
      await admin.getByLabel(member).check();
    await admin.getByLabel('Personlig ersättare').fill('Erik Ersättare');
    await admin.getByRole('button', { name: 'Registrera revisorn' }).click();
    await admin.getByText('Rut Revisor är registrerad som revisor.').waitFor();

    const page = await portal.open('/', 'revisor');
    await expectHeading(page, 'Revision 2027');
    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner balansräkningen 2027 som Excel' }).click(),
    ]);
    expect(excel.suggestedFilename()).toMatch(/\.xlsx$/);
    await checkPage(page, 'revision-formular');
    await page.getByLabel('Tillstyrker ansvarsfrihet').check();
    await page.getByLabel('Uttalande').fill('Vi tillstyrker att styrelsen beviljas ansvarsfrihet för 2027.');
    await page.getByLabel('Undertecknad revisionsberättelse (valfritt)').setInputFiles({
      name: 'revisionsberattelse-2027.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% Revisionsberättelse 2027\n'),
    });
    await page.getByRole('button', { name: 'Lämna revisionsberättelsen' }).click();
    await page.getByText('Din revisionsberättelse för 2027 är inlämnad.').waitFor();
    await settled(page);
    expect(await mainText(page)).toContain('Bifogad fil: revisionsberattelse-2027.pdf');
    await checkPage(page, 'revision');
  });

  it('lets the member grant ansvarsfrihet with the auditors’ reports before it', async () => {
    await portal.setToday('2028-04-20T09:00:00+02:00');
    const page = await portal.open('/', 'medlem');
    // In the spring the member's page opens on the new year; the decision waiting is last year's.
    await expectHeading(page, 'Alfa kommun – budgetår 2028');
    await page.getByRole('link', { name: 'Ansvarsfrihet för budgetåret 2027' }).click();
    await expectHeading(page, 'Alfa kommun – budgetår 2027');
    expect(await mainText(page)).toContain('Tillstyrker ansvarsfrihet Revisionsberättelse för 2027');
    await page.getByLabel('Beviljar ansvarsfrihet').check();
    await page.getByLabel('Beslutsreferens').fill('Kommunfullmäktige 2028-04-20 § 12');
    await page.getByRole('button', { name: 'Registrera beslutet' }).click();
    await page.getByText('Medlemmens beslut om ansvarsfrihet för 2027 är registrerat.').waitFor();
    await settled(page);
    expect(await mainText(page)).toContain('Medlemmens beslut Beviljar ansvarsfrihet Beslutsdatum 2028-04-20');
    expect(await tableText(page, 'Avräkningar 2027')).toContain('December 62 500,00 kr');
    await checkPage(page, 'medlem-ansvarsfrihet');

    for (const memberId of other_members)
      await act(portal.runtime, representative(memberId), 'POST', `/closing/2027/discharge/${memberId}`, {
        decision: 'granted',
        decidedOn: '2028-04-20',
        decisionReference: `Beslut ${memberId}`,
      });
    await stepDone(portal.runtime, 'year.closed');
  });

  it('shows Nationella rådet the förbund as compliant, sortable by keyboard, and as CSV', async () => {
    await portal.setToday('2028-04-21T09:00:00+02:00');
    const page = await portal.open('/nationellt/2027', 'nationell');
    await expectHeading(page, 'Nationell statistik 2027');
    const row = await readText(page.getByRole('row', { name: /Exempeldalen/ }));
    // Eget kapital carries 2026's result (ten demo months: 3 333 333,33 kr in, 1 706 000,00 kr out,
    // 40,7 % of the frame) into 2027, whose own result is the whole frame: 140,7 % of revenue.
    expect(row).toBe(
      'Samordningsförbundet Exempeldalen Östergötlands län 5 4 000 000,00 kr I tid I tid Beviljad av alla 5 av 5 140,7 % Över varningsnivån',
    );
    expect(await tableText(page, 'Tidsgränser per län 2027')).toContain('Östergötlands län 1 1 av 1 1 av 1 1 av 1');
    await checkPage(page, 'nationellt');

    const frame = page.getByRole('columnheader', { name: 'Ram' });
    await frame.getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await frame.getAttribute('aria-sort')).toBe('ascending');
    await page.keyboard.press('Enter');
    expect(await frame.getAttribute('aria-sort')).toBe('descending');
    await page.getByText('Sorterad efter ram, fallande.').waitFor();

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner nyckeltalen för 2027 som CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('samordningsforbund-2027.csv');
    expect(readFileSync(await csv.path(), 'utf8')).toContain('Samordningsförbundet Exempeldalen;Östergötlands län');

    // On paper: the figures and charts, no year picker or download button.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: /CSV/ }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Per län' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshot_folder, 'nationellt-utskrift.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});
