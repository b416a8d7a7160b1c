import { annualReportDeadline, budgetDeadline, deadlineInstant, samradDeadline } from '@finsam/domain';
import type { Stores } from '@finsam/store';
import type { HumanStep } from './definitions.ts';
import { dischargeAnswerBy } from './tasks/closing.ts';
import { yearCharter } from './year-charter.ts';

/**
 * How long a human step may wait before its execution escalates (the TimeoutSecondsPath of its
 * `.waitForTaskToken` state). The deadline itself is judged by the daily run, which records it as
 * missed and tells the members; the wait times out a margin later, so the escalation follows the
 * judgement and never comes before it. No wait reaches past the execution's year: a Standard
 * execution lives at most one year, and one that timed out would fail where nothing resumes it.
 */

const day_seconds = 24 * 60 * 60;
/** A Standard execution's longest life. */
export const execution_lifetime_seconds = 365 * day_seconds;
/** Left of the year for the tasks after the last wait and the escalation itself. */
const execution_reserve_seconds = 2 * day_seconds;
/** After the deadline: room for the daily run to judge it and for a late act to arrive. */
export const deadline_margin_seconds = 7 * day_seconds;
/** A step without a deadline of its own (the board's resolution of a refusal) waits this long. */
export const undated_wait_seconds = 90 * day_seconds;
/**
 * A step resumed after its deadline had passed waits this long before it escalates again: the
 * förbund is reminded monthly, not daily, while it is late.
 */
export const repeat_wait_seconds = 30 * day_seconds;

/** The day a human step of year Y is due by (Stockholm date), or undefined when it has none. */
export async function humanStepDeadline(
  stores: Stores,
  forbundId: string,
  year: number,
  step: HumanStep,
): Promise<string | undefined> {
  const { settings } = await yearCharter(stores, forbundId, year);
  switch (step) {
    case 'samrad.opened':
    case 'samrad.answered':
      // The samråd opens in time for the members to answer by its deadline.
      return samradDeadline(year, settings);
    case 'budget.adopted':
      return budgetDeadline(year, settings);
    case 'annual-report.adopted':
      return annualReportDeadline(year, settings);
    case 'audit.completed':
    case 'discharge.decided':
      // The auditors report before the members decide, and the members decide by this day.
      return dischargeAnswerBy(year);
    case 'discharge.resolved':
      return undefined;
  }
}

/** When a step's wait is over: its deadline's last instant plus the margin (epoch seconds). */
export function escalationDueSeconds(deadline: string | undefined, enteredAt: Date): number {
  if (deadline === undefined) return Math.floor(enteredAt.getTime() / 1000) + undated_wait_seconds;
  return Math.floor(deadlineInstant(deadline).epochMs / 1000) + deadline_margin_seconds;
}

/**
 * The seconds a step entered at `now` may wait: until its deadline plus the margin, at least
 * `repeat_wait_seconds` once that has passed, and never past the execution's year (then at
 * least one second: the wait times out at once and the daily run resumes the year in a new
 * execution). Whole seconds, as ASL asks.
 */
export function stepTimeoutSeconds(deadline: string | undefined, now: Date, executionStartedAt: Date): number {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const wait = Math.max(escalationDueSeconds(deadline, now) - nowSeconds, repeat_wait_seconds);
  const yearLeft =
    Math.floor(executionStartedAt.getTime() / 1000) +
    execution_lifetime_seconds -
    execution_reserve_seconds -
    nowSeconds;
  return Math.max(1, Math.min(wait, yearLeft));
}
