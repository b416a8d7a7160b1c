import { describe, expect, it } from 'vitest';
import { FinsamError } from '../errors.ts';
import { trialBalance } from './balances.ts';
import { balansrakning } from './balansrakning.ts';
import { closingVoucher, openingBalances } from './bokslut.ts';
import { budgetFollowUp, insatsLedgers, memberLedgers } from './follow-up.ts';
import { kassaflodesanalys } from './kassaflode.ts';
import { resultatrakning } from './resultatrakning.ts';
import { booked, chart } from './test-fixtures.ts';
import type { Voucher } from './voucher.ts';

/** A small year worked by hand: contributions, a payment, costs in every area and a member's invoice. */
const opening = { '1930': '500000.00', '2050': '-500000.00' };
const year: Voucher[] = [
  booked(1, '2027-01-31', 'Medlemsbidrag januari FK', [
    { account: '1510', amount: '166666.67' },
    { account: '3010', amount: '-166666.67' },
  ]),
  booked(2, '2027-02-05', 'Inbetalning FK', [
    { account: '1930', amount: '166666.67', memberId: 'fk' },
    { account: '1510', amount: '-166666.67' },
  ]),
  booked(3, '2027-03-10', 'Styrelsearvoden', [
    { account: '5010', amount: '20000.00' },
    { account: '1930', amount: '-20000.00' },
  ]),
  booked(4, '2027-03-20', 'Åby kommun fakturerar insatsen Steget', [
    { account: '4100', amount: '50000.00', memberId: 'kommun-a' },
    { account: '2513', amount: '-50000.00' },
  ]),
  booked(5, '2027-04-15', 'Kansli', [
    { account: '5410', amount: '30000.00' },
    { account: '1930', amount: '-30000.00' },
  ]),
  booked(6, '2027-05-15', 'Revision', [
    { account: '7010', amount: '10000.00' },
    { account: '1930', amount: '-10000.00' },
  ]),
];

describe('trialBalance', () => {
  it('lists opening, debit, credit and closing per account and sums to zero', () => {
    const trial = trialBalance(chart, year, opening);
    expect(trial.rows.find((row) => row.account === '1930')).toEqual({
      account: '1930',
      name: 'Bank',
      kind: 'asset',
      opening: '500000.00',
      debit: '166666.67',
      credit: '60000.00',
      closing: '606666.67',
    });
    expect(trial.rows.find((row) => row.account === '1510')?.closing).toBe('0.00');
    expect(trial.totals).toEqual({ opening: '0.00', debit: '443333.34', credit: '443333.34', closing: '0.00' });
  });

  it('refuses opening balances that do not balance or name a result account', () => {
    expect(() => trialBalance(chart, [], { '1930': '1.00' })).toThrow(FinsamError);
    try {
      trialBalance(chart, [], { '3010': '-1.00', '1930': '1.00', '9999': '0.00' });
    } catch (error) {
      expect((error as FinsamError).issues.map((i) => i.field)).toEqual([
        'openingBalances.3010',
        'openingBalances.9999',
      ]);
    }
  });
});

describe('resultatrakning', () => {
  it('groups intäkter, kostnader by area and årets resultat', () => {
    const rr = resultatrakning(chart, year);
    expect(rr.verksamhetensIntakter).toEqual({
      rows: [{ account: '3010', name: 'Medlemsbidrag Försäkringskassan', amount: '166666.67' }],
      total: '166666.67',
    });
    expect(rr.verksamhetensKostnader.areas.map((area) => [area.area, area.total])).toEqual([
      ['styrelse', '-20000.00'],
      ['administration', '-30000.00'],
      ['revision', '-10000.00'],
      ['insatser', '-50000.00'],
    ]);
    expect(rr.verksamhetensKostnader.total).toBe('-110000.00');
    expect(rr.verksamhetensNettokostnader).toBe('56666.67');
    expect(rr.aretsResultat).toBe('56666.67');
  });

  it('puts interest below the operating result', () => {
    const interest = booked(7, '2027-12-31', 'Ränta', [
      { account: '1930', amount: '1200.00' },
      { account: '8310', amount: '-1500.00' },
      { account: '8410', amount: '300.00' },
    ]);
    const rr = resultatrakning(chart, [...year, interest]);
    expect(rr.finansiellaIntakter.total).toBe('1500.00');
    expect(rr.finansiellaKostnader.total).toBe('-300.00');
    expect(rr.verksamhetensNettokostnader).toBe('56666.67');
    expect(rr.aretsResultat).toBe('57866.67');
  });
});

describe('balansrakning', () => {
  it('balances tillgångar against eget kapital och skulder with årets resultat in eget kapital', () => {
    const br = balansrakning(chart, year, opening);
    expect(br.tillgangar.total).toBe('606666.67');
    expect(br.tillgangar.anlaggningstillgangar.total).toBe('0.00');
    expect(br.egetKapital.rows).toEqual([{ account: '2050', name: 'Eget kapital', amount: '500000.00' }]);
    expect(br.egetKapital.aretsResultat).toBe('56666.67');
    expect(br.egetKapital.total).toBe('556666.67');
    expect(br.skulder.kortfristiga.rows).toEqual([
      { account: '2513', name: 'Skuld till Åby kommun', amount: '50000.00' },
    ]);
    expect(br.egetKapitalOchSkulder).toBe('606666.67');
  });
});

describe('kassaflodesanalys', () => {
  it('explains the change in bank by the indirect method', () => {
    const flow = kassaflodesanalys(chart, year, opening);
    expect(flow).toEqual({
      metod: 'indirekt',
      lopandeVerksamhet: {
        aretsResultat: '56666.67',
        forandringFordringar: '0.00',
        forandringKortfristigaSkulder: '50000.00',
        total: '106666.67',
      },
      investeringsverksamhet: { forandringAnlaggningstillgangar: '0.00', total: '0.00' },
      finansieringsverksamhet: {
        forandringLangfristigaSkulder: '0.00',
        ovrigForandringEgetKapital: '0.00',
        total: '0.00',
      },
      aretsKassaflode: '106666.67',
      likvidaMedelVidAretsBorjan: '500000.00',
      likvidaMedelVidAretsSlut: '606666.67',
    });
  });

  it('shows an unpaid contribution as cash bound in fordringar', () => {
    const flow = kassaflodesanalys(chart, year.slice(0, 1));
    expect(flow.lopandeVerksamhet.forandringFordringar).toBe('-166666.67');
    expect(flow.aretsKassaflode).toBe('0.00');
  });
});

describe('follow-up', () => {
  it('compares budget with outcome per area', () => {
    const follow = budgetFollowUp(chart, year, {
      styrelse: '40000.00',
      administration: '30000.00',
      insatser: '300000.00',
    });
    expect(follow.rows).toEqual([
      {
        area: 'styrelse',
        name: 'Styrelse',
        budget: '40000.00',
        outcome: '20000.00',
        deviation: '20000.00',
        usedPercent: '50.0',
      },
      {
        area: 'administration',
        name: 'Administration',
        budget: '30000.00',
        outcome: '30000.00',
        deviation: '0.00',
        usedPercent: '100.0',
      },
      {
        area: 'revision',
        name: 'Revision',
        budget: '0.00',
        outcome: '10000.00',
        deviation: '-10000.00',
        usedPercent: null,
      },
      {
        area: 'insatser',
        name: 'Insatser',
        budget: '300000.00',
        outcome: '50000.00',
        deviation: '250000.00',
        usedPercent: '16.7',
      },
    ]);
    expect(follow.total).toEqual({
      budget: '370000.00',
      outcome: '110000.00',
      deviation: '260000.00',
      usedPercent: '29.7',
    });
    expect(() => budgetFollowUp(chart, year, { styrelse: '40 000' })).toThrow(FinsamError);
  });

  it('shows each member its contributions, costs and balances', () => {
    const ledgers = memberLedgers(chart, year, opening);
    expect(ledgers.map((ledger) => ledger.memberId)).toEqual(['fk', 'af', 'region', 'kommun-a', 'kommun-b']);
    expect(ledgers[0]).toEqual({
      memberId: 'fk',
      contributions: '166666.67',
      costs: '0.00',
      receivable: '0.00',
      payable: '0.00',
      net: '0.00',
    });
    expect(ledgers[3]).toEqual({
      memberId: 'kommun-a',
      contributions: '0.00',
      costs: '50000.00',
      receivable: '0.00',
      payable: '50000.00',
      net: '-50000.00',
    });
  });

  it('counts neither interest nor payments as contributions or costs of a member', () => {
    const interest = booked(7, '2027-12-31', 'Ränta likvidavräkning', [
      { account: '8410', amount: '250.00', memberId: 'kommun-a' },
      { account: '2513', amount: '-250.00' },
    ]);
    const ledger = memberLedgers(chart, [...year, interest], opening)[3]!;
    expect(ledger.costs).toBe('50000.00');
    expect(ledger.payable).toBe('50250.00');
  });

  it('shows each insats its costs against its budget', () => {
    expect(insatsLedgers(chart, year, { steget: '200000.00' })).toEqual([
      {
        insatsId: 'steget',
        name: 'Insats Steget vidare',
        budget: '200000.00',
        outcome: '50000.00',
        deviation: '150000.00',
        usedPercent: '25.0',
      },
      {
        insatsId: 'unga',
        name: 'Insats Unga i arbete: "UIA"',
        budget: '0.00',
        outcome: '0.00',
        deviation: '0.00',
        usedPercent: null,
      },
    ]);
  });
});

describe('bokslut', () => {
  const closing = closingVoucher(chart, year, { year: 2027, series: 'B' })!;
  const closed = [...year, booked(1, closing.date, closing.text, closing.lines, { series: 'B' })];

  it('moves årets resultat from 8990 to 2010 on the last day of the year', () => {
    expect(closing).toEqual({
      series: 'B',
      year: 2027,
      date: '2027-12-31',
      text: 'Bokslut 2027: årets resultat till eget kapital',
      lines: [
        { account: '8990', amount: '56666.67' },
        { account: '2010', amount: '-56666.67' },
      ],
    });
    expect(closingVoucher(chart, closed, { year: 2027, series: 'B' })).toBeNull();
    expect(closingVoucher(chart, [], { year: 2027, series: 'B' })).toBeNull();
  });

  it('leaves the reports unchanged by the closing', () => {
    expect(resultatrakning(chart, closed)).toEqual(resultatrakning(chart, year));
    expect(balansrakning(chart, closed, opening)).toEqual(balansrakning(chart, year, opening));
    expect(kassaflodesanalys(chart, closed, opening)).toEqual(kassaflodesanalys(chart, year, opening));
  });

  it('opens next year with balance accounts only and the result in eget kapital', () => {
    const expected = { '1930': '606666.67', '2050': '-556666.67', '2513': '-50000.00' };
    expect(openingBalances(chart, closed, opening)).toEqual(expected);
    expect(openingBalances(chart, year, opening)).toEqual(expected);
    const nextYear = balansrakning(chart, [], expected);
    expect(nextYear.egetKapital.total).toBe('556666.67');
    expect(nextYear.egetKapital.aretsResultat).toBe('0.00');
  });
});
