import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** The system Chromium (Debian's package); playwright-core brings no browser of its own. */
export const chromium_path = '/usr/bin/chromium';

/**
 * Without Chromium the browser tests are skipped, loudly: a skipped suite must never read as a
 * passed one. Each test file wraps its suite in `describe.skipIf(chromiumMissing)`.
 */
export const chromiumMissing = !existsSync(chromium_path);
if (chromiumMissing)
  console.warn(`Browser tests SKIPPED: ${chromium_path} not found. Install Chromium with: apt-get install -y chromium`);

/** No sandbox (containers run as root), and nothing that phones home or varies from run to run. */
const chromium_args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The widths a reviewer looks at: a small phone and a common laptop. */
export const phone_width_px = 375;
export const desktop_width_px = 1440;
export const viewport_height_px = 900;

/**
 * "Today" in the browser and on the runtime's virtual clock, so prefilled dates, the default year
 * and booking times are the same on every run. It lies in the demo year (2026, ten months booked),
 * after the booked months.
 */
export const portal_today = new Date('2026-11-23T10:00:00+01:00');

export interface TestBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Chromium with a fresh profile in a temporary folder, removed again on close. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'finsam-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromium_path,
    headless: true,
    args: chromium_args,
    viewport: { width: desktop_width_px, height: viewport_height_px },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    acceptDownloads: true,
  });
  // Only Date is fixed; timers run as usual, so nothing in the page waits on a frozen clock.
  await context.clock.setFixedTime(portal_today);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
