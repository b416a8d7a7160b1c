import { describe, expect, it } from 'vitest';
import { charterSettingsSchema } from '../charter/schema.ts';
import { FinsamError } from '../errors.ts';
import { distributeResult, type ResultDistributionInput } from './result-distribution.ts';
import { chart, kr, members } from './test-fixtures.ts';

/** The worked example's final frame (DOMAIN.md §3): 4 000 000 by the Finsam shares and population. */
const finalFrame = new Map([
  ['fk', kr(2_000_000)],
  ['af', kr(0)],
  ['region', kr(1_000_000)],
  ['a', kr(750_000)],
  ['b', kr(250_000)],
]);
const settings = (resultDistribution: object, funding: object = {}) =>
  charterSettingsSchema.parse({ resultDistribution, funding });
const input = (
  result: string,
  model: object,
  overrides: Partial<ResultDistributionInput> = {},
): ResultDistributionInput => {
  const parsed = settings(model, { default: 'claim-72' });
  return {
    year: 2027,
    result: kr(result),
    members,
    finalFrame,
    settings: parsed.resultDistribution,
    funding: parsed.funding,
    chart,
    egetKapitalBefore: kr(100_000),
    revenue: kr(4_000_000),
    equityWarningPercent: '10',
    ...overrides,
  };
};
const sharesOf = (distribution: ReturnType<typeof distributeResult>) =>
  Object.fromEntries(distribution.shares.map((share) => [share.memberId, share.share]));

describe('proportional-final-frame', () => {
  it('gives the worked example: FK 61 728.39, region 30 864.19, A 23 148.15, B 7 716.05', () => {
    const distribution = distributeResult(input('123456.78', { model: 'proportional-final-frame' }));
    expect(sharesOf(distribution)).toEqual({
      fk: '61728.39',
      af: '0.00',
      region: '30864.19',
      a: '23148.15',
      b: '7716.05',
    });
    expect(distribution).toMatchObject({ distributed: '123456.78', retained: '0.00', key: '2027-resultat' });
    // The surplus leaves eget kapital (2010) for each member's payable.
    expect(distribution.voucher?.draft).toMatchObject({
      series: 'AV',
      date: '2027-12-31',
      lines: [
        { account: '2510', amount: '-61728.39' },
        { account: '2512', amount: '-30864.19' },
        { account: '2513', amount: '-23148.15' },
        { account: '2514', amount: '-7716.05' },
        { account: '2010', amount: '123456.78' },
      ],
    });
  });

  it('charges a deficit to the members receivables and credits eget kapital', () => {
    const distribution = distributeResult(input('-10000.00', { model: 'proportional-final-frame' }));
    expect(sharesOf(distribution)).toEqual({
      fk: '-5000.00',
      af: '0.00',
      region: '-2500.00',
      a: '-1875.00',
      b: '-625.00',
    });
    expect(distribution.voucher?.draft.lines).toEqual([
      { account: '1510', amount: '5000.00' },
      { account: '1512', amount: '2500.00' },
      { account: '1513', amount: '1875.00' },
      { account: '1514', amount: '625.00' },
      { account: '2010', amount: '-10000.00' },
    ]);
  });

  it('pays a cash member its share now and carries a claim-72 member share to the likvidavräkning', () => {
    const parsed = settings({ model: 'proportional-final-frame' }, { settleAtYearEndOnly: ['fk'] });
    const distribution = distributeResult(
      input('400.00', {}, { settings: parsed.resultDistribution, funding: parsed.funding }),
    );
    expect(distribution.shares[0]).toMatchObject({
      memberId: 'fk',
      share: '200.00',
      settlement: 'carried',
      amountToReceive: '0.00',
    });
    expect(distribution.shares[2]).toMatchObject({
      memberId: 'region',
      share: '100.00',
      settlement: 'cash',
      amountToReceive: '100.00',
    });
  });

  it('refuses to split a result when no member has any part of the frame', () => {
    const empty = new Map([...finalFrame.keys()].map((id) => [id, kr(0)]));
    expect(() => distributeResult(input('1.00', { model: 'proportional-final-frame' }, { finalFrame: empty }))).toThrow(
      FinsamError,
    );
    expect(
      distributeResult(input('0.00', { model: 'proportional-final-frame' }, { finalFrame: empty })).voucher,
    ).toBeNull();
    expect(() => distributeResult(input('0.001', { model: 'proportional-final-frame' }))).toThrow(FinsamError);
  });
});

describe('return-then-proportional', () => {
  it('returns half of each own result (half-up to the öre) before the proportional split, FK excepted', () => {
    // Own results: FK 50 000 (excepted), AF 0, region 10 000.01 → 5 000.005 → 5 000.01,
    // A −3 000 → −1 500, B 0. Returned 3 500.01; the rest 96 499.99 goes 8:4:3:1 by the frame.
    // In öre: 4 824 999.5, 2 412 499.75, 1 809 374.8125, 603 124.9375; the floors leave 3 öre,
    // which go to the largest remainders B, A and the region, so FK keeps 48 249.99.
    const ownResults = new Map([
      ['fk', kr(50_000)],
      ['af', kr(0)],
      ['region', kr('10000.01')],
      ['a', kr(-3_000)],
      ['b', kr(0)],
    ]);
    const distribution = distributeResult(input('100000.00', { model: 'return-then-proportional' }, { ownResults }));
    expect(distribution.shares.map((s) => [s.memberId, s.returned, s.proportional, s.share])).toEqual([
      ['fk', '0.00', '48249.99', '48249.99'],
      ['af', '0.00', '0.00', '0.00'],
      ['region', '5000.01', '24125.00', '29125.01'],
      ['a', '-1500.00', '18093.75', '16593.75'],
      ['b', '0.00', '6031.25', '6031.25'],
    ]);
    expect(distribution.distributed).toBe('100000.00');
  });

  it('needs the own result of every member that takes a return', () => {
    expect(() => distributeResult(input('1000.00', { model: 'return-then-proportional' }))).toThrow(FinsamError);
  });
});

describe('limited-participation', () => {
  it('lets each member carry 20 % of its part when under the cap; the förbund keeps the rest', () => {
    // 20 % of 24 000 = 4 800: FK 2 400, region 1 200, A 900, B 300; caps 10 000, 5 000, 3 750, 1 250.
    const distribution = distributeResult(input('24000.00', { model: 'limited-participation' }));
    expect(sharesOf(distribution)).toEqual({ fk: '2400.00', af: '0.00', region: '1200.00', a: '900.00', b: '300.00' });
    expect(distribution.retained).toBe('19200.00');
  });

  it('caps a large deficit at 0.5 % of each own frame', () => {
    // 20 % of −2 000 000 = −400 000 → FK −200 000, capped at −10 000; region −5 000; A −3 750; B −1 250.
    const distribution = distributeResult(input('-2000000.00', { model: 'limited-participation' }));
    expect(sharesOf(distribution)).toEqual({
      fk: '-10000.00',
      af: '0.00',
      region: '-5000.00',
      a: '-3750.00',
      b: '-1250.00',
    });
    expect(distribution).toMatchObject({ distributed: '-20000.00', retained: '-1980000.00' });
    // Eget kapital 100 000 − 1 980 000 < 0: no warning for too much capital.
    expect(distribution.egetKapital).toMatchObject({ egetKapital: '-1880000.00', aboveWarning: false });
  });
});

describe('retain', () => {
  it('keeps the whole result in eget kapital and reports it against revenue', () => {
    const distribution = distributeResult(input('300000.00', { model: 'retain' }));
    expect(distribution).toMatchObject({ distributed: '0.00', retained: '300000.00', voucher: null });
    // (100 000 + 300 000) / 4 000 000 = 10.0 %: at, not above, the warning level.
    expect(distribution.egetKapital).toEqual({
      egetKapital: '400000.00',
      revenue: '4000000.00',
      percentOfRevenue: '10.0',
      warningPercent: '10',
      aboveWarning: false,
    });
    const above = distributeResult(input('300000.01', { model: 'retain' }));
    expect(above.egetKapital.aboveWarning).toBe(true);
  });
});
