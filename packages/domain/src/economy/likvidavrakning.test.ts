import { describe, expect, it } from 'vitest';
import { charterSettingsSchema } from '../charter/schema.ts';
import { FinsamError } from '../errors.ts';
import {
  likvidavrakning,
  likvidavrakningMembers,
  likvidDueDate,
  likvidInterest,
  settlementTiming,
} from './likvidavrakning.ts';
import { type MemberPosition, memberPosition } from './member-position.ts';
import { chart, kr, members } from './test-fixtures.ts';

const settings = (likvid: object) => charterSettingsSchema.parse({ likvidavrakning: likvid }).likvidavrakning;

/** Kommun A owes 10 000 from last year; on 1 October the förbund comes to owe it 20 000. */
const position: MemberPosition = {
  memberId: 'a',
  year: 2027,
  opening: new Map([['1513', kr(10_000)]]),
  movements: [{ date: '2027-10-01', account: '2513', amount: kr(-20_000), text: 'Kostnader' }],
};
/**
 * As the shell does it: the interest is booked at bokslut first (its vouchers join the
 * positions), then the likvidavräkning is issued. Returns the interest vouchers and the
 * settlement's together, in that order.
 */
function settle(likvid: object, positions = [position], settlementDate = '2028-05-15', year = 2027) {
  const interest = likvidInterest({ year, positions, settings: settings(likvid), chart });
  const withInterest = positions.map((p) => ({
    ...p,
    movements: [
      ...p.movements,
      ...interest.vouchers
        .filter((v) => v.memberId === p.memberId)
        .flatMap((v) =>
          v.draft.lines
            .filter((line) => /^(15|25)\d\d$/.test(line.account))
            .map((line) => ({
              date: v.draft.date,
              account: line.account,
              amount: kr(line.amount),
              text: v.draft.text,
              reference: v.key,
            })),
        ),
    ],
  }));
  const settled = likvidavrakning({ year, settlementDate, positions: withInterest, settings: settings(likvid), chart });
  return { ...settled, vouchers: [...interest.vouchers, ...settled.vouchers] };
}

describe('interest on the balances', () => {
  it('takes 2 % of the average of the twelve month-end balances by default', () => {
    // Month ends: nine at 10 000, three at −10 000: average 60 000 / 12 = 5 000; 2 % = 100.
    const { statements } = settle({});
    expect(statements[0]).toMatchObject({
      key: '2027-likvid-a',
      openingBalance: '10000.00',
      closingBalance: '-10000.00',
      interestMethod: 'average-monthly-balance',
      averageBalance: '5000.00',
      interest: '100.00',
      amount: '-9900.00',
      amountToPay: '0.00',
      amountToReceive: '9900.00',
    });
  });

  it('counts actual days over 365, or 30E/360', () => {
    // 1 Jan–30 Sep: 273 days × 10 000; 1 Oct–31 Dec: 92 days × −10 000; Σ 1 810 000 balance-days.
    // 1 810 000 × 2 % / 365 = 99.178… → 99.18. In 30E/360: 270 × 10 000 − 90 × 10 000 = 1 800 000 → 100.
    expect(settle({ interestMethod: 'daily-balance' }).statements[0]).toMatchObject({
      interest: '99.18',
      dayCount: 'actual/365',
    });
    expect(settle({ interestMethod: 'daily-balance', dayCount: '30/360' }).statements[0]?.interest).toBe('100.00');
    expect(settle({ interestMethod: 'none' }).statements[0]).toMatchObject({ interest: '0.00', amount: '-10000.00' });
  });

  it('gives a leap year 366 days of interest at actual/365 and 360 at 30/360', () => {
    const leap: MemberPosition = { memberId: 'b', year: 2028, opening: new Map([['1514', kr(36_500)]]), movements: [] };
    const run = (dayCount: string) =>
      settle({ interestMethod: 'daily-balance', dayCount }, [leap], '2028-12-31', 2028).statements[0]?.interest;
    expect(run('actual/365')).toBe('732.00');
    expect(run('30/360')).toBe('730.00');
  });
});

describe('the settlement vouchers', () => {
  it('books the interest on 31 December and nets both accounts into one payable, due in 30 days', () => {
    const { vouchers, statements } = settle({});
    expect(vouchers.map((v) => [v.key, v.draft.date, v.draft.lines])).toEqual([
      [
        '2027-likvid-a-ranta',
        '2027-12-31',
        [
          { account: '1513', amount: '100.00' },
          { account: '8310', amount: '-100.00', memberId: 'a' },
        ],
      ],
      // 10 000 + 100 on 1513 and −20 000 on 2513: the förbund owes 9 900, all of it on 2513.
      [
        '2027-likvid-a-likvid',
        '2028-05-15',
        [
          { account: '1513', amount: '-10100.00' },
          { account: '2513', amount: '10100.00' },
        ],
      ],
    ]);
    expect(vouchers[0]?.draft.year).toBe(2027);
    // No bank entry: the payment registered later clears the payable.
    expect(vouchers.flatMap((v) => v.draft.lines).some((line) => line.account === '1930')).toBe(false);
    // 15 May 2028 + 30 days = Wednesday 14 June 2028, a bank day.
    expect(statements[0]).toMatchObject({ settlementDate: '2028-05-15', dueDate: '2028-06-14' });
  });

  it('books interest owed to the member as räntekostnad on its payable, which is then the whole debt', () => {
    const owed: MemberPosition = {
      memberId: 'af',
      year: 2027,
      opening: new Map([['2511', kr(-12_000)]]),
      movements: [],
    };
    const { statements, vouchers } = settle({}, [owed], '2027-12-31');
    // −12 000 all year: 2 % = −240; the förbund owes 12 240 on 2511 already, nothing to net.
    // 31 Dec 2027 + 30 = Sunday 30 January 2028 → Monday 31 January.
    expect(statements[0]).toMatchObject({
      closingBalance: '-12000.00',
      interest: '-240.00',
      amount: '-12240.00',
      amountToReceive: '12240.00',
      dueDate: '2028-01-31',
    });
    expect(vouchers.map((v) => v.draft.lines)).toEqual([
      [
        { account: '8410', amount: '240.00', memberId: 'af' },
        { account: '2511', amount: '-240.00' },
      ],
    ]);
  });

  it('refuses to issue a likvidavräkning whose interest the bokslut did not book', () => {
    expect(() =>
      likvidavrakning({
        year: 2027,
        settlementDate: '2028-05-15',
        positions: [position],
        settings: settings({}),
        chart,
      }),
    ).toThrow(FinsamError);
  });

  it('falls due on the next bank day: weekends, Easter, midsummer and Christmas', () => {
    const term = { paymentTermDays: 30 };
    // 2027: Easter Sunday 28 March, so Långfredag 26 March and Annandag påsk 29 March.
    expect(likvidDueDate('2027-02-24', term)).toBe('2027-03-30');
    // Midsommarafton 2027 is Friday 25 June: 26 May + 30 → the Monday after, 28 June.
    expect(likvidDueDate('2027-05-26', term)).toBe('2027-06-28');
    // 24–26 December 2027 (Fri–Sun) and 27 the Monday: 24 Nov + 30 = 24 Dec → 27 Dec.
    expect(likvidDueDate('2027-11-24', term)).toBe('2027-12-27');
    expect(likvidDueDate('2027-05-03', { paymentTermDays: 0 })).toBe('2027-05-03');
  });

  it('books nothing for a member with nothing to settle', () => {
    const empty: MemberPosition = { memberId: 'region', year: 2027, opening: new Map(), movements: [] };
    const result = settle({}, [empty]);
    expect(result.vouchers).toEqual([]);
    expect(result.statements[0]).toMatchObject({ amount: '0.00', amountToPay: '0.00', amountToReceive: '0.00' });
  });

  it('refuses to settle before the year has ended or with a movement outside the year', () => {
    expect(() => settle({}, [position], '2027-12-30')).toThrow(FinsamError);
    const stray = { ...position, movements: [{ ...position.movements[0]!, date: '2028-01-02' }] };
    expect(() => settle({}, [stray])).toThrow(FinsamError);
    expect(() => settle({ annualInterestRatePercent: '150' })).toThrow(FinsamError);
  });
});

describe('a member position read from the ledger', () => {
  it('takes the opening balance and the year movements of the member accounts only', () => {
    const vouchers = [
      { date: '2026-12-31', text: 'Förra året', lines: [{ account: '1513', amount: '5.00' }] },
      {
        date: '2027-03-01',
        text: 'Ram',
        lines: [
          { account: '1513', amount: '100.00' },
          { account: '3013', amount: '-100.00' },
        ],
      },
      { date: '2027-02-01', text: 'Annan medlem', lines: [{ account: '1514', amount: '7.00' }] },
      { date: '2027-01-31', text: 'Kostnad', lines: [{ account: '2513', amount: '-40.00' }] },
    ];
    const read = memberPosition(chart, vouchers, 'a', 2027, { '1513': '10.00', '1930': '-10.00' });
    expect([...read.opening]).toEqual([['1513', kr(10)]]);
    expect(read.movements.map((m) => [m.date, m.account, m.amount.toFixed(2), m.text])).toEqual([
      ['2027-01-31', '2513', '-40.00', 'Kostnad'],
      ['2027-03-01', '1513', '100.00', 'Ram'],
    ]);
  });
});

describe('who is settled when', () => {
  const parsed = charterSettingsSchema.parse({
    funding: { default: 'liquid-monthly', perMember: { a: 'claim-72' }, settleAtYearEndOnly: ['fk'] },
    likvidavrakning: { timing: 'after-discharge' },
  });

  it('settles carried balances only: claim-72 members and year-end-only members', () => {
    expect(likvidavrakningMembers(members, parsed.funding).map((m) => m.id)).toEqual(['fk', 'a']);
  });

  it('settles a year-end-only member at bokslut and the others when the charter says', () => {
    expect(settlementTiming('fk', parsed)).toBe('at-bokslut');
    expect(settlementTiming('a', parsed)).toBe('after-discharge');
  });
});
