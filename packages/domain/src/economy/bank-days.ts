import { FinsamError } from '../errors.ts';
import { bank_holidays_by_year } from './bank-holidays.generated.ts';
import { addDays, parseIsoDate } from './dates.ts';

/**
 * Swedish bank days: Monday to Friday except the public holidays (lag 1989:253 om allmänna
 * helgdagar) and the days the banks keep closed as if they were (midsommarafton, julafton,
 * nyårsafton). A payment due on a day that is not a bank day falls due on the next bank day, as
 * Swedish payment terms (and Bankgirot) treat it.
 *
 * The closed days come from a table generated from date-holidays (bank-holidays-source.ts says
 * why the library itself is not imported here).
 */
const by_year = new Map<number, Set<string>>();

/** The weekday-independent days the banks are closed in `year`. */
export function bankHolidays(year: number): Set<string> {
  let days = by_year.get(year);
  if (!days) {
    const row = bank_holidays_by_year[year];
    if (row === undefined) {
      throw new FinsamError('invalid', `Bankdagar är kända för åren 2000–2100, inte för ${year}.`);
    }
    days = new Set(row.split(' ').map((monthDay) => `${year}-${monthDay}`));
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
