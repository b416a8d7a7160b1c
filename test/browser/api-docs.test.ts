import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser.ts';
import { setUpPortal } from './support/portal.ts';

describe.skipIf(chromiumMissing)('the API documentation page', () => {
  const portal = setUpPortal();

  it('renders Swagger UI from the OpenAPI document under the strict Content-Security-Policy', async () => {
    const refused: string[] = [];
    const page = await portal.open('/docs');
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refused.push(message.text());
    });
    await page.reload();
    await page.getByText('Finsam Cloud API', { exact: false }).first().waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
    expect(refused).toEqual([]);
  });
});
