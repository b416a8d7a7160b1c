import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  adoptAndAudit,
  awaitBokslut,
  decideDischarges,
  inProcessDriver,
  planYear,
  prepareSimulation,
  runMonths,
} from '@finsam/local';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText, readText } from './support/checks.ts';
import { dayOf, stepDone } from './support/cycle.ts';
import { tableText } from './support/ledger.ts';
import { demo_forbund_id, setUpPortal } from './support/portal.ts';

const year = 2027;
const board_page = `/forbund/${demo_forbund_id}/styrelsen/${year}`;
/** A Finspång-model year to ansvarsfrihet takes 20–40 s on the in-memory runtime; room for a busy machine. */
const year_setup_ms = 240_000;

/**
 * The likvid-waits rule in the portal: in a Finspång-model year (the kommuner, the region and AF
 * carry their balances to a likvidavräkning after ansvarsfrihet), Alfa kommun refuses
 * ansvarsfrihet. The board sees what holds the likvidavräkning, records how the refusal was
 * resolved, and then downloads each member's settlement as a PDF.
 */
describe.skipIf(chromiumMissing)('a refusal of ansvarsfrihet on the board’s page', () => {
  // Before the simulation's start (15 August the year before), so its clock only moves forward.
  const portal = setUpPortal({ cycle: true, today: '2026-08-01T09:00:00+02:00' });

  beforeAll(async () => {
    const context = await prepareSimulation(inProcessDriver(portal.runtime), {
      forbundId: demo_forbund_id,
      year,
      outDir: mkdtempSync(join(tmpdir(), 'finsam-likvid-browser-')),
      preset: 'finspang',
    });
    await planYear(context);
    await runMonths(context);
    await awaitBokslut(context);
    await adoptAndAudit(context);
    await decideDischarges(context, (member) => (member.id === 'alfa' ? 'refused' : 'granted'));
    await context.at(`${year + 1}-05-04T09:00:00Z`);
  }, year_setup_ms);

  it('shows the board who holds the likvidavräkning, and the board records how the refusal was resolved', async () => {
    await portal.setToday(`${year + 1}-05-12T13:00:00+02:00`);
    const page = await portal.open(board_page, 'styrelse');
    await expectHeading(page, `Styrelsens beslut ${year}`);
    const waiting = page.locator('.notice', { hasText: 'Likvidavräkningen väntar på ansvarsfrihet' });
    expect(await readText(waiting)).toBe(
      'Likvidavräkningen väntar på ansvarsfrihet Alfa kommun: vägrad, lösning ej registrerad',
    );
    await page.getByRole('link', { name: 'Registrera hur vägran av ansvarsfrihet har lösts' }).waitFor();
    await checkPage(page, 'styrelsen-likvid-vantar');

    // The only refusal is chosen already; a date before it is the API's to refuse, at the field.
    const form = page.getByRole('form', { name: 'Registrera hur vägran av ansvarsfrihet har lösts' });
    expect(await form.getByLabel('Medlem', { exact: true }).inputValue()).toBe('alfa');
    const decidedOn = form.getByLabel('Beslutsdatum', { exact: true });
    await decidedOn.fill(`${year + 1}-04-01`);
    await form.getByLabel('Beslutsreferens', { exact: true }).fill(`Styrelsen ${year + 1}-05-12 § 4`);
    await form
      .getByLabel('Hur vägran löstes')
      .fill('Kommunfullmäktige har fått revisorernas förklaring; vägran avser inte förbundets räkenskaper.');
    await form.getByRole('button', { name: 'Registrera lösningen' }).click();
    await form.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    expect(await decidedOn.getAttribute('aria-invalid')).toBe('true');
    expect(await readText(form.locator('.field--invalid'))).toContain('då Alfa kommun vägrade');
    await checkPage(page, 'styrelsen-likvid-fel');

    await decidedOn.fill(`${year + 1}-05-12`);
    await form.getByRole('button', { name: 'Registrera lösningen' }).click();
    await page.getByText('Hur vägran av ansvarsfrihet löstes för Alfa kommun är registrerat.').waitFor();
    await expectHeading(page, `Styrelsens beslut ${year}`);
    expect(await waiting.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Registrera lösningen' }).count()).toBe(0);
    expect(await mainText(page)).toContain(
      `Lösta vägringar av ansvarsfrihet Alfa kommun Beslutsdatum ${year + 1}-05-12 Beslutsreferens Styrelsen ${year + 1}-05-12 § 4 Hur vägran löstes Kommunfullmäktige har fått`,
    );
    await checkPage(page, 'styrelsen-likvid-lost');
  });

  it('lets the ekonom download each member’s likvidavräkning after ansvarsfrihet as a PDF', async () => {
    // The next day the cycle makes the likvidavräkning the refusal held.
    await dayOf(portal.runtime, `${year + 1}-05-13T09:00:00+02:00`);
    await stepDone(portal.runtime, 'likvidavrakning', year);
    await portal.setToday(`${year + 1}-05-13T10:00:00+02:00`);
    const page = await portal.open(`${board_page}#likvidavrakning`, 'ekonom');
    await expectHeading(page, `Styrelsens beslut ${year}`);
    const table = await tableText(page, `Likvidavräkning efter ansvarsfrihet ${year}`);
    for (const name of ['Arbetsförmedlingen', 'Region Exempel', 'Alfa kommun', 'Beta kommun'])
      expect(table).toContain(name);
    expect(table).toMatch(/\d,\d\d kr/);
    expect(await mainText(page)).not.toContain('Likvidavräkningen väntar på ansvarsfrihet');
    await checkPage(page, 'styrelsen-likvid-gjord');

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Ladda ner likvidavräkningen ${year} för Alfa kommun som PDF` }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`likvidavrakning-${year}-alfa.pdf`);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });
});
