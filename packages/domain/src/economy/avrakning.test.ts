import { describe, expect, it } from 'vitest';
import { charterSettingsSchema } from '../charter/schema.ts';
import { FinsamError } from '../errors.ts';
import { Decimal } from '../money.ts';
import { type AvrakningInput, avrakning } from './avrakning.ts';
import { frameSchedule } from './frame-schedule.ts';
import { chart, kr, members } from './test-fixtures.ts';

const funding = (overrides: object) => charterSettingsSchema.parse({ funding: overrides }).funding;
const contributions = new Map([
  ['fk', kr('100000.01')],
  ['af', kr(0)],
  ['region', kr(300_000)],
  ['a', kr(225_000)],
  ['b', kr(75_000)],
]);
const input = (overrides: Partial<AvrakningInput>): AvrakningInput => ({
  year: 2027,
  month: 1,
  members,
  contributions,
  funding: funding({}),
  chart,
  ...overrides,
});
const statementOf = (result: ReturnType<typeof avrakning>, memberId: string) =>
  result.statements.find((s) => s.memberId === memberId);

describe('frame schedules', () => {
  const money = (parts: Decimal[]) => parts.map((part) => part.toFixed(2));

  it('pays quarterly in January, April, July and October, the quarter of remainderMonth taking the öre', () => {
    const yearly = kr('100000.01');
    expect(money(frameSchedule(yearly, 'liquid-quarterly', funding({})))).toEqual([
      '25000.00',
      '0.00',
      '0.00',
      '25000.00',
      '0.00',
      '0.00',
      '25000.00',
      '0.00',
      '0.00',
      '25000.01',
      '0.00',
      '0.00',
    ]);
    expect(money(frameSchedule(yearly, 'liquid-quarterly', funding({ remainderMonth: 2 })))[0]).toBe('25000.01');
  });

  it('puts a quarter of a set-off frame in the quarter last month, in arrears', () => {
    const schedule = money(frameSchedule(kr(120_000), 'set-off', funding({ framePeriodisation: 'quarterly' })));
    expect(schedule.filter((part) => part !== '0.00')).toEqual(['30000.00', '30000.00', '30000.00', '30000.00']);
    expect(schedule[2]).toBe('30000.00');
    expect(schedule[11]).toBe('30000.00');
  });

  it('never invoices a negative month, even for a few öre a year', () => {
    // Half-up, 0.06 / 12 = 0.005 → 0.01 eleven times would leave −0.05 for the remainder month.
    const schedule = money(frameSchedule(kr('0.06'), 'liquid-monthly', funding({ remainderMonth: 1 })));
    expect(schedule).toEqual(['0.06', ...Array(11).fill('0.00')]);
  });

  it('asks for the whole year in January at liquid-at-start', () => {
    const schedule = frameSchedule(kr(75_000), 'liquid-at-start', funding({}));
    expect(schedule[0]?.toFixed(2)).toBe('75000.00');
    expect(schedule.slice(1).every((part) => part.isZero())).toBe(true);
  });
});

describe('avräkning', () => {
  it('invoices a liquid member on the 1st, due on advanceInvoiceDueDay', () => {
    const result = avrakning(
      input({ month: 4, funding: funding({ default: 'liquid-quarterly', advanceInvoiceDueDay: 15 }) }),
    );
    expect(statementOf(result, 'region')).toMatchObject({
      lines: [{ text: 'Medlemsbidrag kvartal 2 2027', amount: '75000.00', dueDate: '2027-04-15' }],
      amountToPay: '75000.00',
      paymentDueDate: '2027-04-15',
    });
    expect(result.vouchers.find((v) => v.key === '2027-04-region-bidrag')?.draft.date).toBe('2027-04-01');
    const may = avrakning(input({ month: 5, funding: funding({ default: 'liquid-quarterly' }) }));
    expect(may.vouchers).toEqual([]);
    expect(statementOf(may, 'region')).toMatchObject({ lines: [], net: '0.00', amountToPay: '0.00' });
    expect(statementOf(may, 'region')?.paymentDueDate).toBeUndefined();
  });

  it('carries a year-end-only member instead of asking it to pay', () => {
    const result = avrakning(input({ funding: funding({ settleAtYearEndOnly: ['fk'] }) }));
    expect(statementOf(result, 'fk')).toMatchObject({
      lines: [{ text: 'Medlemsbidrag januari 2027', amount: '8333.33' }],
      settlement: 'carried',
      carried: '8333.33',
      amountToPay: '0.00',
    });
    expect(statementOf(result, 'fk')?.lines[0]?.dueDate).toBeUndefined();
  });

  it('sends the claim-72 advance invoices before the costs are in, and completes with the same keys', () => {
    const claim = funding({ default: 'claim-72' });
    const early = avrakning(input({ funding: claim }));
    expect(early.vouchers.map((v) => v.key)).toEqual([
      '2027-01-fk-ram',
      '2027-01-region-ram',
      '2027-01-a-ram',
      '2027-01-b-ram',
    ]);
    expect(statementOf(early, 'fk')).toMatchObject({ complete: false, net: '8333.33', carried: '8333.33' });
    const costs = new Map([['fk', [{ account: '4100', amount: kr(9_000), insatsId: 'steget' }]]]);
    const late = avrakning(input({ funding: claim, actualCosts: costs }));
    expect(late.vouchers.map((v) => v.key)).toEqual([
      '2027-01-fk-ram',
      '2027-01-fk-kostnader',
      '2027-01-region-ram',
      '2027-01-a-ram',
      '2027-01-b-ram',
    ]);
    expect(late.vouchers[0]).toEqual(early.vouchers[0]);
    expect(late.vouchers[1]?.draft).toMatchObject({
      date: '2027-01-31',
      lines: [
        { account: '4100', amount: '9000.00', memberId: 'fk', insatsId: 'steget' },
        { account: '2510', amount: '-9000.00' },
      ],
    });
    expect(statementOf(late, 'fk')).toMatchObject({ complete: true, net: '-666.67', carried: '-666.67' });
  });

  it('reckons a set-off only once the costs are in, and books the net on the payable when negative', () => {
    const setOff = funding({ default: 'set-off' });
    expect(avrakning(input({ funding: setOff })).vouchers).toEqual([]);
    expect(statementOf(avrakning(input({ funding: setOff })), 'a')).toMatchObject({ lines: [], complete: false });
    const result = avrakning(
      input({ funding: setOff, month: 12, actualCosts: new Map([['b', [{ account: '4100', amount: kr(7_000) }]]]) }),
    );
    expect(statementOf(result, 'b')).toMatchObject({
      net: '-750.00',
      amountToReceive: '750.00',
      paymentDueDate: '2028-01-20',
    });
    expect(result.vouchers.find((v) => v.memberId === 'b')?.draft).toMatchObject({
      year: 2027,
      date: '2027-12-31',
      lines: [
        { account: '3014', amount: '-6250.00' },
        { account: '4100', amount: '7000.00', memberId: 'b' },
        { account: '2514', amount: '-750.00' },
      ],
    });
  });

  it('refuses costs for a liquid member, on a non-cost account, or for an unknown member', () => {
    const costs = (account: string) => new Map([['a', [{ account, amount: kr(1_000) }]]]);
    expect(() => avrakning(input({ actualCosts: costs('4100') }))).toThrow(FinsamError);
    const claim = funding({ default: 'claim-72' });
    expect(() => avrakning(input({ funding: claim, actualCosts: costs('1930') }))).toThrow(FinsamError);
    expect(() => avrakning(input({ funding: claim, actualCosts: costs('8410') }))).toThrow(FinsamError);
    expect(() =>
      avrakning(input({ funding: claim, actualCosts: new Map([['a', [{ account: '4100', amount: kr('0.001') }]]]) })),
    ).toThrow(FinsamError);
    expect(() => avrakning(input({ funding: claim, actualCosts: new Map([['x', []]]) }))).toThrow(FinsamError);
    expect(() => avrakning(input({ month: 13 }))).toThrow(FinsamError);
    expect(() => avrakning(input({ contributions: new Map([['fk', new Decimal(1)]]) }))).toThrow(FinsamError);
  });
});
