import { describe, expect, it } from 'vitest';
import { auditYear, boardYear, cyclePath, defaultYear, nationalPath, planningYear } from './cycle-paths.ts';

describe('the budget year a page opens on', () => {
  it('is next year from August, when its planning opens, and this year before', () => {
    expect(planningYear('2026-07-31')).toBe(2026);
    expect(planningYear('2026-08-01')).toBe(2026 + 1);
    expect(planningYear('2026-12-31')).toBe(2027);
  });

  it('is last year for the board in the spring (årsredovisning) and next year in the autumn (budget)', () => {
    expect(boardYear('2028-03-12')).toBe(2027);
    expect(boardYear('2026-11-20')).toBe(2027);
  });

  it('is always a year that has ended for the auditors', () => {
    expect(auditYear('2028-04-02')).toBe(2027);
    expect(auditYear('2028-12-31')).toBe(2027);
  });

  it('is chosen per page', () => {
    expect(defaultYear('styrelsen', '2028-03-01')).toBe(2027);
    expect(defaultYear('revision', '2028-03-01')).toBe(2027);
    expect(defaultYear('medlem', '2028-03-01')).toBe(2028);
  });
});

describe('cycle paths', () => {
  it('escape the förbund id and put the year last', () => {
    expect(cyclePath('exempel dalen', 'budget', 2027)).toBe('/forbund/exempel%20dalen/budget/2027');
    expect(nationalPath(2027)).toBe('/nationellt/2027');
  });
});
