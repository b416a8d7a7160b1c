import { describe, expect, it } from 'vitest';
import { decidedAtFor } from './decision-date.ts';

describe('the date of a board decision', () => {
  it('is left to the API (now) when blank or today', () => {
    expect(decidedAtFor('', '2026-11-20')).toBeUndefined();
    expect(decidedAtFor('2026-11-20', '2026-11-20')).toBeUndefined();
  });

  it('is midday UTC of an earlier date, the same date in Stockholm', () => {
    expect(decidedAtFor('2026-11-18', '2026-11-20')).toBe('2026-11-18T12:00:00Z');
  });

  it('is null for something that is no date', () => {
    expect(decidedAtFor('18 november', '2026-11-20')).toBeNull();
    expect(decidedAtFor('2026-13-45', '2026-11-20')).toBeNull();
  });
});
