import { describe, expect, it } from 'vitest';
import { formatMoney } from '../money.ts';
import { chainStatements } from './statement-chain.ts';
import {
  chart,
  kr,
  likvidAmounts,
  nets,
  runYear,
  shares,
  verifyYear,
  withPopulationKey,
  type YearScript,
} from './test-fixtures.ts';

/**
 * One year of each 72-model preset, worked by hand. The förbund: frame 1 200 000 kr split by the
 * Finsam shares and population (FK 600 000, AF 0, region 300 000, A 225 000, B 75 000), so the
 * monthly 1/12 is FK 50 000, region 25 000, A 18 750, B 6 250. Scripted costs per month:
 *   FK 45 000 → net +5 000          AF 1 000 → net −1 000 (an activity owner with no frame)
 *   region 24 000 → net +1 000      A 20 000 (Jan–Jun) / 17 500 (Jul–Dec) → −1 250 / +1 250
 *   B 5 000 (Jan–Nov) / 20 000 (Dec) → +1 250 / −13 750
 * Member costs 1 140 000 and kansli 3 000 × 12 from the bank: result 1 200 000 − 1 176 000 = +24 000.
 *
 * Month-end balances without the distribution (positive: the member owes the förbund), summed
 * over the twelve months for the average-monthly-balance interest at 2 %:
 *   FK 5 000 × (1+…+12) = 390 000, year end 60 000      AF −78 000, year end −12 000
 *   region 78 000, year end 12 000                       A −(1 250+…+7 500) − (6 250+…+0) = −45 000, year end 0
 *   B 1 250 × (1+…+11) + 0 = 82 500, year end 0
 * Interest first (issue 10 point 3): the interest is reckoned on these balances, without the
 * result share (which did not exist during the year), and booked on 31 December before the
 * result is taken, so the result distributed is 24 000 + the interest. Interest = Σ / 12 × 2 %,
 * rounded half-up (away from zero) to the öre:
 *   FK 390 000 → 650   AF −78 000 → −130   region 78 000 → 130   A −45 000 → −75   B 82 500 → 137.50
 *   together 712.50 to the förbund: the result is 24 712.50.
 * A likvidavräkning issued on 31 December falls due Monday 31 January 2028 (30 days is Sunday
 * 30 January); one issued on 15 May 2028 falls due Wednesday 14 June 2028.
 */
const claimCosts = (memberId: string, month: number) => {
  if (memberId === 'fk') return kr(45_000);
  if (memberId === 'af') return kr(1_000);
  if (memberId === 'region') return kr(24_000);
  if (memberId === 'a') return kr(month <= 6 ? 20_000 : 17_500);
  return kr(month <= 11 ? 5_000 : 20_000);
};

const script = (preset: YearScript['preset'], overrides: Partial<YearScript> = {}): YearScript => ({
  preset,
  year: 2027,
  frame: kr(1_200_000),
  adjust: withPopulationKey,
  memberCosts: claimCosts,
  ownCosts: () => [{ account: '5410', amount: kr(3_000) }],
  egetKapitalBefore: kr(200_000),
  dischargeDate: '2028-05-15',
  ...overrides,
});

describe('Grästorp: 72-model, proportional to the final frame, likvidavräkning after ansvarsfrihet', () => {
  const run = runYear(script('grastorp'));

  it('credits 1/12 in advance and takes the costs in arrears, carrying the net', () => {
    verifyYear(run);
    const january = run.months[0]?.statements[0];
    expect(january).toEqual({
      key: '2027-01-fk',
      memberId: 'fk',
      flow: 'claim-72',
      year: 2027,
      month: 1,
      lines: [
        { text: 'Finansiell ram januari 2027, i förskott', amount: '50000.00', dueDate: '2027-01-10' },
        { text: 'Kostnader januari 2027, i efterskott', amount: '-45000.00', dueDate: '2027-02-20' },
      ],
      net: '5000.00',
      settlement: 'carried',
      amountToPay: '0.00',
      amountToReceive: '0.00',
      carried: '5000.00',
      complete: true,
    });
    expect(nets(run, 1)).toEqual({ fk: '5000.00', af: '-1000.00', region: '1000.00', a: '-1250.00', b: '1250.00' });
    expect(nets(run, 12)).toEqual({ fk: '5000.00', af: '-1000.00', region: '1000.00', a: '1250.00', b: '-13750.00' });
    // B's balance at the end of December, before the bokslut: 11 × 1 250 − 13 750 = 0.
    const december = chainStatements({
      year: 2027,
      chart,
      vouchers: run.drafts,
      opening: run.opening,
      statements: run.months[11]?.statements ?? [],
    });
    expect(december[4]?.balanceAfter).toBe('0.00');
    expect(run.payments).toEqual([]);
  });

  it('shares the surplus of 24 712.50, interest included, by the final frame: 1/2, 1/4, 3/16, 1/16', () => {
    expect(formatMoney(run.result)).toBe('24712.50');
    // FK 12 356.25; region 6 178.125; A 4 633.59375; B 1 544.53125. Floors sum to 24 712.49: the
    // spare öre goes to the largest remainder, the region's ½ öre.
    expect(shares(run)).toEqual({ fk: '12356.25', af: '0.00', region: '6178.13', a: '4633.59', b: '1544.53' });
    expect(run.distribution.retained).toBe('0.00');
    // Eget kapital stays 200 000: 16.7 % of a revenue of 1 200 000, above the 10 % warning.
    expect(run.distribution.egetKapital).toMatchObject({ percentOfRevenue: '16.7', aboveWarning: true });
  });

  it('settles FK at bokslut and the others after ansvarsfrihet, with interest on the month-end balances', () => {
    // Year-end balance − share + interest:
    // FK 60 000 − 12 356.25 + 650 = 48 293.75 to pay.   AF −12 000 − 130: AF receives 12 130.
    // Region 12 000 − 6 178.13 + 130 = 5 951.87.         A 0 − 4 633.59 − 75 = −4 708.59.
    // B 0 − 1 544.53 + 137.50 = −1 407.03: the share outweighs the interest.
    expect(likvidAmounts(run)).toEqual({
      fk: { interest: '650.00', amount: '48293.75', date: '2027-12-31', due: '2028-01-31' },
      af: { interest: '-130.00', amount: '-12130.00', date: '2028-05-15', due: '2028-06-14' },
      region: { interest: '130.00', amount: '5951.87', date: '2028-05-15', due: '2028-06-14' },
      a: { interest: '-75.00', amount: '-4708.59', date: '2028-05-15', due: '2028-06-14' },
      b: { interest: '137.50', amount: '-1407.03', date: '2028-05-15', due: '2028-06-14' },
    });
    const fk = run.likvid[0]?.statements[0];
    expect(fk).toMatchObject({ closingBalance: '47643.75', averageBalance: '32500.00', amountToPay: '48293.75' });
    expect(fk?.movements).toHaveLength(25); // 12 frame parts, 12 cost invoices, 1 share.
  });
});

describe('Finspång: 72-model with the frame periodised quarterly, cost invoices by the 10th', () => {
  const run = runYear(script('finspang'));

  it('credits a quarter of the frame in January, April, July and October', () => {
    verifyYear(run);
    expect(run.months[0]?.statements[0]?.lines).toEqual([
      { text: 'Finansiell ram kvartal 1 2027, i förskott', amount: '150000.00', dueDate: '2027-01-10' },
      { text: 'Kostnader januari 2027, i efterskott', amount: '-45000.00', dueDate: '2027-02-10' },
    ]);
    expect(nets(run, 1)).toEqual({ fk: '105000.00', af: '-1000.00', region: '51000.00', a: '36250.00', b: '13750.00' });
    expect(nets(run, 2)).toEqual({
      fk: '-45000.00',
      af: '-1000.00',
      region: '-24000.00',
      a: '-20000.00',
      b: '-5000.00',
    });
    expect(nets(run, 10).fk).toBe('105000.00');
  });

  it('books the interest first, shares the final result by the final frame and settles', () => {
    // Month-end balances (thousands): FK 105, 60, 15, 120, 75, 30, 135, 90, 45, 150, 105, 60 = 990
    //   → 990 000 / 12 × 2 % = 1 650.
    // Region 51, 27, 3, 54, 30, 6, 57, 33, 9, 60, 36, 12 = 378 → 630.
    // A 36 250, 16 250, −3 750, 32 500, 12 500, −7 500, 31 250, 13 750, −3 750, 35 000, 17 500, 0
    //   = 180 000 → 300.
    // B 13 750, 8 750, 3 750, 17 500, 12 500, 7 500, 21 250, 16 250, 11 250, 25 000, 20 000, 0
    //   = 157 500 → 262.50.   AF −78 000 → −130.
    // Interest 1 650 + 630 + 300 + 262.50 − 130 = 2 712.50; result 24 000 + 2 712.50 = 26 712.50.
    expect(formatMoney(run.result)).toBe('26712.50');
    // FK 13 356.25; region 6 678.125; A 5 008.59375; B 1 669.53125: the spare öre to the region.
    expect(shares(run)).toEqual({ fk: '13356.25', af: '0.00', region: '6678.13', a: '5008.59', b: '1669.53' });
    // FK 60 000 − 13 356.25 + 1 650 = 48 293.75; region 12 000 − 6 678.13 + 630 = 5 951.87;
    // A −5 008.59 + 300 = −4 708.59; B −1 669.53 + 262.50 = −1 407.03.
    expect(likvidAmounts(run)).toEqual({
      fk: { interest: '1650.00', amount: '48293.75', date: '2027-12-31', due: '2028-01-31' },
      af: { interest: '-130.00', amount: '-12130.00', date: '2028-05-15', due: '2028-06-14' },
      region: { interest: '630.00', amount: '5951.87', date: '2028-05-15', due: '2028-06-14' },
      a: { interest: '300.00', amount: '-4708.59', date: '2028-05-15', due: '2028-06-14' },
      b: { interest: '262.50', amount: '-1407.03', date: '2028-05-15', due: '2028-06-14' },
    });
  });
});

describe('Laholm: 72-model, half of each own result returned first, FK and AF excepted', () => {
  const run = runYear(script('laholm'));

  it('returns 50 % of the region own result, then shares the rest by the final frame', () => {
    verifyYear(run);
    // Own results: FK 60 000 (excepted), AF −12 000 (excepted), region 12 000, A 0, B 0.
    // Returned: region 6 000. Rest 24 712.50 − 6 000 = 18 712.50: FK 9 356.25, region 4 678.125,
    // A 3 508.59375, B 1 169.53125; the spare öre to the region's ½ öre remainder.
    expect(run.distribution.shares.map((s) => [s.memberId, s.returned, s.proportional, s.share])).toEqual([
      ['fk', '0.00', '9356.25', '9356.25'],
      ['af', '0.00', '0.00', '0.00'],
      ['region', '6000.00', '4678.13', '10678.13'],
      ['a', '0.00', '3508.59', '3508.59'],
      ['b', '0.00', '1169.53', '1169.53'],
    ]);
    expect(run.distribution).toMatchObject({ result: '24712.50', distributed: '24712.50', retained: '0.00' });
  });

  it('settles with the interest of the year, the share bearing none', () => {
    // FK 60 000 − 9 356.25 + 650 = 51 293.75; region 12 000 − 10 678.13 + 130 = 1 451.87;
    // A −3 508.59 − 75 = −3 583.59; B −1 169.53 + 137.50 = −1 032.03.
    expect(likvidAmounts(run)).toEqual({
      fk: { interest: '650.00', amount: '51293.75', date: '2027-12-31', due: '2028-01-31' },
      af: { interest: '-130.00', amount: '-12130.00', date: '2028-05-15', due: '2028-06-14' },
      region: { interest: '130.00', amount: '1451.87', date: '2028-05-15', due: '2028-06-14' },
      a: { interest: '-75.00', amount: '-3583.59', date: '2028-05-15', due: '2028-06-14' },
      b: { interest: '137.50', amount: '-1032.03', date: '2028-05-15', due: '2028-06-14' },
    });
  });
});

describe('Haninge: 72-model due the 10th and 20th, limited participation, likvidavräkning at bokslut', () => {
  // FK's costs are 40 000 here (net +10 000 a month), so the surplus before interest is
  // 24 000 + 60 000 = 84 000. Interest: FK 10 000 × 78 = 780 000 → 1 300, the others as above
  // (−130 + 130 − 75 + 137.50): 1 362.50 in all, so the result is 85 362.50.
  const run = runYear(
    script('haninge', { memberCosts: (id, month) => (id === 'fk' ? kr(40_000) : claimCosts(id, month)) }),
  );

  it('lets each member carry 20 % of its part, at most 0.5 % of its own frame', () => {
    verifyYear(run);
    expect(formatMoney(run.result)).toBe('85362.50');
    // 20 % of 85 362.50 = 17 072.50 by the frame: FK 8 536.25, region 4 268.125, A 3 201.09375,
    // B 1 067.03125; the spare öre to the region. Caps at 0.5 % of the own frame: 3 000, 1 500,
    // 1 125, 375: all bind, so 6 000 is distributed.
    expect(run.distribution.shares.map((s) => [s.memberId, s.proportional, s.share])).toEqual([
      ['fk', '8536.25', '3000.00'],
      ['af', '0.00', '0.00'],
      ['region', '4268.13', '1500.00'],
      ['a', '3201.09', '1125.00'],
      ['b', '1067.03', '375.00'],
    ]);
    expect(run.distribution).toMatchObject({ distributed: '6000.00', retained: '79362.50' });
    // Eget kapital 200 000 + 79 362.50 = 279 362.50: 23.28 % of the revenue.
    expect(run.distribution.egetKapital).toMatchObject({ egetKapital: '279362.50', percentOfRevenue: '23.3' });
  });

  it('settles everyone on 31 December with interest', () => {
    // FK 120 000 − 3 000 + 1 300 = 118 300; region 12 000 − 1 500 + 130 = 10 630;
    // A −1 125 − 75 = −1 200; B −375 + 137.50 = −237.50; AF −12 000 − 130 = −12 130.
    const due = '2028-01-31';
    expect(likvidAmounts(run)).toEqual({
      fk: { interest: '1300.00', amount: '118300.00', date: '2027-12-31', due },
      af: { interest: '-130.00', amount: '-12130.00', date: '2027-12-31', due },
      region: { interest: '130.00', amount: '10630.00', date: '2027-12-31', due },
      a: { interest: '-75.00', amount: '-1200.00', date: '2027-12-31', due },
      b: { interest: '137.50', amount: '-237.50', date: '2027-12-31', due },
    });
    expect(run.months[0]?.statements[0]?.lines.map((line) => line.dueDate)).toEqual(['2027-01-10', '2027-02-20']);
  });
});

describe('Delta: equal parts, 72-model, FK at year end, result retained', () => {
  // Equal key: FK, region, A and B 300 000 each (25 000 a month), AF 0. Costs: FK and region
  // 24 000 (net +1 000), A 26 000 (−1 000), AF 1 000 (−1 000), B 20 000 Jan–Nov (+5 000) and
  // 35 000 in December (−10 000). Result 1 200 000 − 1 155 000 − 36 000 = +9 000, retained.
  const deltaCosts = (id: string, month: number) => {
    if (id === 'a') return kr(26_000);
    if (id === 'b') return kr(month <= 11 ? 20_000 : 35_000);
    if (id === 'af') return kr(1_000);
    return kr(24_000);
  };
  const run = runYear(script('delta', { adjust: undefined, memberCosts: deltaCosts }));

  it('splits the frame in equal parts and keeps the result', () => {
    verifyYear(run);
    expect(Object.fromEntries([...run.contributions].map(([id, v]) => [id, formatMoney(v)]))).toEqual({
      fk: '300000.00',
      af: '0.00',
      region: '300000.00',
      a: '300000.00',
      b: '300000.00',
    });
    // Interest (below) 130 + 130 − 130 − 130 + 625 = 625, booked first: result 9 625, all retained.
    expect(run.distribution).toMatchObject({ model: 'retain', result: '9625.00', distributed: '0.00' });
    expect(run.distribution.voucher).toBeNull();
    // 209 625 / 1 200 000 = 17.47 %.
    expect(run.distribution.egetKapital.percentOfRevenue).toBe('17.5');
  });

  it('settles the carried balances with interest', () => {
    // FK and region 1 000 × 78 / 12 × 2 % = 130; A and AF −130.
    // B 5 000 × 66 + (55 000 − 10 000) = 375 000 / 12 × 2 % = 625; 45 000 + 625 = 45 625.
    expect(likvidAmounts(run)).toEqual({
      fk: { interest: '130.00', amount: '12130.00', date: '2027-12-31', due: '2028-01-31' },
      af: { interest: '-130.00', amount: '-12130.00', date: '2028-05-15', due: '2028-06-14' },
      region: { interest: '130.00', amount: '12130.00', date: '2028-05-15', due: '2028-06-14' },
      a: { interest: '-130.00', amount: '-12130.00', date: '2028-05-15', due: '2028-06-14' },
      b: { interest: '625.00', amount: '45625.00', date: '2028-05-15', due: '2028-06-14' },
    });
  });
});
