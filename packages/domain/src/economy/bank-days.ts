import Holidays from 'date-holidays';
import { addDays, parseIsoDate } from './dates.ts';

/**
 * Swedish bank days: Monday to Friday except the public holidays (lag 1989:253 om allmänna
 * helgdagar) and the days the banks keep closed as if they were (midsommarafton, julafton,
 * nyårsafton). A payment due on a day that is not a bank day falls due on the next bank day, as
 * Swedish payment terms (and Bankgirot) treat it.
 *
 * The calendar is date-holidays' Swedish one (a maintained library, not our own Easter
 * arithmetic): its "public" days are the allmänna helgdagar and its "bank" days the three
 * eves the banks close.
 */
const sweden = new Holidays('SE');
const closed_types = new Set(['public', 'bank']);
const by_year = new Map<number, Set<string>>();

/** The weekday-independent days the banks are closed in `year`. */
export function bankHolidays(year: number): Set<string> {
  let days = by_year.get(year);
  if (!days) {
    days = new Set(
      sweden
        .getHolidays(year)
        .filter((holiday) => closed_types.has(holiday.type))
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    by_year.set(year, days);
  }
  return days;
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
