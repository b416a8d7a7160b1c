import { describe, expect, it } from 'vitest';
import type { CycleTimeline } from '../api/cycle-types.ts';
import { nextDeadlines, overdueDeadlines, relativeDay, stepLabel, timelineEntries } from './timeline.ts';

const timeline: CycleTimeline = {
  year: 2027,
  today: '2026-11-20',
  steps: {
    'planning.started': { at: '2026-09-01T08:00:00.000Z' },
    'reminder.budget.2026-11-16': { at: '2026-11-20T08:00:00.000Z', detail: '2026-11-30' },
  },
  deadlines: [
    { kind: 'samrad', date: '2026-10-31', label: 'Samrådssvar från medlemmarna', status: 'done' },
    { kind: 'budget', date: '2026-11-30', label: 'Budget antagen av styrelsen', status: 'upcoming' },
    { kind: 'interim-report', date: '2027-08-31', label: 'Delårsrapport', status: 'upcoming' },
    { kind: 'annual-report', date: '2028-03-31', label: 'Årsredovisning antagen', status: 'upcoming' },
  ],
  tasks: [],
};

describe('the timeline of a budget year', () => {
  it('puts steps and deadlines in date order with today after what is dated today', () => {
    const entries = timelineEntries(timeline);
    expect(entries.map((entry) => `${entry.date} ${entry.kind}`)).toEqual([
      '2026-09-01 step',
      '2026-10-31 deadline',
      '2026-11-20 step',
      '2026-11-20 today',
      '2026-11-30 deadline',
      '2027-08-31 deadline',
      '2028-03-31 deadline',
    ]);
    expect(entries[2]).toMatchObject({
      label: 'Påminnelse inför sista dag för budgetbeslut',
      detail: 'sista dag 2026-11-30',
    });
  });

  it('puts today last when every date has passed', () => {
    const entries = timelineEntries({ ...timeline, today: '2028-05-01' });
    expect(entries.at(-1)).toEqual({ kind: 'today', date: '2028-05-01' });
  });

  it('names every step in Swedish, a step it does not know too', () => {
    expect(stepLabel('avrakning.01', 2027)).toBe('Avräkningen för januari 2027 är gjord');
    expect(stepLabel('bokslut', 2027)).toContain('Bokslutet är klart');
    expect(stepLabel('something.new', 2027)).toBe('Ett steg i årscykeln är gjort');
  });

  it('lists the nearest deadlines ahead and those overdue', () => {
    expect(nextDeadlines(timeline).map((deadline) => deadline.kind)).toEqual(['budget', 'interim-report']);
    const late = { ...timeline, deadlines: timeline.deadlines.map((d) => ({ ...d, status: 'overdue' as const })) };
    expect(overdueDeadlines(late)).toHaveLength(4);
  });

  it('says how far away a day is', () => {
    expect(relativeDay('2026-11-20', '2026-11-30')).toBe('om 10 dagar');
    expect(relativeDay('2026-11-20', '2026-11-21')).toBe('i morgon');
    expect(relativeDay('2026-11-20', '2026-11-17')).toBe('för 3 dagar sedan');
    expect(relativeDay('2026-11-20', '2026-11-20')).toBe('i dag');
  });
});
