import type { Runtime } from '@finsam/local';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { call, login, otherForbundBody, startTestRuntime } from '../../support/runtime.ts';
import { launchBrowser, portal_today, type TestBrowser } from './browser.ts';
import { expectHeading, ui_wait_ms, watchContentSecurityPolicy } from './checks.ts';

export const demo_forbund_id = 'exempeldalen';
export const demo_forbund_name = 'Samordningsförbundet Exempeldalen';
export const demo_password = 'demo';

export interface Portal {
  readonly runtime: Runtime;
  /** A new tab (its own sessionStorage, so its own session), signed in as `username` if given, at `path`. */
  open: (path: string, username?: string) => Promise<Page>;
  /**
   * Moves "today" for the runtime's virtual clock and the browser alike, so the portal's default
   * years and prefilled dates follow. Sign-ins expire by the runtime's session clock (real time),
   * so sessions signed in before stay valid.
   */
  setToday: (instant: string) => Promise<void>;
}

/**
 * One real local runtime (in memory, on a free port, serving web/dist) and one Chromium per test
 * file, started before its tests and stopped after them. Call inside the file's describe block.
 * With `cycle`, the runtime also runs the annual cycle: state machines and the daily scheduler;
 * `today` then says where on the virtual clock the file starts.
 */
export function setUpPortal(options: { cycle?: boolean; today?: string } = {}): Portal {
  let runtime: Runtime | undefined;
  let browser: TestBrowser | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    [runtime, browser] = await Promise.all([startTestRuntime({ cycle: options.cycle ?? false }), launchBrowser()]);
    // Server and browser agree on "today": lock and booking times, and the dates forms prefill.
    const today = options.today ? new Date(options.today) : portal_today;
    runtime.clock.set(today);
    await browser.context.clock.setFixedTime(today);
  });
  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  });

  return {
    get runtime() {
      if (!runtime) throw new Error('the runtime has not started');
      return runtime;
    },
    async open(path, username) {
      if (!runtime || !browser) throw new Error('the portal has not started');
      // Tabs of earlier tests are closed, so each test starts from a clean page.
      for (const old of pages.splice(0)) await old.close();
      const page = await browser.context.newPage();
      watchContentSecurityPolicy(page);
      pages.push(page);
      page.setDefaultTimeout(ui_wait_ms);
      page.setDefaultNavigationTimeout(ui_wait_ms);
      if (username) await signIn(page, runtime.url, username);
      await page.goto(runtime.url + path);
      return page;
    },
    async setToday(instant) {
      if (!runtime || !browser) throw new Error('the portal has not started');
      const today = new Date(instant);
      runtime.clock.set(today);
      await browser.context.clock.setFixedTime(today);
    },
  };
}

/** Signs in through the login form, as a user would, and waits until the portal has let them in. */
export async function signIn(page: Page, baseUrl: string, username: string, password = demo_password) {
  await page.goto(`${baseUrl}/logga-in`);
  await expectHeading(page, 'Logga in');
  await fillLogin(page, username, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/logga-in'));
}

export async function fillLogin(page: Page, username: string, password: string) {
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** A second förbund, created by the platform admin over the API: the "other tenant" of isolation tests. */
export async function createOtherForbund(runtime: Runtime, name?: string): Promise<{ id: string; name: string }> {
  const admin = await login(runtime, 'admin');
  const reply = await call(runtime, 'POST', '/api/forbund', { token: admin, body: otherForbundBody(name) });
  if (reply.status !== 201) throw new Error(`creating a förbund failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { id: reply.body.id, name: reply.body.name };
}
