import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charterSettingsSchema } from '../charter/schema.ts';
import { FinsamError } from '../errors.ts';
import {
  annualReportDeadline,
  budgetDeadline,
  budgetYearDeadlines,
  deadlineInstant,
  interimReportDates,
  interimReportDeadline,
  isOnTime,
  reminderDates,
  samradDeadline,
  stockholmDate,
  stockholmStartOfDay,
} from './calendar.ts';
import { addDays, dateOf, days30E360, daysBetween, monthDayInYear } from './dates.ts';

const defaults = charterSettingsSchema.parse({});

describe('deadlines in Stockholm time', () => {
  it('ends 30 November at 23:59:59.999 CET, which is 22:59:59.999 UTC', () => {
    expect(deadlineInstant('2027-11-30')).toEqual({
      epochMs: Date.parse('2027-11-30T22:59:59.999Z'),
      iso: '2027-11-30T22:59:59.999Z',
    });
  });

  it('is on time at the last millisecond of the day and late at midnight Stockholm time', () => {
    expect(isOnTime('2027-11-30T23:59:59.999+01:00', '2027-11-30')).toBe(true);
    expect(isOnTime('2027-12-01T00:00:00+01:00', '2027-11-30')).toBe(false);
    expect(isOnTime(new Date('2027-11-30T22:59:59.999Z'), '2027-11-30')).toBe(true);
    expect(isOnTime(new Date('2027-11-30T23:00:00.000Z'), '2027-11-30')).toBe(false);
    // Earlier in the day in UTC terms but already 1 December in Stockholm.
    expect(isOnTime('2027-11-30T23:30:00Z', '2027-11-30')).toBe(false);
  });

  it('uses CEST in summer: 30 June ends at 21:59:59.999 UTC', () => {
    expect(deadlineInstant('2027-06-30').iso).toBe('2027-06-30T21:59:59.999Z');
    expect(isOnTime('2027-06-30T23:59:59.999+02:00', '2027-06-30')).toBe(true);
    expect(isOnTime('2027-07-01T00:00:00+02:00', '2027-06-30')).toBe(false);
  });

  it('handles the spring change (28 March 2027, a 23-hour day)', () => {
    // 27 March ends in CET; 28 March starts in CET and ends in CEST.
    expect(deadlineInstant('2027-03-27').iso).toBe('2027-03-27T22:59:59.999Z');
    expect(deadlineInstant('2027-03-28').iso).toBe('2027-03-28T21:59:59.999Z');
    expect(stockholmStartOfDay('2027-03-29') - stockholmStartOfDay('2027-03-28')).toBe(23 * 3_600_000);
    expect(isOnTime('2027-03-28T23:59:59.999+02:00', '2027-03-28')).toBe(true);
    expect(isOnTime('2027-03-29T00:00:00+02:00', '2027-03-28')).toBe(false);
  });

  it('handles the autumn change (31 October 2027, a 25-hour day)', () => {
    expect(deadlineInstant('2027-10-30').iso).toBe('2027-10-30T21:59:59.999Z');
    expect(deadlineInstant('2027-10-31').iso).toBe('2027-10-31T22:59:59.999Z');
    expect(stockholmStartOfDay('2027-11-01') - stockholmStartOfDay('2027-10-31')).toBe(25 * 3_600_000);
    expect(isOnTime('2027-10-31T23:59:59.999+01:00', '2027-10-31')).toBe(true);
    expect(isOnTime('2027-11-01T00:00:00+01:00', '2027-10-31')).toBe(false);
  });

  it('gives the Stockholm date of an instant', () => {
    expect(stockholmDate('2027-11-30T23:30:00Z')).toBe('2027-12-01');
    expect(stockholmDate('2027-06-30T21:59:59Z')).toBe('2027-06-30');
    expect(stockholmDate('2027-06-30T22:00:00Z')).toBe('2027-07-01');
    expect(stockholmDate(Date.parse('2027-01-01T00:00:00+01:00'))).toBe('2027-01-01');
  });

  it('refuses an instant without a time zone and a date that does not exist', () => {
    expect(() => isOnTime('2027-11-30T23:00:00', '2027-11-30')).toThrow(FinsamError);
    expect(() => deadlineInstant('2027-02-30')).toThrow(FinsamError);
    expect(() => stockholmDate('igår')).toThrow(FinsamError);
  });

  it('puts the last on-time millisecond of every date on that date, and the next on the next', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2199-12-30'), noInvalidDate: true }), (day) => {
        const date = day.toISOString().slice(0, 10);
        const { epochMs } = deadlineInstant(date);
        expect(stockholmDate(epochMs)).toBe(date);
        expect(stockholmDate(epochMs + 1)).toBe(addDays(date, 1));
        expect(isOnTime(new Date(epochMs), date)).toBe(true);
        expect(isOnTime(new Date(epochMs + 1), date)).toBe(false);
      }),
    );
  });
});

describe('the charter deadlines of a budget year', () => {
  it('places the Finsam defaults around budget year 2028', () => {
    expect(samradDeadline(2028, defaults)).toBe('2027-10-31');
    expect(budgetDeadline(2028, defaults)).toBe('2027-11-30');
    expect(interimReportDates(2028, defaults)).toEqual(['2028-08-31']);
    expect(annualReportDeadline(2028, defaults)).toBe('2029-03-31');
  });

  it('lists the decision calendar in date order with reminders 14 and 3 days before', () => {
    expect(budgetYearDeadlines(2028, defaults)).toEqual([
      {
        kind: 'samrad',
        year: 2028,
        date: '2027-10-31',
        dueBy: '2027-10-31T22:59:59.999Z',
        reminders: ['2027-10-17', '2027-10-28'],
      },
      {
        kind: 'budget',
        year: 2028,
        date: '2027-11-30',
        dueBy: '2027-11-30T22:59:59.999Z',
        reminders: ['2027-11-16', '2027-11-27'],
      },
      {
        // Due 45 days after its period ends (31 August), not on the period end itself.
        kind: 'interim-report',
        year: 2028,
        date: '2028-10-15',
        dueBy: '2028-10-15T21:59:59.999Z',
        reminders: ['2028-10-01', '2028-10-12'],
        periodEnd: '2028-08-31',
      },
      {
        kind: 'annual-report',
        year: 2028,
        date: '2029-03-31',
        dueBy: '2029-03-31T21:59:59.999Z',
        reminders: ['2029-03-17', '2029-03-28'],
      },
    ]);
  });

  it('sorts interim reports and takes a day the month lacks as its last day', () => {
    const settings = charterSettingsSchema.parse({
      deadlines: { interimReports: ['08-31', '04-30'], annualReport: '02-29' },
    });
    expect(interimReportDates(2027, settings)).toEqual(['2027-04-30', '2027-08-31']);
    expect(annualReportDeadline(2026, settings)).toBe('2027-02-28');
    expect(annualReportDeadline(2027, settings)).toBe('2028-02-29');
    expect(monthDayInYear(2027, '04-31')).toBe('2027-04-30');
  });

  it('puts each delårsrapport’s deadline the charter’s days after its period, across a year end', () => {
    const settings = charterSettingsSchema.parse({
      deadlines: { interimReports: ['04-30', '11-30'], interimReportDueDays: 40 },
    });
    expect(interimReportDeadline('2027-04-30', settings)).toBe('2027-06-09');
    expect(interimReportDeadline('2027-11-30', settings)).toBe('2028-01-09');
    expect(interimReportDeadline('2027-08-31', defaults)).toBe('2027-10-15');
    expect(() => charterSettingsSchema.parse({ deadlines: { interimReportDueDays: 0 } })).toThrow();
  });

  it('gives reminders across a month and year boundary, without repeats, and refuses silly ones', () => {
    expect(reminderDates('2028-01-02', [3, 3, 14])).toEqual(['2027-12-19', '2027-12-30']);
    expect(() => reminderDates('2028-01-02', [0])).toThrow(FinsamError);
    expect(() => reminderDates('2028-01-02', [91])).toThrow(FinsamError);
  });
});

describe('civil date arithmetic', () => {
  it('counts actual days and 30E/360 days', () => {
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(days30E360('2028-01-01', '2029-01-01')).toBe(360);
    expect(days30E360('2027-01-31', '2027-02-01')).toBe(1);
    expect(days30E360('2027-02-01', '2027-03-01')).toBe(30);
    expect(dateOf(2027, 3, 9)).toBe('2027-03-09');
  });
});
