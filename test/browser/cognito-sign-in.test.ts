import { resolve } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
} from '@aws-sdk/client-cognito-identity-provider';
import { type Runtime, startRuntime } from '@finsam/local';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CognitoLocal, type CognitoPool, startCognitoLocal } from '../support/cognito-local.ts';
import { repositoryRoot } from '../support/runtime.ts';
import { chromiumMissing, launchBrowser, portal_today, type TestBrowser } from './support/browser.ts';
import { checkPage, expectHeading, mainText, readText, ui_wait_ms } from './support/checks.ts';
import { demo_forbund_id } from './support/portal.ts';
import { totpCode } from './support/totp.ts';

/**
 * The portal signing in against Cognito: the real portal build in Chromium, the real API (in the
 * local runtime) verifying the pool's ID tokens by its JWKS, and cognito-local as the user pool,
 * reached by the portal's own AWS SDK client through config.json's `endpoint`.
 *
 * What cognito-local does, and so what this shows:
 * - A wrong password is refused with InvalidPasswordException (Cognito: NotAuthorizedException);
 *   the portal says the same Swedish sentence for both.
 * - It checks TOTP codes for real (otplib, SHA-1, 30 s, ±1 step), so the codes typed here are
 *   computed with RFC 6238 from the key the page shows. It does not refuse a code used twice.
 * - It does not apply the password policy; the portal's own check of the policy is what refuses
 *   a weak password here.
 * - It remembers refresh tokens only from a sign-in without a challenge, so revocation and the
 *   renewal on a 401 are shown after a plain e-mail + password sign-in.
 * - The forgotten-password code is read from what cognito-local prints instead of sending e-mail.
 * - It does not implement the MFA_SETUP challenge (a pool that requires MFA): that step is not run.
 */
const email = 'elin.cognito@exempel.se';
const temporary_password = 'Tillfälligt-lösen-1';
const first_password = 'Mitt-första-lösen-2';
const second_password = 'Mitt-andra-lösen-3';
/** The ekonom's start page in the demo year (the browser's "today" is in November 2026). */
const ekonom_start_heading = 'Årscykeln 2027';

describe.skipIf(chromiumMissing)('signing in against Cognito', () => {
  let cognito: CognitoLocal;
  let pool: CognitoPool;
  let runtime: Runtime;
  let browser: TestBrowser;
  let page: Page;
  let totpSecret = '';

  beforeAll(async () => {
    cognito = await startCognitoLocal();
    pool = await cognito.createPool();
    [runtime, browser] = await Promise.all([
      startRuntime({
        dataDir: '',
        inMemory: true,
        port: 0,
        host: '127.0.0.1',
        portalDir: resolve(repositoryRoot, 'web/dist'),
        seedDemo: true,
        logLevel: 'SILENT',
        cognito: {
          region: cognito.region,
          userPoolId: pool.userPoolId,
          userPoolClientId: pool.clientId,
          endpoint: cognito.endpoint,
          issuer: pool.issuer,
          jwksUrl: pool.jwksUrl,
        },
      }),
      launchBrowser(),
    ]);
    runtime.clock.set(portal_today);
    // An invitation as the API makes it (packages/api cognito-identity-provider), without the e-mail.
    await cognito.client.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.userPoolId,
        Username: email,
        TemporaryPassword: temporary_password,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: 'Elin Cognito' },
          { Name: 'custom:forbund_id', Value: demo_forbund_id },
        ],
      }),
    );
    await cognito.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: pool.userPoolId, Username: email, GroupName: 'ekonom' }),
    );
    page = await browser.context.newPage();
    page.setDefaultTimeout(ui_wait_ms);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
    await cognito?.stop();
  });

  it('serves a config.json that names the pool and cognito-local', async () => {
    const config = (await (await fetch(`${runtime.url}/config.json`)).json()) as { businessTime: string };
    expect(config).toEqual({
      region: cognito.region,
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.clientId,
      endpoint: cognito.endpoint,
      // The local runtime's business time, which the portal's pages open on (web/src/business-clock.ts).
      businessTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(Math.abs(Date.parse(config.businessTime) - runtime.clock.now().getTime())).toBeLessThan(5_000);
  });

  it('lets an invited user in with the temporary password once a policy-abiding password is chosen', async () => {
    await page.goto(`${runtime.url}/logga-in`);
    await expectHeading(page, 'Logga in');
    await checkPage(page, 'cognito-logga-in');
    await fillCredentials(page, email, temporary_password);

    await expectHeading(page, 'Välj ett nytt lösenord');
    expect(await mainText(page)).toContain('minst 12 tecken');
    await checkPage(page, 'cognito-nytt-losenord');
    await fillNewPassword(page, 'kort');
    await page.getByRole('heading', { name: 'Uppgifterna behöver rättas.' }).waitFor();
    const refused = await mainText(page);
    expect(refused).toContain('Lösenordet måste ha minst 12 tecken.');
    expect(refused).toContain('Lösenordet måste innehålla en stor bokstav.');
    await checkPage(page, 'cognito-nytt-losenord-fel');

    await fillNewPassword(page, first_password);
    await expectHeading(page, ekonom_start_heading);
    // The token carries no name here (cognito-local leaves standard attributes out), so the address is shown.
    expect(await readText(page.locator('header'))).toContain(email);
    // The API is called with the ID token, issued for the portal's client.
    const claims = await sessionClaims(page);
    expect(claims).toMatchObject({ token_use: 'id', aud: pool.clientId, 'custom:forbund_id': demo_forbund_id });
  });

  it('says in Swedish that the e-mail address or password is wrong', async () => {
    await signOut(page);
    await fillCredentials(page, email, 'Fel-lösenord-123');
    await page.getByRole('heading', { name: 'Fel e-postadress eller lösenord.' }).waitFor();
    expect(await mainText(page)).not.toMatch(/Invalid|Incorrect|password/);
    await checkPage(page, 'cognito-fel-losenord');
  });

  it('renews a refused token once, and revokes the refresh token on sign-out', async () => {
    await fillCredentials(page, email, first_password);
    await expectHeading(page, ekonom_start_heading);
    const stored = await storedSession(page);
    const refreshToken = stored.renewal.refreshToken as string;
    await expect(refreshWith(refreshToken)).resolves.toBeDefined();

    // A token the API refuses (here: its signature spoiled) is renewed once and the call repeated.
    const spoiled = `${stored.token.slice(0, -4)}AAAA`;
    // A string, evaluated in the page: the test itself compiles without the DOM's types.
    await page.evaluate(
      `sessionStorage.setItem('finsam.session', ${JSON.stringify(JSON.stringify({ ...stored, token: spoiled }))})`,
    );
    await page.reload();
    await expectHeading(page, ekonom_start_heading);
    await expect.poll(async () => (await storedSession(page)).token, { timeout: ui_wait_ms }).not.toBe(spoiled);

    await signOut(page);
    await expect(refreshWith(refreshToken)).rejects.toBeInstanceOf(NotAuthorizedException);
    expect(await page.evaluate<string | null>("sessionStorage.getItem('finsam.session')")).toBeNull();
  });

  it('enrols an authenticator app and then asks for its code at sign-in', async () => {
    await fillCredentials(page, email, first_password);
    await expectHeading(page, ekonom_start_heading);
    await page.getByRole('link', { name: 'Tvåstegsverifiering' }).click();
    await expectHeading(page, 'Tvåstegsverifiering');
    await page.getByText('Tvåstegsverifiering är avstängd för ditt konto.').waitFor();
    await checkPage(page, 'cognito-mfa-av');

    await page.getByRole('button', { name: 'Slå på tvåstegsverifiering' }).click();
    const shown = await page.getByTestId('totp-secret').innerText();
    totpSecret = shown.replace(/\s+/g, '');
    expect(totpSecret).toMatch(/^[A-Z2-7]+$/);
    const uri = await page.getByRole('link', { name: 'öppna nyckeln direkt i appen' }).getAttribute('href');
    expect(uri).toContain(`secret=${totpSecret}`);
    await checkPage(page, 'cognito-mfa-koppla');

    await fillTotp(page, wrongCode(totpCode(totpSecret)));
    await page.getByRole('heading', { name: 'Koden stämmer inte.' }).waitFor();
    await fillTotp(page, totpCode(totpSecret));
    await page.getByText('Tvåstegsverifiering är påslagen för ditt konto.').waitFor();
    await checkPage(page, 'cognito-mfa-pa');

    await signOut(page);
    await fillCredentials(page, email, first_password);
    await expectHeading(page, 'Tvåstegsverifiering');
    await checkPage(page, 'cognito-mfa-kod');
    await fillTotp(page, wrongCode(totpCode(totpSecret)), 'Logga in');
    await page.getByRole('heading', { name: 'Koden stämmer inte.' }).waitFor();
    await fillTotp(page, totpCode(totpSecret), 'Logga in');
    await expectHeading(page, ekonom_start_heading);
  });

  it('sets a new password with the code sent by e-mail', async () => {
    await signOut(page);
    await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
    await expectHeading(page, 'Glömt lösenordet');
    await checkPage(page, 'cognito-glomt-losenord');
    await page.getByRole('textbox', { name: 'E-postadress' }).fill(email);
    await page.getByRole('button', { name: 'Skicka kod' }).click();
    await page.getByLabel('Kod från e-postmeddelandet').waitFor();
    await checkPage(page, 'cognito-glomt-losenord-kod');

    await expect.poll(() => cognito.lastCodeSentTo(email), { timeout: ui_wait_ms }).toMatch(/^\d{6}$/);
    const code = cognito.lastCodeSentTo(email) as string;
    await page.getByLabel('Kod från e-postmeddelandet').fill(wrongCode(code));
    await page.getByLabel('Nytt lösenord', { exact: true }).fill(second_password);
    await page.getByLabel('Upprepa det nya lösenordet').fill(second_password);
    await page.getByRole('button', { name: 'Spara det nya lösenordet' }).click();
    await page.getByRole('heading', { name: 'Koden stämmer inte.' }).waitFor();
    await checkPage(page, 'cognito-glomt-losenord-fel-kod');

    await page.getByLabel('Kod från e-postmeddelandet').fill(code);
    await page.getByRole('button', { name: 'Spara det nya lösenordet' }).click();
    await expectHeading(page, 'Logga in');
    expect(await mainText(page)).toContain('Ditt nya lösenord är sparat.');

    await fillCredentials(page, email, first_password);
    await page.getByRole('heading', { name: 'Fel e-postadress eller lösenord.' }).waitFor();
    await fillCredentials(page, email, second_password);
    await expectHeading(page, 'Tvåstegsverifiering');
    await fillTotp(page, totpCode(totpSecret), 'Logga in');
    await expectHeading(page, ekonom_start_heading);
  });

  async function refreshWith(refreshToken: string) {
    const answer = await cognito.client.send(
      new InitiateAuthCommand({
        ClientId: pool.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    );
    return answer.AuthenticationResult?.IdToken;
  }
});

async function fillCredentials(page: Page, username: string, password: string) {
  await page.getByRole('textbox', { name: 'E-postadress' }).fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

async function fillNewPassword(page: Page, password: string) {
  await page.getByLabel('Nytt lösenord', { exact: true }).fill(password);
  await page.getByLabel('Upprepa det nya lösenordet').fill(password);
  await page.getByRole('button', { name: 'Spara lösenordet och logga in' }).click();
}

async function fillTotp(page: Page, code: string, button = 'Bekräfta och slå på') {
  await page.getByLabel('Kod från appen').fill(code);
  await page.getByRole('button', { name: button }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expectHeading(page, 'Logga in');
  expect(await mainText(page)).toContain('Du är utloggad.');
}

/** A six-digit code that is certainly not the right one. */
function wrongCode(code: string): string {
  return code.replace(/^./, (digit) => String((Number(digit) + 5) % 10));
}

async function storedSession(page: Page) {
  const text = await page.evaluate<string | null>("sessionStorage.getItem('finsam.session')");
  return JSON.parse(text ?? 'null') as { token: string; renewal: { refreshToken?: string } };
}

async function sessionClaims(page: Page): Promise<Record<string, unknown>> {
  const { token } = await storedSession(page);
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString());
}
