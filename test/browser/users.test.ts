import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText, readText } from './support/checks.ts';
import { tableText } from './support/ledger.ts';
import { createOtherForbund, demo_forbund_id, fillLogin, setUpPortal } from './support/portal.ts';

const usersPath = (forbundId: string) => `/forbund/${forbundId}/anvandare`;
const platform_users_path = '/anvandare';

/** Fills and sends the invitation form as a user would; `member` is a name in the member select. */
async function invite(page: Page, user: { email: string; name: string; roles: string[]; member?: string }) {
  await page.getByLabel('E-postadress').fill(user.email);
  await page.getByLabel('Namn', { exact: true }).fill(user.name);
  for (const role of user.roles) await page.getByLabel(role, { exact: true }).check();
  if (user.member) await page.getByLabel('Medlem som representanten företräder').selectOption({ label: user.member });
  await page.getByRole('button', { name: 'Bjud in' }).click();
}

/** The temporary password in its shown-once box, after an invitation in the local runtime. */
async function temporaryPassword(page: Page, name: string): Promise<string> {
  const box = page.getByRole('region', { name: `${name} är inbjuden: här är det tillfälliga lösenordet` });
  await box.waitFor();
  expect(await readText(box)).toContain('Lösenordet visas bara en gång.');
  // The box takes focus, so a screen-reader user hears the warning first.
  await expect
    .poll(() => page.locator('.secret-box:focus h3').textContent())
    .toBe(`${name} är inbjuden: här är det tillfälliga lösenordet`);
  const password = (await page.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(password).toMatch(/^\S{12,}$/);
  return password;
}

describe.skipIf(chromiumMissing)('users and roles of a förbund', () => {
  const portal = setUpPortal();

  it('the platform admin invites an ekonom and a member representative, who sign in; a removed user cannot', async () => {
    const norrdal = await createOtherForbund(portal.runtime, 'Samordningsförbundet Norrdal');
    const page = await portal.open(`/forbund/${norrdal.id}`, 'admin');
    await expectHeading(page, norrdal.name);
    await page.getByRole('link', { name: 'Användare och roller' }).click();
    await expectHeading(page, 'Användare och roller');
    await page.getByText('Förbundet har inga inbjudna användare ännu.').waitFor();
    await checkPage(page, 'anvandare-tomma');

    // The API judges the address; its message lands at the field and in the summary.
    const email = page.getByLabel('E-postadress');
    await invite(page, { email: 'inte-en-adress', name: 'Elsa Ekonom', roles: ['Ekonom'] });
    await page.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await readText(page.locator('.field--invalid'))).toContain('Ange en giltig e-postadress.');
    await checkPage(page, 'anvandare-fel');

    // Corrected, with Enter from the field: the password is shown once, and the list has her.
    await email.fill('Elsa.Ekonom@Norrdal.se');
    await email.press('Enter');
    const ekonomPassword = await temporaryPassword(page, 'Elsa Ekonom');
    expect(await tableText(page, 'Användare')).toContain('Elsa Ekonom elsa.ekonom@norrdal.se Ekonom –');
    await checkPage(page, 'anvandare-inbjuden');
    await page.getByRole('button', { name: 'Jag har lämnat över lösenordet' }).click();
    expect(await mainText(page)).not.toContain(ekonomPassword);

    // A representative needs a member: the select appears once the role is ticked.
    await page.getByLabel('Medlemsrepresentant', { exact: true }).check();
    await page.getByLabel('Medlem som representanten företräder').waitFor();
    await page.getByLabel('Medlemsrepresentant', { exact: true }).uncheck();
    await invite(page, {
      email: 'gustav@gamma.se',
      name: 'Gustav Gamma',
      roles: ['Medlemsrepresentant'],
      member: 'Gamma kommun',
    });
    const repPassword = await temporaryPassword(page, 'Gustav Gamma');
    expect(await tableText(page, 'Användare')).toContain(
      'Gustav Gamma gustav@gamma.se Medlemsrepresentant Gamma kommun',
    );
    await page.getByRole('button', { name: 'Jag har lämnat över lösenordet' }).click();
    await checkPage(page, 'anvandare-fylld');

    // The same address again: the API's 409 says why.
    await invite(page, { email: 'elsa.ekonom@norrdal.se', name: 'Elsa igen', roles: ['Revisor'] });
    await page.getByRole('heading', { name: 'Användaren kunde inte bjudas in.' }).waitFor();
    expect(await mainText(page)).toContain('Det finns redan en användare med e-postadressen elsa.ekonom@norrdal.se');

    // Removing asks first; Escape cancels and gives focus back to the button.
    const remove = page.getByRole('button', { name: 'Ta bort Gustav Gamma' });
    await remove.click();
    const dialog = page.getByRole('dialog', { name: 'Ta bort Gustav Gamma?' });
    await dialog.waitFor();
    await expect.poll(() => page.locator(':focus').textContent()).toBe('Avbryt');
    await checkPage(page, 'anvandare-ta-bort');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator(':focus').textContent()).toBe('Ta bort Gustav Gamma');
    await remove.press('Enter');
    await dialog.getByRole('button', { name: 'Ja, ta bort användaren' }).click();
    await page.getByText('Gustav Gamma (gustav@gamma.se) är borttagen och kan inte längre logga in.').waitFor();
    await expect.poll(() => tableText(page, 'Användare')).not.toContain('Gustav Gamma');
    expect(await tableText(page, 'Användare')).toContain('Elsa Ekonom');

    // Signed out, the ekonom signs in with the address and the temporary password and lands on her work.
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expectHeading(page, 'Logga in');
    await fillLogin(page, 'elsa.ekonom@norrdal.se', ekonomPassword);
    await expectHeading(page, 'Årscykeln 2027');
    expect(new URL(page.url()).pathname).toBe(`/forbund/${norrdal.id}/arscykel/2027`);
    expect(await readText(page.locator('.site-user'))).toContain('Elsa Ekonom Ekonom');

    // The removed representative's password no longer opens anything.
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expectHeading(page, 'Logga in');
    await fillLogin(page, 'gustav@gamma.se', repPassword);
    await page.getByRole('heading', { name: 'Fel användarnamn eller lösenord.' }).waitFor();
  });

  it('the förbund admin sees the demo förbund’s people and cannot remove their own login', async () => {
    const page = await portal.open(`/forbund/${demo_forbund_id}`, 'forbundsadmin');
    await page.getByRole('link', { name: 'Användare och roller' }).click();
    await expectHeading(page, 'Användare och roller');
    const users = await tableText(page, 'Användare');
    expect(users).toContain('Elin Ekonom ekonom Ekonom');
    expect(users).toContain('Medlemsrepresentant Alfa kommun');

    await page.getByRole('button', { name: 'Ta bort Frida Förbundschef' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ta bort Frida Förbundschef?' });
    await dialog.getByRole('button', { name: 'Ja, ta bort användaren' }).click();
    await dialog.getByRole('alert').getByText('Du kan inte ta bort din egen inloggning.').waitFor();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await tableText(page, 'Användare')).toContain('Frida Förbundschef');
  });

  it('the platform admin invites a Nationella rådet user, who signs in to the national statistics', async () => {
    const page = await portal.open('/forbund', 'admin');
    await expectHeading(page, 'Förbund');
    await page.getByRole('link', { name: 'Administratörer och Nationella rådet' }).click();
    await expectHeading(page, 'Plattformens användare');
    const users = await tableText(page, 'Användare');
    expect(users).toContain('Plattformsadministratören admin Plattformsadministratör');
    expect(users).toContain('Nils Nationella rådet nationell Nationella rådet');
    // The platform hands out only its own roles, and has no members to act for.
    expect(await page.getByRole('checkbox').count()).toBe(2);
    expect(await page.getByLabel('Ekonom', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Medlem' }).count()).toBe(0);
    await checkPage(page, 'plattformens-anvandare');

    await invite(page, { email: 'Nora.Nationell@Radet.se', name: 'Nora Nationell', roles: ['Nationella rådet'] });
    const password = await temporaryPassword(page, 'Nora Nationell');
    expect(await tableText(page, 'Användare')).toContain('Nora Nationell nora.nationell@radet.se Nationella rådet');
    await checkPage(page, 'plattformens-anvandare-inbjuden');
    await page.getByRole('button', { name: 'Jag har lämnat över lösenordet' }).click();
    expect(await mainText(page)).not.toContain(password);

    // The same address again: the API's 409 says why.
    await invite(page, { email: 'nora.nationell@radet.se', name: 'Nora igen', roles: ['Plattformsadministratör'] });
    await page.getByRole('heading', { name: 'Användaren kunde inte bjudas in.' }).waitFor();

    // The administrator cannot remove their own login here either.
    await page.getByRole('button', { name: 'Ta bort Plattformsadministratören' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ta bort Plattformsadministratören?' });
    await dialog.getByRole('button', { name: 'Ja, ta bort användaren' }).click();
    await dialog.getByRole('alert').getByText('Du kan inte ta bort din egen inloggning.').waitFor();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Signed out, she signs in with the address and the temporary password and lands on the national view.
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expectHeading(page, 'Logga in');
    await fillLogin(page, 'nora.nationell@radet.se', password);
    await expectHeading(page, 'Nationell statistik 2027');
    expect(new URL(page.url()).pathname).toBe('/nationellt/2027');
    expect(await readText(page.locator('.site-user'))).toContain('Nora Nationell Nationella rådet');
  });

  it('the platform’s users are not found for anyone but the platform admin', async () => {
    for (const username of ['forbundsadmin', 'nationell']) {
      const page = await portal.open(platform_users_path, username);
      await expectHeading(page, 'Sidan finns inte');
    }
  });

  it('offers no user administration to an ekonom, and the page is not found for them', async () => {
    const page = await portal.open(`/forbund/${demo_forbund_id}`, 'ekonom');
    await page.getByRole('heading', { name: 'Medlemmar' }).waitFor();
    expect(await page.getByRole('link', { name: 'Användare och roller' }).count()).toBe(0);
    await page.goto(portal.runtime.url + usersPath(demo_forbund_id));
    await expectHeading(page, 'Sidan finns inte');
  });
});
