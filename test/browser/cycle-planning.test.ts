import { describe, expect, it } from 'vitest';
import { call, login } from '../support/runtime.ts';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText, readText, settled } from './support/checks.ts';
import { act, addRepresentatives, balanced_budget, dayOf, other_members, representative } from './support/cycle.ts';
import { tableText } from './support/ledger.ts';
import { demo_forbund_id, setUpPortal } from './support/portal.ts';

const year_pages = (page: string) => `/forbund/${demo_forbund_id}/${page}/2027`;

/** Autumn 2026 to January 2027 on the virtual clock: budget, samråd, adoption, the first avräkning. */
describe.skipIf(chromiumMissing)('planning the budget year 2027', () => {
  const portal = setUpPortal({ cycle: true, today: '2026-09-01T09:00:00+02:00' });

  it('shows every new page empty before anything is planned', async () => {
    const page = await portal.open('/', 'ekonom');
    await expectHeading(page, 'Årscykeln 2027');
    expect(await mainText(page)).toContain('Skicka budgetförslaget för 2027 på samråd');
    await checkPage(page, 'arscykel-tom');
    for (const [path, heading, empty, name] of [
      [year_pages('budget'), 'Budget 2027', 'Det finns inget budgetförslag för 2027 ännu.', 'budget-tom'],
      [year_pages('styrelsen'), 'Styrelsens beslut 2027', 'Inga beslut för 2027 väntar', 'styrelsen-tom'],
      [year_pages('revision'), 'Revision 2027', 'Förbundet har inga registrerade revisorer ännu.', 'revision-tom'],
    ] as const) {
      await page.goto(portal.runtime.url + path);
      await expectHeading(page, heading);
      expect(await mainText(page)).toContain(empty);
      await checkPage(page, name);
    }
    const member = await portal.open('/', 'medlem');
    await expectHeading(member, 'Alfa kommun – budgetår 2027');
    expect(await mainText(member)).toContain('Förbundet har inte skickat något budgetförslag för 2027 på samråd ännu.');
    await checkPage(member, 'medlem-tom');
    const national = await portal.open('/', 'nationell');
    await expectHeading(national, 'Nationell statistik 2027');
    expect(await mainText(national)).toContain('Inget förbund har publicerat nyckeltal för 2027 ännu.');
    await checkPage(national, 'nationellt-tomt');
    // A new voucher is dated by the runtime's business clock, not by the browser's.
    const voucher = await portal.open(`/forbund/${demo_forbund_id}/bokforing/ny`, 'ekonom');
    expect(await voucher.getByLabel('Datum').inputValue()).toBe('2026-09-01');
  });

  it('lets the ekonom draft the budget, correct it, meet a conflict and send it to samråd', async () => {
    const page = await portal.open(year_pages('budget'), 'ekonom');
    await expectHeading(page, 'Budget 2027');
    await page.getByLabel('Finansiell ram').fill('4 000 000');
    // The split for the typed frame, from the förbundsordning in force on 2027-01-01.
    await page.getByText('Medlemsbidragen för en ram på 4 000 000,00 kr visas nedan.').waitFor();
    expect(await tableText(page, 'Medlemsbidrag för ramen i förslaget')).toContain('Alfa kommun 750 000,00 kr 18,75 %');
    await page.getByLabel('Styrelse', { exact: true }).fill('180 000');
    await page.getByLabel('Administration', { exact: true }).fill('1 400 000');
    const insats = page.getByRole('group', { name: 'Insats 1', exact: true });
    await insats.getByLabel('Namn').fill('Steget vidare');
    await insats.getByLabel('Belopp').fill('2 325 000');
    await page.getByRole('button', { name: 'Spara som version 1' }).click();
    await page.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    expect(await mainText(page)).toContain('Revision: ange ett belopp i kronor.');
    expect(await mainText(page)).toContain('Skillnad 95 000,00 kr – resurserna är större än användningen.');
    await checkPage(page, 'budget-fel');

    await page.getByLabel('Revision', { exact: true }).fill('95 000');
    expect(await mainText(page)).toContain('Budgeten balanserar.');
    await page.getByRole('button', { name: 'Spara som version 1' }).click();
    await page.getByText('Budgetförslaget har sparats som version 1.').waitFor();
    expect(await tableText(page, 'Medlemsbidrag 2027, version 1')).toContain('Summa 4 000 000,00 kr');

    // Someone else saves version 2 meanwhile: saving on top of version 1 is refused, not lost.
    await act(portal.runtime, 'forbundsadmin', 'PUT', '/budgets/2027', {
      ...balanced_budget,
      plan: 'Förbundschefens ändring',
      expectedVersion: 1,
    });
    await page.getByLabel('Verksamhetsplan').fill('Ekonomens ändring');
    await page.getByRole('button', { name: 'Spara som version 2' }).click();
    await page.getByRole('heading', { name: 'Konflikt' }).waitFor();
    expect(await mainText(page)).toContain('Budgeten har ändrats av någon annan.');
    await page.getByRole('button', { name: 'Läs in den senaste versionen' }).click();
    await page.getByRole('heading', { name: 'Gällande förslag, version 2' }).waitFor();
    await checkPage(page, 'budget');

    await page.getByRole('button', { name: 'Skicka version 2 på samråd' }).click();
    await page.getByText('Medlemmarna svarar senast 2026-10-31.').first().waitFor();
    expect(await tableText(page, 'Samråd om budget 2027')).toContain('Alfa kommun Väntar på svar');
    await checkPage(page, 'budget-samrad');
  });

  it('lets the member representative answer the samråd for its own member', async () => {
    await portal.setToday('2026-10-12T09:00:00+02:00');
    const page = await portal.open('/', 'medlem');
    await expectHeading(page, 'Alfa kommun – budgetår 2027');
    expect(await mainText(page)).toContain('Svara i samrådet om budgeten');
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await page.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    await checkPage(page, 'medlem-samrad-fel');

    await page.getByLabel('Har synpunkter').check();
    await page.getByLabel('Synpunkter', { exact: true }).fill('Alfa kommun vill se mer av insatsen i norra delen.');
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await page.getByText('Svaret i samrådet är skickat till förbundet.').waitFor();
    await page.getByText('Du har inget att göra för budgetåret 2027 just nu.').waitFor();
    await checkPage(page, 'medlem-samrad');

    await addRepresentatives(portal.runtime);
    for (const memberId of other_members)
      await act(portal.runtime, representative(memberId), 'POST', `/budgets/2027/samrad/answers/${memberId}`, {
        answer: 'agree',
      });
  });

  it('lets the board adopt the budget before 30 November, which the workspace then shows', async () => {
    await portal.setToday('2026-11-20T14:00:00+01:00');
    const page = await portal.open('/', 'styrelse');
    await expectHeading(page, 'Styrelsens beslut 2027');
    await page.getByRole('link', { name: 'Anta budgeten för 2027' }).waitFor();
    expect(await mainText(page)).toContain('Samråd: 5 av 5 medlemmar har svarat.');
    await checkPage(page, 'styrelsen');
    await page.getByLabel('Protokoll').fill('Styrelsen 2026-11-20 § 7');
    await page.getByRole('button', { name: 'Registrera beslutet' }).click();
    await page.getByText('Beslutet om budgeten för 2027 är registrerat.').waitFor();
    await settled(page);
    expect(await mainText(page)).toContain('I tid, sista dag 2026-11-30');
    await checkPage(page, 'styrelsen-budget-antagen');

    const workspace = await portal.open('/', 'ekonom');
    await expectHeading(workspace, 'Årscykeln 2027');
    const timeline = await readText(workspace.getByRole('list').filter({ hasText: 'I dag' }));
    expect(timeline).toContain('2026-11-30 Sista dag: Budget antagen av styrelsen Klar');
    expect(timeline).toContain('2026-11-20 I dag');
    await checkPage(workspace, 'arscykel');

    // Adopted, the budget is closed for new drafts: the page says so instead of offering the form.
    const budget = await portal.open(year_pages('budget'), 'ekonom');
    await expectHeading(budget, 'Budget 2027');
    expect(await mainText(budget)).toContain(
      'Budgeten är antagen av styrelsen (Styrelsen 2026-11-20 § 7) och kan inte längre ändras här.',
    );
    expect(await budget.getByRole('region', { name: 'Nytt budgetförslag' }).count()).toBe(0);
    await checkPage(budget, 'budget-antagen');

    // Nationella rådet sees the adopted frame, and a dash, not "0,00 kr", for costs nobody has reported yet.
    const national = await portal.open('/nationellt/2027', 'nationell');
    await expectHeading(national, 'Nationell statistik 2027');
    const costs = await tableText(national, 'Kostnader per område och län 2027');
    expect(costs).toContain('Östergötlands län – – – – – 0 av 1');
    expect(costs).not.toContain('0,00 kr');
    expect(await tableText(national, 'Eget kapital och intäkter per län 2027')).toContain('Östergötlands län – – –');
  });

  it('shows the member its January avräkning once the new year has begun', async () => {
    await portal.setToday('2027-01-02T08:00:00+01:00');
    await dayOf(portal.runtime, '2027-01-02T08:00:00+01:00');
    const page = await portal.open('/', 'medlem');
    await expectHeading(page, 'Alfa kommun – budgetår 2027');
    const statements = await tableText(page, 'Avräkningar 2027');
    expect(statements).toContain('Januari 62 500,00 kr 0,00 kr 2027-01-10');
    expect(await mainText(page)).toContain('medlemmens del är 750 000,00 kr');
    await checkPage(page, 'medlem-avrakning');
    // Another member's statements never reach this member's representative.
    const reply = await call(portal.runtime, 'GET', `/api/forbund/${demo_forbund_id}/avrakning/2027`, {
      token: await login(portal.runtime, 'medlem'),
    });
    expect(reply.body.items[0].statements.map((s: { memberId: string }) => s.memberId)).toEqual(['alfa']);
  });

  it('lists the delårsrapport among the board’s waiting decisions once its period has ended, until it is adopted', async () => {
    await portal.setToday('2027-09-10T09:00:00+02:00');
    await dayOf(portal.runtime, '2027-09-10T09:00:00+02:00');
    const page = await portal.open(year_pages('styrelsen'), 'styrelse');
    await expectHeading(page, 'Styrelsens beslut 2027');
    const waiting = page.getByRole('region', { name: 'Beslut som väntar' });
    await waiting.getByRole('link', { name: 'Anta delårsrapporten per 2027-08-31' }).waitFor();
    await page.getByLabel('Beslutsreferens').fill('Styrelsen 2027-09-10 § 4');
    await page.getByRole('button', { name: 'Anta delårsrapporten' }).click();
    await page.getByText('Delårsrapporten per 2027-08-31 är antagen.').waitFor();
    await settled(page);
    expect(await waiting.getByRole('link', { name: /delårsrapporten/ }).count()).toBe(0);
    await checkPage(page, 'styrelsen-delarsrapport-antagen');
  });
});
