import { describe, expect, it } from 'vitest';
import { absoluteAmount, isNegativeAmount, negateAmount, sumAmounts } from './money.ts';

describe('money', () => {
  it('sums to the öre without floats', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['1250.00', '-1250.00'])).toBe('0.00');
    expect(sumAmounts(['99999999999999.99', '0.01'])).toBe('100000000000000.00');
    expect(sumAmounts(['1,00'])).toBeNull();
  });

  it('negates and takes the size of an amount, zero staying unsigned', () => {
    expect(negateAmount('1250.00')).toBe('-1250.00');
    expect(negateAmount('-1250.00')).toBe('1250.00');
    expect(negateAmount('0.00')).toBe('0.00');
    expect(absoluteAmount('-0.50')).toBe('0.50');
    expect(isNegativeAmount('-0.01')).toBe(true);
    expect(isNegativeAmount('-0.00')).toBe(false);
  });
});
