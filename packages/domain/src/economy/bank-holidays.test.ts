import { describe, expect, it } from 'vitest';
import { bankHolidays } from './bank-days.ts';
import { bank_holiday_first_year, bank_holiday_last_year, bankHolidaysFromLibrary } from './bank-holidays-source.ts';

/** The generated table is the library's calendar, year by year: regenerate it if this fails. */
describe('the bank-holiday table', () => {
  it('equals date-holidays for every year it covers', () => {
    for (let year = bank_holiday_first_year; year <= bank_holiday_last_year; year++) {
      expect([...bankHolidays(year)].sort(), String(year)).toEqual([...bankHolidaysFromLibrary(year)].sort());
    }
  });

  it('refuses a year outside the table instead of guessing', () => {
    expect(() => bankHolidays(bank_holiday_last_year + 1)).toThrow(/2000–2100/);
    expect(() => bankHolidays(bank_holiday_first_year - 1)).toThrow(/2000–2100/);
  });
});
