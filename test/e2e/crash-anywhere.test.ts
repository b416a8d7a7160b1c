import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashYear } from '../support/crash-year.ts';

/**
 * Issue 12 point 8: a year of the demo förbund with the runtime killed (SIGKILL) at 30 seeded
 * points spread over it, each time started again on the same data. Nothing may be lost or done
 * twice, and the virtual clock must come back where it was. test/soak/crash-anywhere.ts runs the
 * same with 100 kills and any seed.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'finsam-kill-'));
const outDir = mkdtempSync(join(tmpdir(), 'finsam-kill-out-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe('a runtime killed anywhere in a year', () => {
  it('comes back each time and closes the year with nothing lost and nothing done twice', async () => {
    const report = await crashYear({ kills: 30, seed: 20261206, dataDir, outDir });
    expect(report.problems).toEqual([]);
    expect(report.kills).toBe(30);
    // A delivery the receiver answered just before a kill is sent again (its webhook-id lets the
    // receiver drop it): at most one repeat per kill, never a lost event.
    expect(report.repeatedDeliveries).toBeLessThanOrEqual(report.kills);
  }, 900_000);
});
