import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatList, formatMonthDay, formatPercent } from './format.ts';

describe('formatAmount', () => {
  it('groups thousands with spaces and uses a decimal comma', () => {
    expect(formatAmount('1234567.89')).toBe('1 234 567,89 kr');
    expect(formatAmount('4000000.00')).toBe('4 000 000,00 kr');
    expect(formatAmount('0.05')).toBe('0,05 kr');
    expect(formatAmount('999.00')).toBe('999,00 kr');
  });

  it('keeps every öre of amounts beyond float precision', () => {
    expect(formatAmount('90071992547409.93')).toBe('90 071 992 547 409,93 kr');
  });

  it('writes a negative amount with the minus sign', () => {
    expect(formatAmount('-166666.63')).toBe('−166 666,63 kr');
  });

  it('passes through text that is not an amount rather than inventing one', () => {
    expect(formatAmount('okänt')).toBe('okänt');
  });
});

describe('formatPercent', () => {
  it('drops trailing zeros and uses a decimal comma', () => {
    expect(formatPercent('50.0000')).toBe('50 %');
    expect(formatPercent('18.75')).toBe('18,75 %');
    expect(formatPercent('0')).toBe('0 %');
  });
});

describe('dates', () => {
  it('keeps a calendar date as YYYY-MM-DD', () => {
    expect(formatDate('2026-01-01')).toBe('2026-01-01');
  });

  it('shows an instant as its date in Stockholm', () => {
    // 23:30 UTC on 31 December is already 1 January in Stockholm.
    expect(formatDate('2025-12-31T23:30:00Z')).toBe('2026-01-01');
  });

  it('names a yearly deadline in Swedish', () => {
    expect(formatMonthDay('11-30')).toBe('30 november');
    expect(formatMonthDay('03-01')).toBe('1 mars');
  });
});

describe('formatList', () => {
  it('joins with "och"', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['A'])).toBe('A');
    expect(formatList(['A', 'B', 'C'])).toBe('A, B och C');
  });
});
