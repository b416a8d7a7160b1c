import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText, readText } from './support/checks.ts';
import { demo_forbund_id, demo_forbund_name, fillLogin, setUpPortal } from './support/portal.ts';

describe.skipIf(chromiumMissing)('signing in and out', () => {
  const portal = setUpPortal();

  it('sends a signed-out user to log in, and names what is missing or wrong', async () => {
    const page = await portal.open(`/forbund/${demo_forbund_id}`);
    await expectHeading(page, 'Logga in');
    await checkPage(page, 'logga-in');

    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    expect(await mainText(page)).toContain('Ange ditt lösenord.');
    await checkPage(page, 'logga-in-tomt');

    await fillLogin(page, 'ekonom', 'fel-losenord');
    await page.getByRole('heading', { name: 'Fel användarnamn eller lösenord.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/logga-in');
    await checkPage(page, 'logga-in-fel-losenord');
  });

  it('logs in to the page asked for and logs out again', async () => {
    const page = await portal.open(`/forbund/${demo_forbund_id}`);
    await expectHeading(page, 'Logga in');
    await fillLogin(page, 'ekonom', 'demo');
    await expectHeading(page, demo_forbund_name);
    expect(new URL(page.url()).pathname).toBe(`/forbund/${demo_forbund_id}`);
    expect(await readText(page.locator('header'))).toContain('Elin Ekonom');

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expectHeading(page, 'Logga in');
    expect(await mainText(page)).toContain('Du är utloggad.');
    // The session is gone, not only hidden: the förbund page asks for a login again.
    await page.goto(`${portal.runtime.url}/forbund/${demo_forbund_id}`);
    await expectHeading(page, 'Logga in');
  });

  it('answers an unknown address with "Sidan finns inte"', async () => {
    const page = await portal.open('/finns-inte/alls', 'ekonom');
    await expectHeading(page, 'Sidan finns inte');
    await checkPage(page, 'sidan-finns-inte');
  });

  it('starts each role where its work is', async () => {
    for (const [username, heading] of [
      ['ekonom', 'Årscykeln 2027'],
      ['nationell', 'Nationell statistik 2027'],
    ] as const) {
      const page = await portal.open('/', username);
      await expectHeading(page, heading);
      expect(await readText(page.locator('header'))).toContain(username === 'ekonom' ? 'Elin Ekonom' : 'Nils');
    }
  });
});
