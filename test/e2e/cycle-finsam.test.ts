import { trialBalance } from '@finsam/domain';
import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectYearTiesOut, simulated_year, simulateModel, viewer } from '../support/cycle.ts';

/**
 * The Finsam standard (DOMAIN.md §3) over a whole simulated year, with the money worked out by
 * hand: frame 4 000 000 kr split FK 2 000 000, region 1 000 000, Alfa 750 000 (30 000 invånare),
 * Beta 250 000 (10 000); paid monthly; the förbund's own costs 12 × (116 666 + 15 000) =
 * 1 579 992 kr; nothing distributed, so the result 4 000 000 − 1 579 992 = 2 420 008 kr stays in
 * eget kapital.
 */
let simulation: Awaited<ReturnType<typeof simulateModel>>;
beforeAll(async () => {
  simulation = await simulateModel('finsam');
});
afterAll(() => simulation?.runtime.stop());

describe('a Finsam-standard year', () => {
  it('ties every statement to the ledger and closes the year', async () => {
    await expectYearTiesOut(simulation.runtime as Runtime, simulation.stores);
  });

  it('books each member’s contribution, paid in full, and keeps the result in eget kapital', async () => {
    const { stores } = simulation;
    const vouchers = await stores.vouchers.year(viewer, 'exempeldalen', simulated_year);
    const { accounts: chart } = await stores.charts.chart(viewer, 'exempeldalen', new Date());
    const closing = Object.fromEntries(trialBalance(chart, vouchers).rows.map((row) => [row.account, row.closing]));
    expect(closing).toMatchObject({
      '3010': '-2000000.00',
      '3012': '-1000000.00',
      '3013': '-750000.00',
      '3014': '-250000.00',
      '1930': '2420008.00',
      '2010': '-2420008.00',
    });
    for (const receivable of ['1510', '1511', '1512', '1513', '1514'])
      expect(closing[receivable] ?? '0.00').toBe('0.00');
    const opening = await stores.openings.balances(viewer, 'exempeldalen', simulated_year + 1);
    expect(opening['2050']).toBe('-2420008.00');
  });

  it('sends each member twelve final statements, FK 166 666.67 eleven times and 166 666.63 in December', async () => {
    const runs = await simulation.stores.avrakning.runs(viewer, 'exempeldalen', simulated_year);
    const fk = runs.map((run) => run.statements.find((s) => s.memberId === 'fk') as { net: string });
    expect(fk.map((s) => s.net)).toEqual([...Array(11).fill('166666.67'), '166666.63']);
    const events = await simulation.stores.outbox.forMember(viewer, 'exempeldalen', 'fk', { limit: 100 });
    const settlements = events.items.filter((event) => event.type === 'settlement.issued');
    expect(settlements).toHaveLength(12);
    expect(new Set(events.items.map((event) => event.eventId)).size).toBe(events.items.length);
  });

  it('publishes the year to the national view as compliant', async () => {
    const aggregates = await simulation.stores.national.forYear(simulated_year);
    expect(aggregates).toHaveLength(1);
    expect(aggregates[0]).toMatchObject({
      budget: { adopted: true, onTime: true },
      annualReport: { adopted: true, onTime: true },
      discharge: { granted: 5, refused: 0, pending: 0 },
      result: '2420008.00',
      deadlinesMissed: [],
    });
  });
});
