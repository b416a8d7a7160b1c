import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emit, type Receiver, settlement, startReceiver, waitFor } from '../support/webhook-receiver.ts';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText, readText, ui_wait_ms } from './support/checks.ts';
import { demo_forbund_id, setUpPortal } from './support/portal.ts';

const integrations = (memberId: string) => `/forbund/${demo_forbund_id}/medlem/${memberId}/integrationer`;
/** The worker polls the outbox every 200 ms; a delivery lands well within this. */
const delivery_wait_ms = 15_000;

describe.skipIf(chromiumMissing)('webhook integrations', () => {
  const portal = setUpPortal();
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('a member representative subscribes its finance system, pings it, sees a delivery and rotates the secret', async () => {
    const page = await portal.open('/', 'medlem');
    await page.getByRole('link', { name: /^Integrationer/ }).click();
    await expectHeading(page, 'Integrationer – Alfa kommun');
    await page.getByText('Medlemmen har inga prenumerationer ännu.').waitFor();
    await checkPage(page, 'integrationer-tomma');

    // The API refuses an address it cannot use, and the message lands at the address field.
    const address = page.getByLabel('Mottagarens adress');
    await address.fill('inte en adress');
    await page.getByLabel('Avräkning utfärdad', { exact: true }).check();
    await page.getByLabel('Beskrivning (valfritt)').fill('Ekonomisystemet');
    await page.getByRole('button', { name: 'Skapa prenumerationen' }).click();
    await page.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true');
    expect(await readText(page.locator('.field--invalid'))).toContain('Ogiltig URL.');
    await checkPage(page, 'integrationer-fel');

    // Keyboard only from here: fill the address and submit with Enter.
    await address.fill(receiver.url);
    await address.press('Enter');
    const secretBox = page.getByRole('region', { name: /hemligheten/ });
    await secretBox.waitFor();
    expect(await readText(secretBox)).toContain('Hemligheten visas bara en gång.');
    const secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    receiver.secrets = [secret];
    const card = page.getByRole('article', { name: receiver.url });
    expect(await readText(card)).toContain('Händelser Avräkning utfärdad');
    expect(await readText(card)).toContain('Beskrivning Ekonomisystemet');
    await card.getByText('Inga leveranser ännu.').waitFor();
    await checkPage(page, 'integrationer-ny-hemlighet');

    // A ping reaches the receiver signed with the secret the page showed, and shows in the log.
    await card.getByRole('button', { name: 'Skicka testanrop' }).click();
    await card.getByText(/^Testanrop .*Levererad \(HTTP 204\)/).waitFor();
    expect(receiver.requests.at(-1)?.verified).toBe(true);
    const log = card.getByRole('table');
    await expect.poll(() => readText(log), { timeout: ui_wait_ms }).toContain('Testanrop');

    // An avräkning for Alfa is delivered by the worker; "Uppdatera loggen" brings it in, newest first.
    await emit(portal.runtime, [settlement('alfa', 1)]);
    await waitFor(
      () => receiver.accepted.has('settlement:2027-01:alfa'),
      delivery_wait_ms,
      'the settlement at the receiver',
    );
    await expect
      .poll(
        async () => {
          await card.getByRole('button', { name: 'Uppdatera loggen' }).click();
          return readText(log.locator('tbody tr').first());
        },
        { timeout: delivery_wait_ms },
      )
      .toContain('Avräkning utfärdad');
    expect(await readText(log.locator('tbody tr').first())).toContain('Levererad (HTTP 204)');
    await expect.poll(() => receiver.requests.at(-1)?.verified).toBe(true);
    await card.getByRole('button', { name: 'Skicka om settlement:2027-01:alfa (försök 1)' }).waitFor();
    await card.getByRole('button', { name: 'Jag har sparat hemligheten' }).click();
    await checkPage(page, 'integrationer-logg');

    // Rotating shows the new secret once; the old one still signs during the overlap.
    await card.getByRole('button', { name: 'Byt hemlighet' }).click();
    await page.getByRole('region', { name: 'Ny hemlighet' }).waitFor();
    const rotated = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    expect(await readText(card)).toContain('Förra hemligheten signerar också fram till');
    receiver.secrets = [rotated];
    await card.getByRole('button', { name: 'Skicka testanrop' }).click();
    await expect.poll(() => receiver.requests.at(-1)?.verified, { timeout: ui_wait_ms }).toBe(true);
    expect(await mainText(page)).not.toContain(secret);
  });

  it("a member representative opening another member's integrations finds no such page", async () => {
    const page = await portal.open(integrations('beta'), 'medlem');
    await expectHeading(page, 'Sidan finns inte');
  });
});
