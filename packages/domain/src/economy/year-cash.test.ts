import { describe, expect, it } from 'vitest';
import { accountBalances } from '../ledger/balances.ts';
import { memberLedgers } from '../ledger/follow-up.ts';
import { chart, kr, likvidAmounts, nets, runYear, verifyYear, withPopulationKey } from './test-fixtures.ts';

/** The members' nets in the ledger at year end, after the likvidavräkning of the year. */
function yearEndNets(run: ReturnType<typeof runYear>) {
  const settled = [...run.drafts, ...run.likvid.flatMap((l) => l.vouchers.map((v) => v.draft))];
  return Object.fromEntries(memberLedgers(chart, settled, run.opening).map((l) => [l.memberId, l.net]));
}

describe('Finsam default: the worked example paid liquid-monthly, result retained', () => {
  // DOMAIN.md §3: frame 4 000 000: FK 2 000 000, region 1 000 000, A 750 000, B 250 000, AF 0.
  // The förbund pays kansli 3 000 and activity invoices 300 000 a month itself:
  // result 4 000 000 − 12 × 303 000 = 364 000, retained.
  const run = runYear({
    preset: 'finsam',
    year: 2027,
    frame: kr(4_000_000),
    adjust: withPopulationKey,
    memberCosts: () => kr(0),
    ownCosts: () => [
      { account: '5410', amount: kr(3_000) },
      { account: '4100', amount: kr(300_000) },
    ],
    egetKapitalBefore: kr(200_000),
    dischargeDate: '2028-05-15',
  });

  it('invoices 1/12 a month, December taking the öre left over', () => {
    verifyYear(run);
    // FK 2 000 000 / 12 = 166 666.666… → 166 666.67 × 11 and 2 000 000 − 1 833 333.37 = 166 666.63.
    // Region 83 333.33 × 11 and 83 333.37; A 62 500 every month; B 20 833.33 × 11 and 20 833.37.
    expect(nets(run, 1)).toEqual({ fk: '166666.67', af: '0.00', region: '83333.33', a: '62500.00', b: '20833.33' });
    expect(nets(run, 12)).toEqual({ fk: '166666.63', af: '0.00', region: '83333.37', a: '62500.00', b: '20833.37' });
    expect(run.months[0]?.statements[0]).toMatchObject({
      lines: [{ text: 'Medlemsbidrag januari 2027', amount: '166666.67', dueDate: '2027-01-10' }],
      settlement: 'cash',
      amountToPay: '166666.67',
      carried: '0.00',
      paymentDueDate: '2027-01-10',
    });
    expect(run.months[0]?.statements[1]).toMatchObject({ memberId: 'af', lines: [], net: '0.00' });
    expect(run.months[0]?.vouchers[0]?.draft).toMatchObject({
      series: 'AV',
      date: '2027-01-01',
      lines: [
        { account: '1510', amount: '166666.67' },
        { account: '3010', amount: '-166666.67' },
      ],
    });
    // 4 paying members × 12 months, each paid on the 10th.
    expect(run.payments).toHaveLength(48);
  });

  it('retains the result and has nothing carried to settle', () => {
    expect(run.distribution).toMatchObject({ model: 'retain', result: '364000.00', retained: '364000.00' });
    // Eget kapital 200 000 + 364 000 = 564 000: 14.1 % of 4 000 000, above the 10 % warning.
    expect(run.distribution.egetKapital).toEqual({
      egetKapital: '564000.00',
      revenue: '4000000.00',
      percentOfRevenue: '14.1',
      warningPercent: '10',
      aboveWarning: true,
    });
    // Every member paid each instalment when due, so nobody carries a balance into a
    // likvidavräkning and no interest arises.
    expect(run.likvid).toEqual([]);
    expect(yearEndNets(run)).toEqual({ fk: '0.00', af: '0.00', region: '0.00', a: '0.00', b: '0.00' });
    expect(accountBalances(chart, run.drafts, run.opening).get('1930')?.toFixed(2)).toBe('564000.00');
  });
});

describe('Stenungsund: the region pays in advance, kommuner and FK set off, result retained', () => {
  // Frame 1 200 000: FK 600 000 and the kommuner set their 1/12 off against their costs in arrears;
  // the region pays 25 000 on the 10th and its primary care is the förbund's own supplier invoices
  // (24 000 a month). Costs: FK 45 000 (net +5 000, carried to year end), A 20 000 / 17 500
  // (−1 250 / +1 250), B 5 000 / 20 000 in December (+1 250 / −13 750), AF 1 000 (−1 000).
  // Result 1 200 000 − 852 000 − 12 × (24 000 + 3 000) = 24 000, kept in the resultatfond.
  const run = runYear({
    preset: 'stenungsund',
    year: 2027,
    frame: kr(1_200_000),
    adjust: withPopulationKey,
    memberCosts: (id, month) => {
      if (id === 'fk') return kr(45_000);
      if (id === 'af') return kr(1_000);
      if (id === 'a') return kr(month <= 6 ? 20_000 : 17_500);
      return kr(month <= 11 ? 5_000 : 20_000);
    },
    ownCosts: () => [
      { account: '4100', amount: kr(24_000) },
      { account: '5410', amount: kr(3_000) },
    ],
    egetKapitalBefore: kr(200_000),
    dischargeDate: '2028-05-15',
  });

  it('moves only the net of a set-off, on the 20th of the month after', () => {
    verifyYear(run);
    expect(run.months[0]?.statements[3]).toMatchObject({
      memberId: 'a',
      flow: 'set-off',
      lines: [
        { text: 'Finansiell ram januari 2027', amount: '18750.00', dueDate: '2027-02-20' },
        { text: 'Kostnader januari 2027', amount: '-20000.00', dueDate: '2027-02-20' },
      ],
      net: '-1250.00',
      settlement: 'cash',
      amountToReceive: '1250.00',
      paymentDueDate: '2027-02-20',
    });
    expect(run.months[0]?.vouchers.find((v) => v.key === '2027-01-a-kvittning')?.draft).toMatchObject({
      date: '2027-01-31',
      lines: [
        { account: '3013', amount: '-18750.00' },
        { account: '4100', amount: '20000.00', memberId: 'a', insatsId: 'steget' },
        { account: '2513', amount: '-1250.00' },
      ],
    });
    expect(nets(run, 12)).toEqual({ fk: '5000.00', af: '-1000.00', region: '25000.00', a: '1250.00', b: '-13750.00' });
  });

  it('carries FK to year end, without due dates, since FK settles at bokslut', () => {
    expect(run.months[0]?.statements[0]).toMatchObject({
      flow: 'set-off',
      settlement: 'carried',
      lines: [
        { text: 'Finansiell ram januari 2027', amount: '50000.00' },
        { text: 'Kostnader januari 2027', amount: '-45000.00' },
      ],
      carried: '5000.00',
      amountToPay: '0.00',
    });
    expect(run.months[0]?.statements[0]?.paymentDueDate).toBeUndefined();
  });

  it('retains the result and settles only FK, leaving the December set-offs due in January', () => {
    // FK 5 000 × 78 / 12 × 2 % = 650, booked first: the result is 24 000 + 650 = 24 650, all retained.
    expect(run.distribution).toMatchObject({ model: 'retain', result: '24650.00', retained: '24650.00' });
    // Eget kapital 200 000 + 24 650 = 224 650 of a revenue of 1 200 000: 18.72 %.
    expect(run.distribution.egetKapital.percentOfRevenue).toBe('18.7');
    // 60 000 + 650 = 60 650 issued on 31 December, due 30 days later: Sunday 30 January 2028 → Monday 31.
    expect(likvidAmounts(run)).toEqual({
      fk: { interest: '650.00', amount: '60650.00', date: '2027-12-31', due: '2028-01-31' },
    });
    // FK's likvidavräkning is a receivable until paid; A's, B's and AF's December nets fall due
    // on 20 January 2028, outside the likvidavräkning.
    expect(yearEndNets(run)).toEqual({
      fk: '60650.00',
      af: '-1000.00',
      region: '0.00',
      a: '1250.00',
      b: '-13750.00',
    });
    const december = run.months[11]?.statements.find((s) => s.memberId === 'b');
    expect(december).toMatchObject({ amountToReceive: '13750.00', paymentDueDate: '2028-01-20' });
    // The region paid 12 × 25 000 and the kommuner and AF their nets through the bank.
    const regionPayments = run.payments.filter((p) => p.memberId === 'region');
    expect(regionPayments.map((p) => [p.draft.date, p.draft.lines[0]?.amount])[0]).toEqual(['2027-01-10', '25000.00']);
    expect(regionPayments).toHaveLength(12);
    // AF receives 1 000 for each of January–November: the förbund pays from its payable.
    const afPayments = run.payments.filter((p) => p.memberId === 'af');
    expect(afPayments).toHaveLength(11);
    expect(afPayments[0]?.draft.lines).toEqual([
      { account: '1930', amount: '-1000.00', memberId: 'af' },
      { account: '2511', amount: '1000.00' },
    ]);
  });
});
