import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText, readText } from './support/checks.ts';
import { createOtherForbund, setUpPortal } from './support/portal.ts';

/** A simulated year takes 10–20 s on the in-memory runtime; this leaves room for a slow machine. */
const simulation_wait_ms = 90_000;
/** The portal's today (2026-11-23) is past 15 August, so planning for 2027 has begun: 2028 is the first free year. */
const year = 2028;

describe.skipIf(chromiumMissing)('simulating a year from the portal', () => {
  // The simulation drives the cycle's state machines and scheduler, and moves the virtual clock.
  const portal = setUpPortal({ cycle: true });

  it('the platform admin simulates a new förbund’s year and follows it step by step to the documents', async () => {
    const forbund = await createOtherForbund(portal.runtime, 'Samordningsförbundet Simulerdal');
    const page = await portal.open('/forbund', 'admin');
    await expectHeading(page, 'Förbund');
    await page.getByRole('link', { name: 'Simulera ett budgetår' }).click();
    await expectHeading(page, 'Simulering');
    await page.getByText('Ingen simulering har körts ännu.').waitFor();
    expect(await mainText(page)).toContain('Den virtuella klockan står på 2026-11-23 10:00.');
    const yearField = page.getByLabel('Budgetår');
    expect(await yearField.inputValue()).toBe(String(year));
    await checkPage(page, 'simulering');

    // A year whose planning has already begun would turn the clock back: the API says which year is first.
    await page.getByLabel('Förbund', { exact: true }).selectOption({ label: forbund.name });
    await yearField.fill('2027');
    await page.getByRole('button', { name: 'Starta simuleringen' }).click();
    await page.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    await expect.poll(() => yearField.getAttribute('aria-invalid')).toBe('true');
    expect(await readText(page.locator('.field--invalid'))).toContain(`välj ${year} eller senare`);

    await yearField.fill(String(year));
    await page.getByLabel('Ekonomisk modell (valfritt)').selectOption('finsam');
    await page.getByRole('button', { name: 'Starta simuleringen' }).click();
    const heading = page.getByRole('heading', { name: `Pågående simulering: ${forbund.name} ${year}` });
    await heading.waitFor();
    // Focus follows the user to the progress, which they just asked for.
    await expect
      .poll(() => page.locator('h2:focus').textContent())
      .toBe(`Pågående simulering: ${forbund.name} ${year}`);

    // The bar is labelled with its step and moves on while the year runs.
    const bar = page.getByRole('progressbar', { name: /^Steg \d+ av \d+/ });
    await bar.waitFor();
    const stepOf = async () => Number(await bar.getAttribute('value'));
    const labelOf = () => page.locator('.simulation__progress label').innerText();
    const first = { step: await stepOf(), label: await labelOf() };
    await expect
      .poll(async () => (await stepOf()) > first.step && (await labelOf()) !== first.label, {
        timeout: simulation_wait_ms,
        interval: 100,
      })
      .toBe(true);
    expect(await labelOf()).toMatch(/^Steg \d+ av 18: \S/);
    expect(await bar.getAttribute('max')).toBe('18');
    expect(await page.getByRole('button', { name: 'Starta simuleringen' }).isDisabled()).toBe(true);
    await checkPage(page, 'simulering-pagar');

    // Done: the outcome is announced, the timeline is full, and the year's pages and files are there.
    await page
      .getByRole('heading', { name: `Senaste simuleringen: ${forbund.name} ${year}` })
      .waitFor({ timeout: simulation_wait_ms });
    const progress = page.locator('.simulation');
    await expect
      .poll(() => page.locator('.simulation [role="status"]').textContent())
      .toBe(`Simuleringen av ${forbund.name} ${year} är klar.`);
    const text = await readText(progress);
    expect(text).toContain(`Simuleringen är klar: ${forbund.name} har planerat, bokfört, avräknat och stängt ${year}.`);
    expect(text).toContain('Alla medlemmar har svarat i samrådet');
    expect(text).toContain('Likvidavräkning gjord; året är stängt');
    // The folder as seen from the runtime's working directory, where a person at that machine would look.
    expect(text).toContain(`Dokumenten finns i mappen test-output/simulations/${forbund.id}-${year}, räknat från`);
    expect(text).toContain(`arsredovisning-${year}.pdf`);
    expect(text).toContain(`bokforing-${year}.se`);
    expect(await bar.getAttribute('value')).toBe('18');
    await checkPage(page, 'simulering-klar');

    // A reload finds the latest simulation as it ended; the next free year follows the moved clock.
    await page.reload();
    await expectHeading(page, 'Simulering');
    await page.getByRole('heading', { name: `Senaste simuleringen: ${forbund.name} ${year}` }).waitFor();
    await expect.poll(() => page.getByLabel('Budgetår').inputValue()).toBe(String(year + 2));

    await page.getByRole('link', { name: `Rapporter ${year}` }).click();
    await expectHeading(page, `Rapporter ${year}`);
    expect(new URL(page.url()).pathname).toBe(`/forbund/${forbund.id}/rapporter/${year}`);
  });

  it('is not offered to anyone but the platform admin', async () => {
    const page = await portal.open('/simulering', 'forbundsadmin');
    await expectHeading(page, 'Sidan finns inte');
  });
});
