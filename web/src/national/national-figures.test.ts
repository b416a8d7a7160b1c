import { describe, expect, it } from 'vitest';
import type { NationalAggregate } from '../api/cycle-types.ts';
import {
  budgetCompliance,
  dischargeState,
  lanSummaries,
  percentOf,
  sortForbund,
  totalFrame,
} from './national-figures.ts';

const forbund = (change: Partial<NationalAggregate>): NationalAggregate => ({
  forbundId: 'x',
  name: 'X',
  lan: 'Östergötlands län',
  year: 2027,
  memberCount: 5,
  kommunCount: 2,
  frameByMemberType: { fk: '2000000.00', af: '0.00', region: '1000000.00', kommun: '1000000.00' },
  budgetByArea: {},
  deadlinesMissed: [],
  updatedAt: '2026-11-20T08:00:00Z',
  ...change,
});

const exempeldalen = forbund({
  forbundId: 'exempeldalen',
  name: 'Exempeldalen',
  budget: { adopted: true, onTime: true, preliminaryOnly: false },
  annualReport: { adopted: true, onTime: true },
  discharge: { granted: 5, refused: 0, pending: 0 },
  spendingByArea: { styrelse: '180000.00', administration: '1400000.00', revision: '95000.00', insatser: '2000000.00' },
  egetKapital: '325000.00',
  revenue: '4000000.00',
  egetKapitalPercentOfRevenue: '8.1',
  egetKapitalAboveWarning: false,
});
const andra = forbund({
  forbundId: 'andra',
  name: 'Andra',
  lan: 'Skåne län',
  frameByMemberType: { fk: '500000.00', region: '250000.00', kommun: '250000.00' },
  budget: { adopted: false, onTime: false, preliminaryOnly: true },
  discharge: { granted: 3, refused: 1, pending: 0 },
  egetKapital: '900000.00',
  revenue: '1000000.00',
  egetKapitalPercentOfRevenue: '90.0',
  egetKapitalAboveWarning: true,
});
const tredje = forbund({ forbundId: 'tredje', name: 'Tredje', frameByMemberType: {} });

describe('national figures', () => {
  it('computes shares exactly, rounding half up to one decimal', () => {
    expect(percentOf('325000.00', '4000000.00')).toBe('8.1');
    expect(percentOf('1.00', '3.00')).toBe('33.3');
    expect(percentOf('2.00', '3.00')).toBe('66.7');
    expect(percentOf('1.00', '0.00')).toBeNull();
  });

  it('sums each län to the öre, in Swedish alphabetical order', () => {
    const [skane, ostergotland] = lanSummaries([exempeldalen, andra, tredje]);
    expect(skane?.lan).toBe('Skåne län');
    expect(ostergotland).toMatchObject({
      lan: 'Östergötlands län',
      forbundCount: 2,
      frame: '4000000.00',
      spendingCount: 1,
      spending: '3675000.00',
      egetKapitalPercent: '8.1',
      budgetOnTime: 1,
      annualReportOnTime: 1,
      dischargeGranted: 1,
    });
    expect(skane).toMatchObject({ frame: '1000000.00', aboveWarningCount: 1, egetKapitalPercent: '90.0' });
  });

  it('tells each förbund’s compliance', () => {
    expect(budgetCompliance(exempeldalen)).toBe('on-time');
    expect(budgetCompliance(andra)).toBe('preliminary');
    expect(budgetCompliance(tredje)).toBe('unknown');
    expect(dischargeState(andra)).toBe('refused');
    expect(totalFrame(andra)).toBe('1000000.00');
  });

  it('sorts by any column either way, with what is not published last', () => {
    const items = [exempeldalen, andra, tredje];
    expect(sortForbund(items, 'frame', 'descending').map((item) => item.name)).toEqual([
      'Exempeldalen',
      'Andra',
      'Tredje',
    ]);
    expect(sortForbund(items, 'frame', 'ascending').map((item) => item.name)).toEqual([
      'Andra',
      'Exempeldalen',
      'Tredje',
    ]);
    expect(sortForbund(items, 'equity', 'descending').map((item) => item.name)).toEqual([
      'Andra',
      'Exempeldalen',
      'Tredje',
    ]);
    expect(sortForbund(items, 'lan', 'ascending').map((item) => item.name)).toEqual([
      'Andra',
      'Exempeldalen',
      'Tredje',
    ]);
    expect(sortForbund(items, 'budget', 'ascending').map((item) => item.name)).toEqual([
      'Exempeldalen',
      'Andra',
      'Tredje',
    ]);
  });
});
