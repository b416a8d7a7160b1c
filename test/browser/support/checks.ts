import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { repositoryRoot } from '../../support/runtime.ts';
import { desktop_width_px, phone_width_px, viewport_height_px } from './browser.ts';

/** Longest wait for the portal to show something; API calls on the in-memory runtime take milliseconds. */
export const ui_wait_ms = 10_000;
/** How often a condition is polled while waiting. */
const poll_interval_ms = 50;

const wcag_tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const screenshot_folder = join(repositoryRoot, 'test-output', 'screenshots');
mkdirSync(screenshot_folder, { recursive: true });

/** Waits until nothing in the page is still loading (the "Hämtar …" status lines are gone). */
export async function settled(page: Page) {
  await expect
    .poll(() => page.locator('main .status').count(), { timeout: ui_wait_ms, interval: poll_interval_ms })
    .toBe(0);
}

/**
 * The check every page state gets: axe-core finds no WCAG 2.1 A/AA violation at phone and at
 * desktop width (a layout can fail at one and not the other), and a full-page screenshot at
 * each width goes to test-output/screenshots/<name>-<width>.png for a reviewer.
 */
/**
 * What the browser refused under the Content-Security-Policy, per page: the portal runs under
 * the same policy as in AWS, so a script or style it blocks would be broken there too.
 */
const refusals = new WeakMap<Page, string[]>();

export function watchContentSecurityPolicy(page: Page) {
  const seen: string[] = [];
  refusals.set(page, seen);
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) seen.push(message.text());
  });
}

export async function checkPage(page: Page, name: string) {
  await settled(page);
  expect(refusals.get(page) ?? [], `Content-Security-Policy refusals on "${name}"`).toEqual([]);
  for (const width of [phone_width_px, desktop_width_px]) {
    await page.setViewportSize({ width, height: viewport_height_px });
    const { violations } = await new AxeBuilder({ page }).withTags(wcag_tags).analyze();
    const found = violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
    expect(found, `axe violations on "${name}" at ${width} px`).toEqual([]);
    await page.screenshot({ path: join(screenshot_folder, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: desktop_width_px, height: viewport_height_px });
}

/** Waits for the page's h1 to read `name` and for its data to have loaded: the navigation has landed. */
export async function expectHeading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: ui_wait_ms });
  await settled(page);
}

/**
 * What the user reads in a part of the page, whitespace collapsed: table cells come out separated
 * ("5410 Administration och kansli 1 250,00 kr"), which the DOM's textContent would run together.
 */
export async function readText(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ');
}

/** The text of the main landmark. */
export const mainText = (page: Page) => readText(page.locator('main'));
