import { describe, expect, it } from 'vitest';
import { readAmount, readDecimal, readMonthDay, readWholeNumber } from './input.ts';
import { sumAmounts } from './money.ts';

describe('readAmount', () => {
  it('reads what a Swedish user types into the API form', () => {
    expect(readAmount('4 000 000')).toBe('4000000.00');
    expect(readAmount('4\u00a0000\u00a0000,5')).toBe('4000000.50');
    expect(readAmount('1 234,56 kr')).toBe('1234.56');
    expect(readAmount('0')).toBe('0.00');
    expect(readAmount('007')).toBe('7.00');
  });

  it('refuses anything that is not a non-negative amount in öre', () => {
    for (const text of ['', 'abc', '-5', '1,234', '1.2.3', '1,5e3', '123456789012345'])
      expect(readAmount(text), text).toBeNull();
  });
});

describe('readDecimal', () => {
  it('accepts comma or point and a trailing percent sign', () => {
    expect(readDecimal('33,3333')).toBe('33.3333');
    expect(readDecimal('50 %')).toBe('50');
    expect(readDecimal('12.5')).toBe('12.5');
  });

  it('refuses more than four decimals and negatives', () => {
    expect(readDecimal('1,23456')).toBeNull();
    expect(readDecimal('-1')).toBeNull();
  });
});

describe('readWholeNumber and readMonthDay', () => {
  it('reads population counts with thousands spaces', () => {
    expect(readWholeNumber('30 000')).toBe(30000);
    expect(readWholeNumber('3,5')).toBeNull();
  });

  it('pads month and day and refuses impossible ones', () => {
    expect(readMonthDay('8-31')).toBe('08-31');
    expect(readMonthDay('13-01')).toBeNull();
    expect(readMonthDay('11/30')).toBeNull();
  });
});

describe('sumAmounts', () => {
  it('sums exactly to the öre', () => {
    // DOMAIN.md's worked example: eleven months of 166 666.67 and one of 166 666.63.
    expect(sumAmounts([...Array(11).fill('166666.67'), '166666.63'])).toBe('2000000.00');
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['-1.50', '1.00'])).toBe('-0.50');
    expect(sumAmounts([])).toBe('0.00');
  });

  it('gives no total when a value is not an amount', () => {
    expect(sumAmounts(['1.5'])).toBeNull();
  });
});
