import { isOnTime } from './calendar.ts';

/**
 * The one judge of a deadline (DOMAIN.md §2: a missed deadline is shown, reported and told, never
 * silently ignored; and never told both ways).
 *
 * Rule: a deadline is judged by the decision's decidedAt; until a decision exists, by today.
 *
 * - pending: no decision, and the deadline day has not ended in Stockholm;
 * - missed-open: no decision, and the deadline day has ended;
 * - met: a decision taken (decidedAt) no later than the last instant of the deadline day;
 * - missed: a decision taken after it.
 *
 * When a decision is recorded does not matter, only when it was taken: a board decision entered
 * a week late but dated before the deadline met it. So the verdict "missed-open" is provisional
 * (a back-dated decision can still turn it into "met"), while "met" and "missed" rest on a
 * decision, which is never undone, and are final.
 */
export const deadlineVerdicts = ['pending', 'met', 'missed-open', 'missed'] as const;
export type DeadlineVerdict = (typeof deadlineVerdicts)[number];

export interface DeadlineJudgement {
  /** The deadline day, YYYY-MM-DD in Stockholm. */
  dueDate: string;
  verdict: DeadlineVerdict;
  /** When the decision the verdict rests on was taken; absent while there is none. */
  decidedAt?: string;
}

export function judgeDeadline(
  dueDate: string,
  decision: { decidedAt: string } | undefined,
  today: Date | string,
): DeadlineJudgement {
  if (decision)
    return {
      dueDate,
      verdict: isOnTime(decision.decidedAt, dueDate) ? 'met' : 'missed',
      decidedAt: decision.decidedAt,
    };
  return { dueDate, verdict: isOnTime(today, dueDate) ? 'pending' : 'missed-open' };
}

/** Missed, with or without a (late) decision: what is recorded, told and reported as missed. */
export function isMissedVerdict(verdict: DeadlineVerdict): boolean {
  return verdict === 'missed' || verdict === 'missed-open';
}

/** Resting on a decision, so final: a later judgement made without the decision is stale. */
export function isFinalVerdict(verdict: DeadlineVerdict): boolean {
  return verdict === 'met' || verdict === 'missed';
}
