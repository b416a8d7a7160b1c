import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText, readText } from './support/checks.ts';
import { demo_forbund_id, demo_forbund_name, setUpPortal } from './support/portal.ts';

describe.skipIf(chromiumMissing)('the förbund page and its förbundsordning', () => {
  const portal = setUpPortal();

  it('shows members, the way into the ledger, and medlemsbidrag for a frame the user types', async () => {
    const page = await portal.open(`/forbund/${demo_forbund_id}`, 'ekonom');
    await expectHeading(page, demo_forbund_name);
    const members = page.getByRole('region', { name: 'Tabell: Medlemmar' });
    for (const name of ['Försäkringskassan', 'Arbetsförmedlingen', 'Region Exempel', 'Alfa kommun', 'Beta kommun'])
      await members.getByRole('rowheader', { name }).waitFor();
    await page.getByRole('link', { name: 'Verifikationer 2026' }).waitFor();
    await checkPage(page, 'forbund');

    await page.getByLabel('Finansiell ram i kronor').fill('4 000 000');
    await page.getByRole('button', { name: 'Beräkna' }).click();
    const table = page.getByRole('region', { name: 'Tabell: Medlemsbidrag' });
    await table.waitFor();
    const text = await readText(table);
    // DOMAIN.md's worked example: FK 1/2, the region 1/4, the kommuner 1/4 by population.
    expect(text).toContain('Försäkringskassan 2 000 000,00 kr 50 %');
    expect(text).toContain('Region Exempel 1 000 000,00 kr 25 %');
    expect(text).toContain('Summa 4 000 000,00 kr');
    await checkPage(page, 'forbund-medlemsbidrag');
  });

  it('shows a member representative the förbund without the ledger', async () => {
    const page = await portal.open(`/forbund/${demo_forbund_id}`, 'medlem');
    await expectHeading(page, demo_forbund_name);
    await page.getByRole('heading', { name: 'Medlemmar' }).waitFor();
    expect(await page.getByRole('link', { name: /Verifikationer|Rapporter/ }).count()).toBe(0);
  });

  it('saves a new version of the förbundsordning after the user corrects a field the API refused', async () => {
    const page = await portal.open(`/forbund/${demo_forbund_id}`, 'forbundsadmin');
    await page.getByRole('link', { name: 'Ändra förbundsordningen' }).click();
    await expectHeading(page, 'Ändra förbundsordningen');
    await checkPage(page, 'forbundsordning');

    const effectiveFrom = page.getByLabel('Den nya versionen gäller från');
    await effectiveFrom.fill('2026-13-45');
    await page.getByRole('button', { name: 'Spara ny version' }).click();
    await page.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    expect(await effectiveFrom.getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'forbundsordning-fel');

    await effectiveFrom.fill('2027-01-01');
    await page.getByLabel('Beslut (valfritt)').fill('Medlemmarnas beslut 2026-11-20');
    await page.getByRole('button', { name: 'Spara ny version' }).click();
    await expectHeading(page, demo_forbund_name);
    expect(await mainText(page)).toContain('Förbundsordningen har sparats som version 2.');
    const history = page.getByRole('region', { name: 'Tabell: Versioner av förbundsordningen' });
    await history.getByRole('rowheader', { name: '2' }).waitFor();
    expect(await readText(history)).toContain('Medlemmarnas beslut 2026-11-20');
  });

  it('lets the platform admin create a förbund, which then has its own empty pages', async () => {
    const page = await portal.open('/forbund', 'admin');
    await expectHeading(page, 'Förbund');
    // Users are invited on each förbund's own page; the list says where.
    expect(await mainText(page)).toContain('under Användare och roller på förbundets sida');
    await checkPage(page, 'forbund-lista');

    await page.getByLabel('Förbundets namn').fill('Samordningsförbundet Norrdal');
    await page.getByLabel('Organisationsnummer', { exact: true }).first().fill('222000-0042');
    await page.getByLabel('Län').selectOption('Jämtlands län');
    await page.getByLabel('Säte').fill('Norrdal');
    await page.getByLabel('Bildat').fill('2020-01-01');
    await page.locator('#falt-charter-members-2-name').fill('Region Jämtland Härjedalen');
    await page.locator('#falt-charter-members-2-organisationsnummer').fill('232100-0255');
    await page.locator('#falt-charter-members-3-name').fill('Norrdals kommun');
    await page.locator('#falt-charter-members-3-organisationsnummer').fill('212000-1132');
    await page.getByRole('button', { name: 'Skapa förbund' }).click();

    await expectHeading(page, 'Samordningsförbundet Norrdal');
    expect(await mainText(page)).toContain('Förbundet Samordningsförbundet Norrdal har skapats.');
    await page.getByRole('rowheader', { name: 'Norrdals kommun' }).waitFor();
    await checkPage(page, 'forbund-nytt');
  });
});
