import { describe, expect, it } from 'vitest';
import { formatMoneyCell, formatPercentCell, formatTimestamp } from './format.ts';

const NBSP = '\u00a0';

describe('formatMoneyCell', () => {
  it.each([
    ['-1234.50', `−1${NBSP}234,50`],
    ['1234567.89', `1${NBSP}234${NBSP}567,89`],
    ['999.99', '999,99'],
    ['0.01', '0,01'],
    ['-0.00', '0,00'],
    ['10000000000000.00', `10${NBSP}000${NBSP}000${NBSP}000${NBSP}000,00`],
  ])('%s → %s', (value, shown) => {
    expect(formatMoneyCell(value)).toBe(shown);
  });
});

describe('formatPercentCell', () => {
  it.each([
    ['83.4', `83,4${NBSP}%`],
    ['-2.5', `−2,5${NBSP}%`],
    ['1234', `1${NBSP}234${NBSP}%`],
    ['-0.0', `0,0${NBSP}%`],
    ['0.1234', `0,1234${NBSP}%`],
  ])('%s → %s', (value, shown) => {
    expect(formatPercentCell(value)).toBe(shown);
  });
});

describe('formatTimestamp', () => {
  it('prints Swedish wall-clock time: UTC+1 in winter, UTC+2 in summer', () => {
    expect(formatTimestamp('2025-02-14T09:30:00Z')).toBe('2025-02-14 10:30');
    expect(formatTimestamp('2025-07-01T09:30:00Z')).toBe('2025-07-01 11:30');
  });

  it('moves to the next day and year when Swedish midnight has passed', () => {
    expect(formatTimestamp('2025-07-01T22:15:00Z')).toBe('2025-07-02 00:15');
    expect(formatTimestamp('2025-12-31T23:00:00Z')).toBe('2026-01-01 00:00');
  });

  it('honours an offset in the timestamp', () => {
    expect(formatTimestamp('2025-02-14T10:30:00+01:00')).toBe('2025-02-14 10:30');
  });
});
