import { assert } from '../errors.ts';

/**
 * Which parts of one fiscal year are closed for booking (DOMAIN.md §4: after a month or the year
 * is locked, nothing is booked into it). Kommunal redovisning uses the calendar year as
 * räkenskapsår, so a fiscal year is a calendar year and a period is a calendar month.
 */
export interface PeriodLocks {
  year: number;
  yearLocked: boolean;
  /** Locked months as "YYYY-MM", all within `year`. */
  lockedMonths: readonly string[];
}

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const openYear = (year: number): PeriodLocks => ({ year, yearLocked: false, lockedMonths: [] });

export function fiscalYearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function fiscalYearBounds(year: number): { first: string; last: string } {
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/** True when nothing may be booked on `date` under these locks. Locks of one year say nothing of another. */
export function isDateLocked(date: string, locks: PeriodLocks): boolean {
  assertLocks(locks);
  if (fiscalYearOf(date) !== locks.year) return false;
  return locks.yearLocked || locks.lockedMonths.includes(date.slice(0, 7));
}

/** Locks a month; locking is one-way, so there is no function to open one again. */
export function lockMonth(locks: PeriodLocks, month: string): PeriodLocks {
  assertLocks(locks);
  assert(MONTH_PATTERN.test(month) && fiscalYearOf(month) === locks.year, 'the month lies in the locked year');
  if (locks.lockedMonths.includes(month)) return locks;
  return { ...locks, lockedMonths: [...locks.lockedMonths, month].sort() };
}

export function lockYear(locks: PeriodLocks): PeriodLocks {
  assertLocks(locks);
  return { ...locks, yearLocked: true };
}

function assertLocks(locks: PeriodLocks): void {
  for (const month of locks.lockedMonths)
    assert(
      MONTH_PATTERN.test(month) && fiscalYearOf(month) === locks.year,
      `locked month ${month} lies in ${locks.year}`,
    );
}
