import { invalid } from '../errors.ts';

/**
 * Civil dates ("YYYY-MM-DD") with no time of day and no time zone. Arithmetic runs on UTC
 * midnights, where every day has exactly 24 hours, so daylight saving never shifts a date.
 * Instants in Stockholm time live in calendar.ts.
 */

export const ms_per_day = 86_400_000;
export const months_per_year = 12;
/** The years the economy reckons in; the same bounds as the ledger's fiscal years. */
export const economy_year_min = 2000;
export const economy_year_max = 2199;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY_PATTERN = /^(\d{2})-(\d{2})$/;

export const swedishMonthNames = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < economy_year_min || year > economy_year_max)
    throw invalid(`År: ange ett år ${economy_year_min}–${economy_year_max}.`, [
      { field: 'year', message: `År: ange ett år ${economy_year_min}–${economy_year_max}.` },
    ]);
}

export function checkMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > months_per_year)
    throw invalid('Månad: ange en månad 1–12.', [{ field: 'month', message: 'Månad: ange en månad 1–12.' }]);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a real calendar date; "2027-02-30" is refused, not rolled over into March. */
export function parseIsoDate(date: string, field = 'date'): CivilDate {
  const match = ISO_DATE_PATTERN.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > months_per_year || day < 1 || day > daysInMonth(year, month))
    throw invalid('Datum: ange ett datum som ÅÅÅÅ-MM-DD.', [
      { field, message: `Datum: ${JSON.stringify(date)} är inte ett datum som ÅÅÅÅ-MM-DD.` },
    ]);
  return { year, month, day };
}

export function dateOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function firstDayOfMonth(year: number, month: number): string {
  return dateOf(year, month, 1);
}

export function lastDayOfMonth(year: number, month: number): string {
  return dateOf(year, month, daysInMonth(year, month));
}

/** Day `day` of the month `offset` months after (year, month): due dates "the 20th of the month after". */
export function dayOfMonthAfter(year: number, month: number, offset: number, day: number): string {
  const index = year * months_per_year + (month - 1) + offset;
  const targetYear = Math.floor(index / months_per_year);
  const targetMonth = (index % months_per_year) + 1;
  return dateOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * A yearly "MM-DD" setting placed in a year. A day the month lacks (02-29 in a common year,
 * 04-31) becomes the month's last day: a charter that says "the last of February" keeps meaning it.
 */
export function monthDayInYear(year: number, monthDay: string): string {
  const match = MONTH_DAY_PATTERN.exec(monthDay);
  const month = match ? Number(match[1]) : 0;
  const day = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > months_per_year || day < 1 || day > 31)
    throw invalid('Datum: ange månad och dag som MM-DD.', [
      { field: 'monthDay', message: `Datum: ${JSON.stringify(monthDay)} är inte MM-DD.` },
    ]);
  return dateOf(year, month, Math.min(day, daysInMonth(year, month)));
}

function utcMidnight(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day);
}

export function addDays(date: string, days: number): string {
  const shifted = new Date(utcMidnight(date) + days * ms_per_day);
  return dateOf(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Actual days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / ms_per_day);
}

/**
 * Days from `from` to `to` by the 30E/360 convention (Eurobond basis): every month has 30 days,
 * a 31st counts as the 30th. A whole year is then exactly 360 days whatever the calendar says.
 */
export function days30E360(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  const dayA = Math.min(a.day, 30);
  const dayB = Math.min(b.day, 30);
  return 360 * (b.year - a.year) + 30 * (b.month - a.month) + (dayB - dayA);
}

export function yearOf(date: string): number {
  return parseIsoDate(date).year;
}
