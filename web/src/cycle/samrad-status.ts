import type { BudgetYear, SamradAnswer } from '../api/cycle-types.ts';

/** Where one member stands in the samråd: answered in time, answered late, or not (yet) answered. */
export type SamradState = 'answered' | 'late' | 'waiting' | 'missing';

export interface MemberSamrad {
  memberId: string;
  name: string;
  state: SamradState;
  answer?: SamradAnswer;
}

export const samradStateNames: Record<SamradState, string> = {
  answered: 'Har svarat',
  late: 'Svarade för sent',
  waiting: 'Väntar på svar',
  missing: 'Svar saknas, sista dagen har passerat',
};

/**
 * Every member's samråd status. The deadline is a date in Stockholm: an answer is missing only
 * from the day after it (`today` is YYYY-MM-DD in Stockholm).
 */
export function samradStatuses(budget: BudgetYear, today: string): MemberSamrad[] {
  const round = budget.samrad;
  if (!round) return [];
  return budget.contributions.map(({ memberId, name }) => {
    const answer = round.answers.find((candidate) => candidate.memberId === memberId);
    if (answer) return { memberId, name, state: answer.late ? 'late' : 'answered', answer };
    return { memberId, name, state: today > round.deadline ? 'missing' : 'waiting' };
  });
}

/** "3 av 5 medlemmar har svarat." */
export function samradSummary(statuses: MemberSamrad[]): string {
  const answered = statuses.filter((status) => status.answer).length;
  return `${answered} av ${statuses.length} medlemmar har svarat.`;
}
