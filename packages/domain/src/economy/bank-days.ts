import { addDays, dateOf, parseIsoDate } from './dates.ts';

/**
 * Swedish bank days: Monday to Friday except the public holidays (lag 1989:253 om allmänna
 * helgdagar) and the days the banks keep closed as if they were (midsommarafton, julafton,
 * nyårsafton). A payment due on a day that is not a bank day falls due on the next bank day, as
 * Swedish payment terms (and Bankgirot) treat it.
 */

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dateOf(year, month, day);
}

/** The weekday-independent days the banks are closed in `year`. */
export function bankHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  // Midsommarafton: the Friday between 19 and 25 June.
  let midsummerEve = dateOf(year, 6, 19);
  while (weekday(midsummerEve) !== 5) midsummerEve = addDays(midsummerEve, 1);
  return new Set([
    dateOf(year, 1, 1),
    dateOf(year, 1, 6),
    addDays(easter, -2),
    addDays(easter, 1),
    dateOf(year, 5, 1),
    addDays(easter, 39),
    dateOf(year, 6, 6),
    midsummerEve,
    dateOf(year, 12, 24),
    dateOf(year, 12, 25),
    dateOf(year, 12, 26),
    dateOf(year, 12, 31),
  ]);
}

/** 0 Sunday … 6 Saturday. */
function weekday(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isBankDay(date: string): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !bankHolidays(parseIsoDate(date).year).has(date);
}

/** `date` itself when it is a bank day, otherwise the first bank day after it. */
export function onOrNextBankDay(date: string): string {
  let candidate = date;
  while (!isBankDay(candidate)) candidate = addDays(candidate, 1);
  return candidate;
}
