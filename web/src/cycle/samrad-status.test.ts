import { describe, expect, it } from 'vitest';
import type { BudgetYear } from '../api/cycle-types.ts';
import { samradStatuses, samradSummary } from './samrad-status.ts';

const answer = (memberId: string, late: boolean) => ({
  memberId,
  answer: 'agree' as const,
  comments: '',
  budgetVersion: 1,
  answeredAt: '2026-10-10T08:00:00Z',
  answeredBy: 'x',
  late,
});

const budget = {
  contributions: [
    { memberId: 'fk', name: 'Försäkringskassan', type: 'fk', amount: '2000000.00' },
    { memberId: 'alfa', name: 'Alfa kommun', type: 'kommun', amount: '750000.00' },
    { memberId: 'beta', name: 'Beta kommun', type: 'kommun', amount: '250000.00' },
  ],
  samrad: {
    budgetVersion: 1,
    deadline: '2026-10-31',
    openedAt: '2026-09-01T08:00:00Z',
    openedBy: 'ekonom',
    answers: [answer('fk', false), answer('alfa', true)],
  },
} as unknown as BudgetYear;

describe('samråd status per member', () => {
  it('tells answered, late and waiting apart on the deadline day', () => {
    expect(samradStatuses(budget, '2026-10-31').map((status) => status.state)).toEqual(['answered', 'late', 'waiting']);
  });

  it('calls an answer missing from the day after the deadline', () => {
    expect(samradStatuses(budget, '2026-11-01')[2]?.state).toBe('missing');
    expect(samradSummary(samradStatuses(budget, '2026-11-01'))).toBe('2 av 3 medlemmar har svarat.');
  });

  it('has nothing to show before the samråd is opened', () => {
    expect(samradStatuses({ ...budget, samrad: null }, '2026-10-01')).toEqual([]);
  });
});
