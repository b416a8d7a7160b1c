import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberEffect, numberingIssues, type PresetName, type Principal, type Voucher } from '@finsam/domain';
import { inProcessDriver, simulateYear } from '@finsam/local';
import { createStores, type Stores } from '@finsam/store';
import { expect } from 'vitest';
import { startTestRuntime } from './runtime.ts';

export const simulated_year = 2027;
export const viewer: Principal = { subject: 'test', name: 'Test', roles: ['platform-admin'] };

/** Runs a whole budget year of the demo förbund under a model, through the real runtime. */
export async function simulateModel(preset: PresetName) {
  const runtime = await startTestRuntime({ cycle: true });
  const outDir = mkdtempSync(join(tmpdir(), `finsam-${preset}-`));
  await simulateYear(inProcessDriver(runtime), { forbundId: 'exempeldalen', year: simulated_year, outDir, preset });
  return { runtime, stores: createStores(runtime.table) };
}

export async function yearOf(stores: Stores, year: number) {
  const vouchers = await stores.vouchers.year(viewer, 'exempeldalen', year);
  const { accounts: chart } = await stores.charts.chart(viewer, 'exempeldalen', new Date());
  return { vouchers, chart };
}

/**
 * What every model must satisfy whatever its rules: numbering without gaps, every economy
 * voucher booked once, every statement tied to the ledger, and the year closed.
 */
export async function expectYearTiesOut(stores: Stores) {
  const state = await stores.cycles.get('T#exempeldalen' as never, simulated_year);
  expect(Object.keys(state?.steps ?? {})).toEqual(
    expect.arrayContaining(['budget.published', 'bokslut', 'likvidavrakning', 'year.closed']),
  );
  const year = await yearOf(stores, simulated_year);
  const next = await yearOf(stores, simulated_year + 1);
  expect(numberingIssues([...year.vouchers, ...next.vouchers])).toEqual([]);
  const references = [...year.vouchers, ...next.vouchers]
    .filter((voucher) => voucher.basis?.kind === 'settlement')
    .map((voucher) => voucher.basis?.reference);
  expect(new Set(references).size).toBe(references.length);

  const runs = await stores.avrakning.runs(viewer, 'exempeldalen', simulated_year);
  expect(runs.map((run) => [run.month, run.complete])).toEqual(Array.from({ length: 12 }, (_, i) => [i + 1, true]));
  const charter = await stores.charters.current(viewer, 'exempeldalen');
  for (const member of charter.members) {
    const statementNet = runs
      .flatMap((run) => run.statements)
      .filter((statement) => statement.memberId === member.id)
      .reduce((sum, statement) => sum + Math.round(Number(statement.net) * 100), 0);
    // The avräkning's own vouchers, not the payments the members made against them.
    const avrakningVouchers = year.vouchers.filter((voucher: Voucher) => {
      const reference = voucher.basis?.reference ?? '';
      return (
        new RegExp(`^${simulated_year}-\\d\\d-${member.id}-`).test(reference) && !reference.includes('-betalning-')
      );
    });
    // Compared in whole öre as integers: the statement and the ledger must agree exactly.
    expect(Math.round(memberEffect(year.chart, avrakningVouchers, member.id).toNumber() * 100), member.id).toBe(
      statementNet,
    );
  }
  return { year, next, runs, charter };
}

/** After the likvidavräkning, every member whose balance was carried owes and is owed nothing. */
export async function expectCarriedBalancesSettled(stores: Stores) {
  const { trialBalance, carriesBalance, memberBalanceAccounts } = await import('@finsam/domain');
  const charter = await stores.charters.current(viewer, 'exempeldalen');
  const next = await yearOf(stores, simulated_year + 1);
  const opening = await stores.openings.balances(viewer, 'exempeldalen', simulated_year + 1);
  const closing = new Map(
    trialBalance(next.chart, next.vouchers, opening).rows.map((row) => [row.account, row.closing]),
  );
  const carried = charter.members.filter((member) => carriesBalance(member.id, charter.settings.funding));
  for (const member of carried)
    for (const account of memberBalanceAccounts(next.chart, member.id))
      expect(closing.get(account) ?? '0.00', `${member.id} ${account}`).toBe('0.00');
  return carried.map((member) => member.id);
}

/** The result distribution of the year: shares sum to what left eget kapital, to the öre. */
export async function distributionOf(stores: Stores) {
  const vouchers = await stores.vouchers.year(viewer, 'exempeldalen', simulated_year);
  return vouchers.find((voucher) => voucher.basis?.reference === `${simulated_year}-resultat`);
}
