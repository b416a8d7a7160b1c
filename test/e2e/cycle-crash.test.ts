import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { numberingIssues } from '@finsam/domain';
import { awaitBokslut, finishYear, httpDriver, planYear, prepareSimulation, runMonths } from '@finsam/local';
import { createStores } from '@finsam/store';
import { afterAll, describe, expect, it } from 'vitest';
import { simulated_year, viewer } from '../support/cycle.ts';
import { launch, signal } from '../support/process.ts';
import { startTestRuntime } from '../support/runtime.ts';

/**
 * Crash recovery: the runtime process is killed (SIGKILL, no shutdown) after the bokslut task and
 * before the next one, then started again on the same data. The closing execution runs again from
 * the top; the year must complete with no voucher, settlement or event written twice.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'finsam-crash-'));
const outDir = mkdtempSync(join(tmpdir(), 'finsam-crash-out-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});
const start = () => launch('npx', ['tsx', 'packages/local/src/cli.ts', 'start', '--data-dir', dataDir]);
const options = { forbundId: 'exempeldalen', year: simulated_year, outDir };

describe('a runtime killed between two tasks of the closing', () => {
  it('resumes after a restart and completes the year with nothing done twice', async () => {
    const first = await start();
    try {
      const context = await prepareSimulation(httpDriver(first.url), options);
      await planYear(context);
      await runMonths(context);
      await awaitBokslut(context);
    } finally {
      expect(await signal(first, 'SIGKILL')).toBe('SIGKILL');
    }

    const second = await start();
    try {
      await finishYear(await prepareSimulation(httpDriver(second.url), options));
    } finally {
      expect([0, 'SIGINT']).toContain(await signal(second, 'SIGINT'));
    }

    const runtime = await startTestRuntime({ dataDir });
    try {
      const stores = createStores(runtime.table);
      const vouchers = [
        ...(await stores.vouchers.year(viewer, 'exempeldalen', simulated_year)),
        ...(await stores.vouchers.year(viewer, 'exempeldalen', simulated_year + 1)),
      ];
      expect(numberingIssues(vouchers)).toEqual([]);
      const references = vouchers.filter((v) => v.basis?.kind === 'settlement').map((v) => v.basis?.reference);
      expect(new Set(references).size).toBe(references.length);
      expect(references.filter((reference) => reference === `${simulated_year}-bokslut`)).toHaveLength(1);

      const runs = await stores.avrakning.runs(viewer, 'exempeldalen', simulated_year);
      expect(runs).toHaveLength(12);
      const charter = await stores.charters.current(viewer, 'exempeldalen');
      for (const member of charter.members) {
        const events = await stores.outbox.forMember(viewer, 'exempeldalen', member.id, { limit: 100 });
        const ids = events.items.map((event) => event.eventId);
        expect(new Set(ids).size, member.id).toBe(ids.length);
        const settled = events.items.filter((e) => e.type === 'settlement.issued' && e.eventId.endsWith(':final'));
        expect(settled, member.id).toHaveLength(12);
      }
      const state = await stores.cycles.get('T#exempeldalen' as never, simulated_year);
      expect(state?.steps['year.closed']).toBeDefined();
      // Only the next year's planning (opened in August) may still be waiting for people.
      const executions = await stores.executions.running();
      expect(executions.filter((execution) => execution.year === simulated_year)).toEqual([]);
    } finally {
      await runtime.stop();
    }
  });
});
