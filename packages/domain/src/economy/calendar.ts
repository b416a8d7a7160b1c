import type { CharterSettings } from '../charter/schema.ts';
import { assert, invalid } from '../errors.ts';
import { addDays, dateOf, monthDayInYear, parseIsoDate } from './dates.ts';

/**
 * Deadlines are dates in Europe/Stockholm (DOMAIN.md §2): "by 30 November" means until the last
 * instant of 30 November on a Swedish wall clock, CET in winter and CEST in summer. The offset
 * comes from the platform's time zone data through Intl, so no time zone library is needed and
 * the domain still reads no clock: every instant is passed in.
 */

export const deadline_time_zone = 'Europe/Stockholm';

/** Reminder days before a deadline are bounded like the charter's setting (1–90 days). */
export const reminder_days_before_max = 90;

const stockholmParts = new Intl.DateTimeFormat('en-US', {
  timeZone: deadline_time_zone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const ISO_INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export type InstantInput = Date | string | number;

/** Epoch milliseconds of an instant. A string must name its offset: a bare local time is ambiguous. */
export function epochMsOf(instant: InstantInput): number {
  if (typeof instant === 'string' && !ISO_INSTANT_PATTERN.test(instant))
    throw invalid('Tidpunkt: ange en ISO-tidpunkt med tidszon, t.ex. 2027-11-30T23:59:59+01:00.', [
      { field: 'instant', message: `Tidpunkt: ${JSON.stringify(instant)} saknar tidszon eller är ogiltig.` },
    ]);
  const epochMs =
    instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(epochMs))
    throw invalid('Tidpunkt: ogiltig tidpunkt.', [{ field: 'instant', message: 'Tidpunkt: ogiltig tidpunkt.' }]);
  return epochMs;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function stockholmWallClock(epochMs: number): WallClock {
  const parts: Record<string, number> = {};
  for (const part of stockholmParts.formatToParts(new Date(epochMs)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Stockholm's offset from UTC at an instant, in milliseconds: 3 600 000 (CET) or 7 200 000 (CEST). */
export function stockholmOffsetMs(epochMs: number): number {
  const wall = stockholmWallClock(epochMs);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // The formatter drops milliseconds, so compare with the instant truncated to its second.
  return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The calendar date in Stockholm at an instant: 2027-11-30T23:30Z is already 1 December there. */
export function stockholmDate(instant: InstantInput): string {
  const wall = stockholmWallClock(epochMsOf(instant));
  return dateOf(wall.year, wall.month, wall.day);
}

/**
 * The first instant of a date in Stockholm. Midnight is never inside a DST change there (the
 * clocks move at 02:00 and 03:00), so one correction of the offset finds it exactly.
 */
export function stockholmStartOfDay(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  const guess = midnightAsUtc - stockholmOffsetMs(midnightAsUtc);
  const start = midnightAsUtc - stockholmOffsetMs(guess);
  const wall = stockholmWallClock(start);
  assert(stockholmDate(start) === date && wall.hour === 0 && wall.minute === 0, 'start of a Stockholm day');
  return start;
}

export interface DeadlineInstant {
  /** Epoch milliseconds of the last instant of the day in Stockholm. */
  epochMs: number;
  /** The same instant in UTC, e.g. "2027-11-30T22:59:59.999Z". */
  iso: string;
}

/** The last instant of `date` in Stockholm: an act at or before it is on time. */
export function deadlineInstant(date: string): DeadlineInstant {
  const epochMs = stockholmStartOfDay(addDays(date, 1)) - 1;
  return { epochMs, iso: new Date(epochMs).toISOString() };
}

/** On time means no later than the last millisecond of the deadline day in Stockholm. */
export function isOnTime(actedAt: Date | string, deadlineDate: string): boolean {
  return epochMsOf(actedAt) <= deadlineInstant(deadlineDate).epochMs;
}

type DeadlineSettings = Pick<CharterSettings, 'deadlines'>;

/** The budget for year Y is adopted by the charter's day in Y-1 (law: before 30 November). */
export function budgetDeadline(year: number, settings: DeadlineSettings): string {
  return monthDayInYear(year - 1, settings.deadlines.budgetAdoption);
}

/** The members answer the samråd on the budget for year Y by the charter's day in Y-1. */
export function samradDeadline(year: number, settings: DeadlineSettings): string {
  return monthDayInYear(year - 1, settings.deadlines.samradAnswer);
}

/** Bokslut and årsredovisning for year Y are due in Y+1 (within three months: 31 March by default). */
export function annualReportDeadline(year: number, settings: DeadlineSettings): string {
  return monthDayInYear(year + 1, settings.deadlines.annualReport);
}

/** The delårsrapport dates of year Y, in date order; none when the charter asks for none. */
export function interimReportDates(year: number, settings: DeadlineSettings): string[] {
  return settings.deadlines.interimReports.map((monthDay) => monthDayInYear(year, monthDay)).sort();
}

/** The last day to adopt the delårsrapport whose period ends on `periodEnd`: the charter's days after it. */
export function interimReportDeadline(periodEnd: string, settings: DeadlineSettings): string {
  return addDays(periodEnd, settings.deadlines.interimReportDueDays);
}

/** Reminder dates `daysBefore` days ahead of a deadline, earliest first, without repeats. */
export function reminderDates(deadlineDate: string, daysBefore: readonly number[]): string[] {
  for (const days of daysBefore)
    if (!Number.isInteger(days) || days < 1 || days > reminder_days_before_max)
      throw invalid('Påminnelse: ange 1–90 dagar före.', [
        { field: 'reminderDaysBefore', message: `Påminnelse: ${days} ska vara 1–${reminder_days_before_max} dagar.` },
      ]);
  return [...new Set(daysBefore.map((days) => addDays(deadlineDate, -days)))].sort();
}

export const deadlineKinds = ['samrad', 'budget', 'interim-report', 'annual-report'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export interface Deadline {
  kind: DeadlineKind;
  /** The budget year the deadline belongs to. */
  year: number;
  date: string;
  /** The last on-time instant, UTC ISO. */
  dueBy: string;
  reminders: string[];
  /** For a delårsrapport: the end of the period it reports (its deadline comes after). */
  periodEnd?: string;
}

/** Every deadline of budget year Y, in date order, each with its reminders (the decision calendar). */
export function budgetYearDeadlines(year: number, settings: DeadlineSettings): Deadline[] {
  const reminderDays = settings.deadlines.reminderDaysBefore;
  const make = (kind: DeadlineKind, date: string, periodEnd?: string): Deadline => ({
    kind,
    year,
    date,
    dueBy: deadlineInstant(date).iso,
    reminders: reminderDates(date, reminderDays),
    ...(periodEnd ? { periodEnd } : {}),
  });
  return [
    make('samrad', samradDeadline(year, settings)),
    make('budget', budgetDeadline(year, settings)),
    ...interimReportDates(year, settings).map((periodEnd) =>
      make('interim-report', interimReportDeadline(periodEnd, settings), periodEnd),
    ),
    make('annual-report', annualReportDeadline(year, settings)),
  ].sort((a, b) => a.date.localeCompare(b.date) || deadlineKinds.indexOf(a.kind) - deadlineKinds.indexOf(b.kind));
}
