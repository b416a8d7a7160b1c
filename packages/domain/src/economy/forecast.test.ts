import { describe, expect, it } from 'vitest';
import { buildChart } from '../ledger/chart.ts';
import { forecastYear } from './forecast.ts';

const chart = buildChart([{ id: 'fk', name: 'Försäkringskassan' }], []);
const booked = (account: string, amount: string) => ({
  lines: [
    { account, amount },
    { account: '1930', amount: `-${amount}` },
  ],
});

describe('the full-year forecast', () => {
  it('adds the budget pace for the months left to what is booked so far', () => {
    // Through April: kansli 400 000 booked against a budget of 1 200 000 → 400 000 + 8/12 × 1 200 000.
    const forecast = forecastYear(
      chart,
      [booked('5410', '400000.00'), booked('5010', '90000.00')],
      { styrelse: '120000.00', administration: '1200000.00', revision: '60000.00', insatser: '2620000.00' },
      '4000000.00',
      4,
    );
    const byArea = Object.fromEntries(forecast.rows.map((row) => [row.area, [row.forecast, row.deviation]]));
    expect(byArea).toEqual({
      styrelse: ['170000.00', '-50000.00'],
      administration: ['1200000.00', '0.00'],
      revision: ['40000.00', '20000.00'],
      insatser: ['1746666.67', '873333.33'],
    });
    expect(forecast.costs.forecast).toBe('3156666.67');
    expect(forecast.forecastResult).toBe('843333.33');
  });

  it('equals the outcome after December', () => {
    const forecast = forecastYear(
      chart,
      [booked('5410', '1000000.00')],
      { styrelse: '0.00', administration: '1200000.00', revision: '0.00', insatser: '0.00' },
      '1200000.00',
      12,
    );
    expect(forecast.rows.find((row) => row.area === 'administration')?.forecast).toBe('1000000.00');
  });
});
