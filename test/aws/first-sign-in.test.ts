import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser, type TestBrowser } from '../browser/support/browser.ts';
import { checkPage, expectHeading, readText, ui_wait_ms } from '../browser/support/checks.ts';
import { otherForbundBody } from '../support/runtime.ts';
import { type Deployment, deploy } from './support/deployment.ts';
import { createSignedInUser, request } from './support/sign-in.ts';

/**
 * The first hour of an invited person, as deployed: the förbund's administrator invites them
 * through the API function (which calls Cognito, here cognito-local, which "sends" the
 * temporary password by printing it), and they sign in for the first time in Chromium at the
 * portal's address, with the portal reading the deployment's /config.json and talking to the
 * user pool itself. The API then accepts the ID token through the template's JWT authorizer.
 */
describe.skipIf(chromiumMissing)('an invited person signs in for the first time', () => {
  let deployment: Deployment;
  let browser: TestBrowser;
  let page: Page;
  const email = 'ny.ekonom@gamma.example';

  beforeAll(async () => {
    [deployment, browser] = await Promise.all([deploy(), launchBrowser()]);
    const admin = await createSignedInUser(deployment, {
      email: 'plattform@finsam.example',
      name: 'Petra Plattform',
      groups: ['platform-admin'],
    });
    const forbundId = (await request(deployment, 'POST', '/api/forbund', { token: admin, body: otherForbundBody() }))
      .body.id;
    const invited = await request(deployment, 'POST', `/api/forbund/${forbundId}/users`, {
      token: admin,
      body: { email, name: 'Nina Ny', roles: ['ekonom'] },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    page = await browser.context.newPage();
    page.setDefaultTimeout(ui_wait_ms);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await deployment?.stop();
  });

  it('chooses a new password instead of the temporary one and lands signed in, the API accepting the token', async () => {
    const temporary = deployment.cognito.lastCodeSentTo(email);
    expect(temporary).toBeTruthy();
    await page.goto(`${deployment.url}/logga-in`);
    await expectHeading(page, 'Logga in');
    await page.getByRole('textbox', { name: 'E-postadress' }).fill(email);
    await page.getByLabel('Lösenord', { exact: true }).fill(temporary!);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expectHeading(page, 'Välj ett nytt lösenord');
    await checkPage(page, 'aws-nytt-losenord');
    const chosen = 'Nina-väljer-2026!';
    await page.getByLabel('Nytt lösenord', { exact: true }).fill(chosen);
    await page.getByLabel('Upprepa det nya lösenordet').fill(chosen);
    await page.getByRole('button', { name: 'Spara lösenordet och logga in' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    expect(await readText(page.locator('header'))).toContain(email);
    // Every API call the page made went through the authorizer, and none was refused.
    expect(deployment.httpApi.invoked.some((call) => call.startsWith('GET /api/me'))).toBe(true);
    expect(deployment.httpApi.refused).toEqual([]);
    await checkPage(page, 'aws-inloggad');
  });
});
