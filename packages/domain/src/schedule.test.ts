import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, formatMoney, sumMoney } from './money.ts';
import { instalments } from './schedule.ts';

describe('instalments', () => {
  it('pays FK 166 666.67 in eleven months and 166 666.63 in December (DOMAIN.md §3)', () => {
    const months = instalments(new Decimal('2000000'), 12, 11).map(formatMoney);
    expect(months.slice(0, 11)).toEqual(Array(11).fill('166666.67'));
    expect(months[11]).toBe('166666.63');
  });

  it('never makes an instalment negative, even for a yearly amount of a few öre', () => {
    const months = instalments(new Decimal('0.06'), 12, 11);
    expect(months.every((month) => !month.isNegative())).toBe(true);
    expect(sumMoney(months).eq('0.06')).toBe(true);
  });

  it('always sums to the year', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 1, max: 12 }), (ore, count) => {
        const yearly = new Decimal(ore.toString()).div(100);
        expect(sumMoney(instalments(yearly, count, count - 1)).eq(yearly)).toBe(true);
      }),
    );
  });
});
