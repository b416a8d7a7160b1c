import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { numberingIssues } from '@finsam/domain';
import { awaitBokslut, inProcessDriver, planYear, prepareSimulation, type Runtime, runMonths } from '@finsam/local';
import { createStores } from '@finsam/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulated_year, viewer } from '../support/cycle.ts';
import { startTestRuntime } from '../support/runtime.ts';

/**
 * An avräkning saves the month's record and then marks the cycle's step; the crash test killed a
 * runtime between the two, and the month, complete in its record, was never run again, so the
 * closing (which waits for all twelve steps) never started. Here the cut-off is made by hand: on
 * the 15th of March the step of March's run, saved on the 1st, is taken away, as if that process
 * had died before writing it. The next daily run must run March again, book nothing twice, and
 * the year must close.
 */
let runtime: Runtime;
const outDir = mkdtempSync(join(tmpdir(), 'finsam-cut-off-'));
const year = simulated_year;
beforeAll(async () => {
  runtime = await startTestRuntime({ cycle: true });
});
afterAll(async () => {
  await runtime?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

describe('an avräkning cut off before its step was marked', () => {
  it('is run again by the next daily run, and the year still closes', async () => {
    const driver = inProcessDriver(runtime);
    const cutOff = {
      ...driver,
      setClock: async (iso: string) => {
        if (iso.startsWith(`${year}-03-15`))
          await runtime.table.update(
            {
              Key: { PK: 'T#exempeldalen', SK: `CYCLE#${year}` },
              UpdateExpression: 'REMOVE steps.#month',
              ExpressionAttributeNames: { '#month': 'avrakning.03' },
            },
            'test',
          );
        await driver.setClock(iso);
      },
    };
    const context = await prepareSimulation(cutOff, { forbundId: 'exempeldalen', year, outDir });
    await planYear(context);
    await runMonths(context);
    await awaitBokslut(context);

    const stores = createStores(runtime.table);
    const state = await stores.cycles.get('T#exempeldalen' as never, year);
    expect(state?.steps['avrakning.03']?.at.slice(0, 10)).toBe(`${year}-03-15`);
    expect(state?.steps.bokslut).toBeDefined();
    const march = await stores.avrakning.run(viewer, 'exempeldalen', year, 3);
    expect(march?.runs).toBe(2);
    const vouchers = await stores.vouchers.year(viewer, 'exempeldalen', year);
    expect(numberingIssues(vouchers)).toEqual([]);
    const settlements = vouchers.filter((v) => v.basis?.kind === 'settlement').map((v) => v.basis?.reference);
    expect(new Set(settlements).size).toBe(settlements.length);
  });
});
