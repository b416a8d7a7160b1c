import { describe, expect, it } from 'vitest';
import { isDateLocked, lockMonth, lockYear, openYear } from './periods.ts';

describe('period locks', () => {
  const march = lockMonth(openYear(2027), '2027-03');

  it('locks every day of a locked month and none outside it', () => {
    expect(isDateLocked('2027-02-28', march)).toBe(false);
    expect(isDateLocked('2027-03-01', march)).toBe(true);
    expect(isDateLocked('2027-03-31', march)).toBe(true);
    expect(isDateLocked('2027-04-01', march)).toBe(false);
  });

  it('locks the whole year with the year flag, and says nothing of other years', () => {
    const year = lockYear(march);
    expect(isDateLocked('2027-01-01', year)).toBe(true);
    expect(isDateLocked('2027-12-31', year)).toBe(true);
    expect(isDateLocked('2028-01-01', year)).toBe(false);
    expect(isDateLocked('2026-12-31', year)).toBe(false);
  });

  it('locks one way and keeps the months sorted and unique', () => {
    const locks = lockMonth(lockMonth(march, '2027-01'), '2027-03');
    expect(locks.lockedMonths).toEqual(['2027-01', '2027-03']);
    expect(march.lockedMonths).toEqual(['2027-03']);
  });

  it('treats a month of another year or a malformed month as a bug', () => {
    expect(() => lockMonth(openYear(2027), '2028-01')).toThrow(/invariant/);
    expect(() => lockMonth(openYear(2027), '2027-13')).toThrow(/invariant/);
    expect(() => isDateLocked('2027-01-01', { year: 2027, yearLocked: false, lockedMonths: ['2026-12'] })).toThrow(
      /invariant/,
    );
  });
});
