import { trialBalance } from '@finsam/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectYearTiesOut, simulated_year, simulateModel, viewer } from '../support/cycle.ts';
import { expectPresetContributions, expectPresetStatements } from '../support/preset-money.ts';
import { call, login } from '../support/runtime.ts';

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
    await expectYearTiesOut(simulation.stores);
  });

  it('sends the statements worked out by hand, each opening where the last closed, ending at the ledger', async () => {
    await expectPresetContributions(simulation.stores, 'finsam');
    await expectPresetStatements(simulation.runtime, simulation.stores, 'finsam');
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
    // The year-sequence rule: the demo's earlier year was closed first, so 2027 opens with its
    // equity, and 2028 opens with that equity plus 2027's whole result.
    const opening = await stores.openings.balances(viewer, 'exempeldalen', simulated_year);
    const next = await stores.openings.balances(viewer, 'exempeldalen', simulated_year + 1);
    const ore = (value: string | undefined) => BigInt((value ?? '0.00').replace('.', ''));
    expect(ore(opening['2050'])).toBeLessThan(0n);
    expect(ore(next['2050']) - ore(opening['2050'])).toBe(-242000800n);
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

describe('budget against outcome', () => {
  it('follows the adopted budget per area: 12 × 15 000 for the board, 12 × 116 666 for the kansli', async () => {
    const token = await login(simulation.runtime, 'ekonom');
    const reply = await call(
      simulation.runtime,
      'GET',
      `/api/forbund/exempeldalen/ledger/${simulated_year}/reports/budget`,
      {
        token,
      },
    );
    const byArea = Object.fromEntries(
      reply.body.rows.map((row: { area: string; budget: string; outcome: string }) => [
        row.area,
        [row.budget, row.outcome],
      ]),
    );
    expect(byArea).toEqual({
      styrelse: ['180000.00', '180000.00'],
      administration: ['1400000.00', '1399992.00'],
      revision: ['95000.00', '0.00'],
      insatser: ['2325000.00', '0.00'],
    });
    expect(reply.body.total).toMatchObject({ budget: '4000000.00', outcome: '1579992.00', deviation: '2420008.00' });
  });
});

describe('follow-up, delårsrapport and statements', () => {
  it('forecasts the year from April: outcome so far plus eight twelfths of the budget', async () => {
    const token = await login(simulation.runtime, 'ekonom');
    const reply = await call(
      simulation.runtime,
      'GET',
      `/api/forbund/exempeldalen/follow-up/${simulated_year}?month=4`,
      { token },
    );
    const byArea = Object.fromEntries(
      reply.body.forecast.rows.map((row: { area: string; forecast: string }) => [row.area, row.forecast]),
    );
    // Styrelse 4 × 15 000 + 8/12 × 180 000; kansli 4 × 116 666 + 8/12 × 1 400 000.
    expect(byArea).toEqual({
      styrelse: '180000.00',
      administration: '1399997.33',
      revision: '63333.33',
      insatser: '1550000.00',
    });
    expect(reply.body.through).toBe(`${simulated_year}-04-30`);
  });

  it('has the board’s delårsrapport per 31 August adopted in September, told to the members, printed, and final', async () => {
    const base = `/api/forbund/exempeldalen/interim-reports/${simulated_year}`;
    const styrelse = await login(simulation.runtime, 'styrelse');
    const listed = await call(simulation.runtime, 'GET', base, { token: styrelse });
    expect(listed.body.dates).toEqual([`${simulated_year}-08-31`]);
    // The charter's default: adopted at the latest 45 days after the period ends.
    expect(listed.body.deadlines).toEqual([{ periodEnd: `${simulated_year}-08-31`, due: `${simulated_year}-10-15` }]);
    expect(listed.body.adopted).toHaveLength(1);
    expect(listed.body.adopted[0]).toMatchObject({ decisionReference: `Styrelsen ${simulated_year}-09-20 § 5` });
    const wrongDate = await call(simulation.runtime, 'POST', `${base}/${simulated_year}-06-30/adoption`, {
      token: styrelse,
      body: { decisionReference: 'Styrelsen § 5' },
    });
    expect(wrongDate.status).toBe(400);
    const events = await simulation.stores.outbox.forMember(viewer, 'exempeldalen', 'alfa', { limit: 100 });
    expect(events.items.filter((event) => event.type === 'interim_report.adopted')).toHaveLength(1);
    const pdf = await fetch(`${simulation.runtime.url}${base}/${simulated_year}-08-31/pdf`, {
      headers: { authorization: `Bearer ${styrelse}` },
    });
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // Done everywhere: the timeline's deadline is its own (after the period end) and met.
    const cycle = await call(simulation.runtime, 'GET', `/api/forbund/exempeldalen/cycle/${simulated_year}`, {
      token: styrelse,
    });
    expect(cycle.body.deadlines.find((d: { kind: string }) => d.kind === 'interim-report')).toMatchObject({
      date: `${simulated_year}-10-15`,
      status: 'done',
      label: `Delårsrapport per 31 augusti ${simulated_year} antagen`,
    });
    // Once the year is closed, a delårsrapport is no longer adopted for it.
    const late = await call(simulation.runtime, 'POST', `${base}/${simulated_year}-08-31/adoption`, {
      token: styrelse,
      body: { decisionReference: 'Styrelsen § 9' },
    });
    expect(late.status).toBe(409);
    expect(late.body.detail ?? late.body.title).toMatch(/stängt/);
  });

  it('prints a member’s statement for its own representative, and for nobody else’s', async () => {
    const medlem = await login(simulation.runtime, 'medlem');
    const own = await fetch(
      `${simulation.runtime.url}/api/forbund/exempeldalen/avrakning/${simulated_year}/3/statements/alfa/pdf`,
      {
        headers: { authorization: `Bearer ${medlem}` },
      },
    );
    expect(own.status).toBe(200);
    expect(
      Buffer.from(await own.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const other = await call(
      simulation.runtime,
      'GET',
      `/api/forbund/exempeldalen/avrakning/${simulated_year}/3/statements/beta/pdf`,
      {
        token: medlem,
      },
    );
    expect(other.status).toBe(404);
  });
});
