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
 * The distribution is dated 31 December, so it enters the December balance: interest on a share
 * s is s / 12 × 2 %. Interest = Σ / 12 × 2 %, rounded half-up (away from zero) to the öre.
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

  it('shares the surplus of 24 000 by the final frame: 1/2, 1/4, 3/16, 1/16', () => {
    expect(formatMoney(run.result)).toBe('24000.00');
    expect(shares(run)).toEqual({ fk: '12000.00', af: '0.00', region: '6000.00', a: '4500.00', b: '1500.00' });
    expect(run.distribution.retained).toBe('0.00');
    // Eget kapital stays 200 000: 16.7 % of a revenue of 1 200 000, above the 10 % warning.
    expect(run.distribution.egetKapital).toMatchObject({ percentOfRevenue: '16.7', aboveWarning: true });
  });

  it('settles FK at bokslut and the others after ansvarsfrihet, with interest on the month-end balances', () => {
    // FK (390 000 − 12 000) / 12 × 2 % = 630; 60 000 − 12 000 + 630 = 48 630 to pay.
    // AF −78 000 / 12 × 2 % = −130; −12 000 − 130: AF receives 12 130.
    // Region (78 000 − 6 000) / 12 × 2 % = 120; 12 000 − 6 000 + 120 = 6 120.
    // A (−45 000 − 4 500) / 12 × 2 % = −82.50; −4 500 − 82.50 = −4 582.50.
    // B (82 500 − 1 500) / 12 × 2 % = 135; −1 500 + 135 = −1 365: the share outweighs the interest.
    expect(likvidAmounts(run)).toEqual({
      fk: { interest: '630.00', amount: '48630.00', date: '2027-12-31' },
      af: { interest: '-130.00', amount: '-12130.00', date: '2028-05-15' },
      region: { interest: '120.00', amount: '6120.00', date: '2028-05-15' },
      a: { interest: '-82.50', amount: '-4582.50', date: '2028-05-15' },
      b: { interest: '135.00', amount: '-1365.00', date: '2028-05-15' },
    });
    const fk = run.likvid[0]?.statements[0];
    expect(fk).toMatchObject({ closingBalance: '48000.00', averageBalance: '31500.00', amountToPay: '48630.00' });
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

  it('shares the same surplus by the final frame and settles with interest', () => {
    expect(shares(run)).toEqual({ fk: '12000.00', af: '0.00', region: '6000.00', a: '4500.00', b: '1500.00' });
    // Month-end balances (thousands): FK 105, 60, 15, 120, 75, 30, 135, 90, 45, 150, 105, 60 = 990;
    //   less the share 12 → 978 000 / 12 × 2 % = 1 630; 48 000 + 1 630 = 49 630.
    // Region 51, 27, 3, 54, 30, 6, 57, 33, 9, 60, 36, 12 = 378 − 6 → 372 000 / 12 × 2 % = 620.
    // A 36 250, 16 250, −3 750, 32 500, 12 500, −7 500, 31 250, 13 750, −3 750, 35 000, 17 500, 0
    //   = 180 000 − 4 500 → 175 500 / 12 × 2 % = 292.50; −4 500 + 292.50 = −4 207.50.
    // B 13 750, 8 750, 3 750, 17 500, 12 500, 7 500, 21 250, 16 250, 11 250, 25 000, 20 000, 0
    //   = 157 500 − 1 500 → 156 000 / 12 × 2 % = 260; −1 500 + 260 = −1 240.
    expect(likvidAmounts(run)).toEqual({
      fk: { interest: '1630.00', amount: '49630.00', date: '2027-12-31' },
      af: { interest: '-130.00', amount: '-12130.00', date: '2028-05-15' },
      region: { interest: '620.00', amount: '6620.00', date: '2028-05-15' },
      a: { interest: '292.50', amount: '-4207.50', date: '2028-05-15' },
      b: { interest: '260.00', amount: '-1240.00', date: '2028-05-15' },
    });
  });
});

describe('Laholm: 72-model, half of each own result returned first, FK and AF excepted', () => {
  const run = runYear(script('laholm'));

  it('returns 50 % of the region own result, then shares the rest by the final frame', () => {
    verifyYear(run);
    // Own results: FK 60 000 (excepted), AF −12 000 (excepted), region 12 000, A 0, B 0.
    // Returned: region 6 000. Rest 24 000 − 6 000 = 18 000: FK 9 000, region 4 500, A 3 375, B 1 125.
    expect(run.distribution.shares.map((s) => [s.memberId, s.returned, s.proportional, s.share])).toEqual([
      ['fk', '0.00', '9000.00', '9000.00'],
      ['af', '0.00', '0.00', '0.00'],
      ['region', '6000.00', '4500.00', '10500.00'],
      ['a', '0.00', '3375.00', '3375.00'],
      ['b', '0.00', '1125.00', '1125.00'],
    ]);
    expect(run.distribution.distributed).toBe('24000.00');
  });

  it('settles with interest that needs rounding to the öre', () => {
    // FK (390 000 − 9 000) / 12 × 2 % = 635; 51 000 + 635 = 51 635.
    // Region (78 000 − 10 500) / 12 × 2 % = 112.50; 1 500 + 112.50 = 1 612.50.
    // A (−45 000 − 3 375) / 12 × 2 % = −80.625 → −80.63; −3 375 − 80.63 = −3 455.63.
    // B (82 500 − 1 125) / 12 × 2 % = 135.625 → 135.63; −1 125 + 135.63 = −989.37.
    expect(likvidAmounts(run)).toEqual({
      fk: { interest: '635.00', amount: '51635.00', date: '2027-12-31' },
      af: { interest: '-130.00', amount: '-12130.00', date: '2028-05-15' },
      region: { interest: '112.50', amount: '1612.50', date: '2028-05-15' },
      a: { interest: '-80.63', amount: '-3455.63', date: '2028-05-15' },
      b: { interest: '135.63', amount: '-989.37', date: '2028-05-15' },
    });
  });
});

describe('Haninge: 72-model due the 10th and 20th, limited participation, likvidavräkning at bokslut', () => {
  // FK's costs are 40 000 here (net +10 000 a month), so the surplus is 24 000 + 60 000 = 84 000.
  const run = runYear(
    script('haninge', { memberCosts: (id, month) => (id === 'fk' ? kr(40_000) : claimCosts(id, month)) }),
  );

  it('lets each member carry 20 % of its part, at most 0.5 % of its own frame', () => {
    verifyYear(run);
    expect(formatMoney(run.result)).toBe('84000.00');
    // 20 % of 84 000 = 16 800 by the frame: FK 8 400, region 4 200, A 3 150, B 1 050. Caps at
    // 0.5 % of the own frame: 3 000, 1 500, 1 125, 375: all bind, so 6 000 is distributed.
    expect(run.distribution.shares.map((s) => [s.memberId, s.proportional, s.share])).toEqual([
      ['fk', '8400.00', '3000.00'],
      ['af', '0.00', '0.00'],
      ['region', '4200.00', '1500.00'],
      ['a', '3150.00', '1125.00'],
      ['b', '1050.00', '375.00'],
    ]);
    expect(run.distribution.retained).toBe('78000.00');
    // Eget kapital 200 000 + 78 000 = 278 000: 23.2 % of the revenue.
    expect(run.distribution.egetKapital).toMatchObject({ egetKapital: '278000.00', percentOfRevenue: '23.2' });
  });

  it('settles everyone on 31 December with interest', () => {
    // FK (10 000 × 78 − 3 000) / 12 × 2 % = 1 295; 117 000 + 1 295 = 118 295.
    // Region (78 000 − 1 500) / 12 × 2 % = 127.50; 10 500 + 127.50 = 10 627.50.
    // A (−45 000 − 1 125) / 12 × 2 % = −76.875 → −76.88; −1 125 − 76.88 = −1 201.88.
    // B (82 500 − 375) / 12 × 2 % = 136.875 → 136.88; −375 + 136.88 = −238.12.
    expect(likvidAmounts(run)).toEqual({
      fk: { interest: '1295.00', amount: '118295.00', date: '2027-12-31' },
      af: { interest: '-130.00', amount: '-12130.00', date: '2027-12-31' },
      region: { interest: '127.50', amount: '10627.50', date: '2027-12-31' },
      a: { interest: '-76.88', amount: '-1201.88', date: '2027-12-31' },
      b: { interest: '136.88', amount: '-238.12', date: '2027-12-31' },
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
    expect(run.distribution).toMatchObject({ model: 'retain', result: '9000.00', distributed: '0.00' });
    expect(run.distribution.voucher).toBeNull();
    // 209 000 / 1 200 000 = 17.4 %.
    expect(run.distribution.egetKapital.percentOfRevenue).toBe('17.4');
  });

  it('settles the carried balances with interest', () => {
    // FK and region 1 000 × 78 / 12 × 2 % = 130; A and AF −130.
    // B 5 000 × 66 + (55 000 − 10 000) = 375 000 / 12 × 2 % = 625; 45 000 + 625 = 45 625.
    expect(likvidAmounts(run)).toEqual({
      fk: { interest: '130.00', amount: '12130.00', date: '2027-12-31' },
      af: { interest: '-130.00', amount: '-12130.00', date: '2028-05-15' },
      region: { interest: '130.00', amount: '12130.00', date: '2028-05-15' },
      a: { interest: '-130.00', amount: '-12130.00', date: '2028-05-15' },
      b: { interest: '625.00', amount: '45625.00', date: '2028-05-15' },
    });
  });
});
