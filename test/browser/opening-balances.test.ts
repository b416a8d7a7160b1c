import { createStores } from '@finsam/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../support/runtime.ts';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText, readText } from './support/checks.ts';
import { fillLine, tableText, voucherLine } from './support/ledger.ts';
import { createOtherForbund, demo_forbund_id, setUpPortal } from './support/portal.ts';

/** The portal's today lies in 2026: the year a förbund that starts here now enters balances for. */
const year = 2026;
const new_ekonom = 'ekonom-nystart';

describe.skipIf(chromiumMissing)('ingående balanser', () => {
  const portal = setUpPortal();
  let forbund: { id: string; name: string };
  /** Gamma kommun's payable in the new förbund's kontoplan (25xx, numbered as the chart was built). */
  let gammaPayable: string;

  // A förbund that keeps its books here from 2026, with nothing booked before: its ekonom enters the IB.
  beforeAll(async () => {
    forbund = await createOtherForbund(portal.runtime, 'Samordningsförbundet Nystart');
    const stores = createStores(portal.runtime.table);
    const passwordHash = (await stores.users.find('ekonom'))?.passwordHash;
    if (!passwordHash) throw new Error('the demo user "ekonom" is missing');
    await stores.users.add(
      { username: new_ekonom, name: 'Nora Nystart', passwordHash, roles: ['ekonom'], forbundId: forbund.id },
      portal.runtime.clock.now(),
    );
    const chart = await call(portal.runtime, 'GET', `/api/forbund/${forbund.id}/ledger/accounts`, {
      token: await login(portal.runtime, new_ekonom),
    });
    const payable = (chart.body.accounts as { number: string; kind: string; memberId?: string }[]).find(
      (account) => account.memberId === 'gamma' && account.kind === 'liability',
    );
    if (!payable) throw new Error('the new förbund has no payable for Gamma kommun');
    gammaPayable = payable.number;
  });

  it('lets the ekonom of a new förbund enter the first year’s balances once, the sum checked by the API', async () => {
    const page = await portal.open(`/forbund/${forbund.id}`, new_ekonom);
    await expectHeading(page, forbund.name);
    await page.getByRole('link', { name: `Ingående balanser ${year}` }).click();
    await expectHeading(page, `Ingående balanser ${year}`);
    expect(await mainText(page)).toContain('för det första året förbundet för sin bokföring i Finsam Cloud');
    expect(await mainText(page)).toContain('Rättelser efteråt görs med en verifikation i året.');
    await checkPage(page, 'ingaende-balanser-formular');

    await page.getByLabel('Källa').fill('Utgående balanser 2025 enligt Visma, bokslut 2026-02-10');
    await fillLine(page, 1, '1930', 'Debet', '850 000');
    await fillLine(page, 2, '2050', 'Kredit', '800 000,00');
    const sum = page.locator('.voucher-totals__difference');
    expect(await readText(sum)).toBe('Summa 50 000,00 kr – ska vara noll; debet är större än kredit med 50 000,00 kr');
    await page.getByRole('button', { name: 'Registrera de ingående balanserna' }).click();
    await page.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    // The API's rule, shown at the rows it concerns.
    const rows = page.getByRole('group', { name: 'Balanser per konto' });
    expect(await readText(rows.locator('.field-error').first())).toContain('Ingående balanser ska summera till noll');
    await checkPage(page, 'ingaende-balanser-fel');

    await page.getByRole('button', { name: 'Lägg till rad' }).click();
    // Focus goes to the new row's account, so a keyboard user types on where the row appeared.
    await expect.poll(() => voucherLine(page, 3).locator('select:focus').count()).toBe(1);
    await fillLine(page, 3, gammaPayable, 'Kredit', '50 000');
    expect(await readText(sum)).toBe('Summa 0,00 kr');
    await page.getByRole('button', { name: 'Registrera de ingående balanserna' }).click();
    await page.getByText(`De ingående balanserna för ${year} är registrerade.`).waitFor();
    await expectHeading(page, `Ingående balanser ${year}`);

    const table = await tableText(page, `Ingående balanser ${year}`);
    expect(table).toContain('1930 Bank 850 000,00 kr');
    expect(table).toContain('2050 Eget kapital 800 000,00 kr');
    expect(table).toContain(`${gammaPayable} `);
    expect(table).toContain('Summa 850 000,00 kr 850 000,00 kr');
    expect(await mainText(page)).toContain('Källa Utgående balanser 2025 enligt Visma, bokslut 2026-02-10');
    // Entered once: the page no longer offers the form.
    expect(await page.getByRole('button', { name: 'Registrera de ingående balanserna' }).count()).toBe(0);
    await checkPage(page, 'ingaende-balanser');
  });

  it('says where a year’s balances come from when the year before was booked here, and who enters them', async () => {
    const page = await portal.open(`/forbund/${demo_forbund_id}/ingaende-balanser/${year + 1}`, 'ekonom');
    await expectHeading(page, `Ingående balanser ${year + 1}`);
    expect(await mainText(page)).toContain(
      `${year} bokfördes i Finsam Cloud, så de ingående balanserna för ${year + 1} kommer från bokslutet för ${year}.`,
    );
    expect(await page.getByRole('button', { name: 'Registrera de ingående balanserna' }).count()).toBe(0);
    await checkPage(page, 'ingaende-balanser-fran-bokslut');

    // A revisor reads; only the ekonom or the förbund's administrator enters.
    const revisor = await portal.open(`/forbund/${demo_forbund_id}/ingaende-balanser/${year}`, 'revisor');
    await expectHeading(revisor, `Ingående balanser ${year}`);
    expect(await mainText(revisor)).toContain('Förbundets ekonom eller administratör för in dem.');
    expect(await revisor.getByRole('button', { name: 'Registrera de ingående balanserna' }).count()).toBe(0);
  });
  it('reads the balances from the previous system’s SIE file, a foreign organisationsnummer only when confirmed', async () => {
    const other = await createOtherForbund(portal.runtime, 'Samordningsförbundet Sieby');
    const stores = createStores(portal.runtime.table);
    const passwordHash = (await stores.users.find('ekonom'))?.passwordHash as string;
    await stores.users.add(
      { username: 'ekonom-sieby', name: 'Sigrid Sieby', passwordHash, roles: ['ekonom'], forbundId: other.id },
      portal.runtime.clock.now(),
    );
    // Written by hand: the previous system's export, with an organisationsnummer not the förbund's.
    const sie = [
      '#FLAGGA 0',
      '#PROGRAM "Gamla systemet" 7.1',
      '#SIETYP 4',
      '#FNAMN "Sieby"',
      '#ORGNR 555555-5555',
      `#RAR 0 ${year}0101 ${year}1231`,
      '#KONTO 1930 Bank',
      '#KONTO 2050 "Eget kapital"',
      '#IB 0 1930 612345.67',
      '#IB 0 2050 -612345.67',
      '',
    ].join('\r\n');
    const page = await portal.open(`/forbund/${other.id}/ingaende-balanser/${year}`, 'ekonom-sieby');
    await expectHeading(page, `Ingående balanser ${year}`);
    const file = { name: 'export.se', mimeType: 'text/plain', buffer: Buffer.from(sie, 'latin1') };
    await page.getByLabel('SIE-fil', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Läs in de ingående balanserna' }).click();
    await page.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    expect(await mainText(page)).toContain('#ORGNR 555555-5555 är inte förbundets organisationsnummer');
    await checkPage(page, 'ingaende-balanser-sie-fel');

    await page.getByLabel('Filen är förbundets trots att organisationsnumret avviker').check();
    await page.getByRole('button', { name: 'Läs in de ingående balanserna' }).click();
    await page.getByText(`De ingående balanserna för ${year} är registrerade.`).waitFor();
    const table = await tableText(page, `Ingående balanser ${year}`);
    expect(table).toContain('1930 Bank 612 345,67 kr');
    expect(await mainText(page)).toContain('SIE-import');
    await checkPage(page, 'ingaende-balanser-sie');
  });
});
