import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser.ts';
import { checkPage, expectHeading, mainText } from './support/checks.ts';
import { createOtherForbund, setUpPortal } from './support/portal.ts';

/** Every page that names a förbund in its address. */
const pagesOf = (id: string) => [
  `/forbund/${id}`,
  `/forbund/${id}/forbundsordning`,
  `/forbund/${id}/bokforing`,
  `/forbund/${id}/bokforing/ny`,
  `/forbund/${id}/bokforing/2026/verifikation/A/1`,
  `/forbund/${id}/rapporter/2026`,
  `/forbund/${id}/perioder/2026`,
  `/forbund/${id}/ingaende-balanser/2026`,
  `/forbund/${id}/arscykel/2027`,
  `/forbund/${id}/budget/2027`,
  `/forbund/${id}/styrelsen/2027`,
  `/forbund/${id}/revision/2026`,
];

describe.skipIf(chromiumMissing)('tenant isolation in the portal', () => {
  const portal = setUpPortal();

  it('shows a user of one förbund "Sidan finns inte" for every page of another, never its data', async () => {
    const other = await createOtherForbund(portal.runtime, 'Samordningsförbundet Hemligdal');
    for (const username of ['ekonom', 'forbundsadmin']) {
      const page = await portal.open('/', username);
      for (const path of pagesOf(other.id)) {
        await page.goto(portal.runtime.url + path);
        await expectHeading(page, 'Sidan finns inte');
        const text = await mainText(page);
        expect(text, `${username} at ${path}`).not.toContain('Hemligdal');
        expect(await page.title(), `${username} at ${path}`).not.toContain('Hemligdal');
      }
    }
  });

  it('shows the platform admin that förbund, with an empty ledger', async () => {
    const other = await createOtherForbund(portal.runtime, 'Samordningsförbundet Tomdal');
    const page = await portal.open(`/forbund/${other.id}/bokforing`, 'admin');
    await expectHeading(page, 'Bokföring 2026');
    await page.getByText('Inga verifikationer ännu för 2026.').waitFor();
    await checkPage(page, 'bokforing-nytt-forbund');
  });
});
