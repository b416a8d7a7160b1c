import Holidays from 'date-holidays';

/**
 * The calendar the bank-day table is generated from and checked against: date-holidays' Swedish
 * one (a maintained library, not our own Easter arithmetic). Its "public" days are the allmänna
 * helgdagar (lag 1989:253) and its "bank" days the three eves the banks close (midsommarafton,
 * julafton, nyårsafton). Only the generator and the tests import this file, so the library never
 * reaches a Lambda bundle.
 */
export const bank_holiday_first_year = 2000;
export const bank_holiday_last_year = 2100;

const sweden = new Holidays('SE');
const closed_types = new Set(['public', 'bank']);

export function bankHolidaysFromLibrary(year: number): Set<string> {
  return new Set(
    sweden
      .getHolidays(year)
      .filter((holiday) => closed_types.has(holiday.type))
      .map((holiday) => holiday.date.slice(0, 10)),
  );
}
