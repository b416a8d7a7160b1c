import { describe, expect, it } from 'vitest';
import {
  announcement_interval_ms,
  announcementDelay,
  earliestYear,
  outcomeText,
  stepText,
} from './simulation-state.ts';

describe('earliestYear', () => {
  it('offers next year until planning starts on 15 August at 07:00 UTC, then the year after', () => {
    expect(earliestYear('2026-01-01T00:00:00.000Z')).toBe(2027);
    expect(earliestYear('2026-08-15T07:00:00.000Z')).toBe(2027);
    expect(earliestYear('2026-08-15T07:00:00.001Z')).toBe(2028);
    expect(earliestYear('2026-11-23T09:00:00.000Z')).toBe(2028);
    expect(earliestYear('2026-12-31T23:59:59.999Z')).toBe(2028);
  });
});

describe('stepText and outcomeText', () => {
  it('says the step of the total and what it is', () => {
    expect(stepText({ step: 5, total: 17, label: 'Avräkning 2027-03' })).toBe('Steg 5 av 17: Avräkning 2027-03');
    expect(stepText({ step: 0, total: 17, label: ' ' })).toBe('Steg 0 av 17');
  });

  it('says how it ended', () => {
    expect(outcomeText({ status: 'done', year: 2027 }, 'Norrdal')).toBe('Simuleringen av Norrdal 2027 är klar.');
    expect(outcomeText({ status: 'failed', year: 2027, error: 'bokslutet dröjde' }, 'Norrdal')).toBe(
      'Simuleringen av Norrdal 2027 misslyckades: bokslutet dröjde',
    );
    expect(outcomeText({ status: 'failed', year: 2027 }, 'Norrdal')).toBe('Simuleringen av Norrdal 2027 misslyckades.');
    expect(outcomeText({ status: 'running', year: 2027 }, 'Norrdal')).toBe('');
  });
});

describe('announcementDelay', () => {
  it('speaks at once the first time and for the outcome', () => {
    expect(announcementDelay(undefined, 1_000, false)).toBe(0);
    expect(announcementDelay(900, 1_000, true)).toBe(0);
  });

  it('waits out the interval after the last announcement, and not a moment longer', () => {
    expect(announcementDelay(1_000, 1_000, false)).toBe(announcement_interval_ms);
    expect(announcementDelay(1_000, 3_000, false)).toBe(announcement_interval_ms - 2_000);
    expect(announcementDelay(1_000, 1_000 + announcement_interval_ms, false)).toBe(0);
    expect(announcementDelay(1_000, 1_000_000, false)).toBe(0);
  });
});
