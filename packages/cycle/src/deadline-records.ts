import { annualReportDeadline, budgetDeadline, type DeadlineJudgement, judgeDeadline } from '@finsam/domain';
import type { NationalAggregate } from '@finsam/store';
import type { CycleDeps } from './deps.ts';
import { cyclePrincipal } from './principal.ts';

/** The deadlines a board decision meets or misses (the samråd is judged per member answer). */
export const decisionDeadlines = ['budget', 'annual-report'] as const;
export type DecisionDeadline = (typeof decisionDeadlines)[number];

export interface RecordedJudgement {
  kind: DecisionDeadline;
  judgement: DeadlineJudgement;
  /** The decision the judgement rests on, when one is recorded. */
  decision?: { decidedAt: string; decisionReference: string };
  /** What the national view shows for this deadline, derived from the same judgement. */
  figure: NonNullable<NationalAggregate['budget']> | NonNullable<NationalAggregate['annualReport']>;
}

/**
 * Reads the decision a deadline waits for and judges it (judgeDeadline: by the decision's
 * decidedAt; until a decision exists, by today). A decision is judged against the deadline
 * recorded with it, the one its own onTime was judged against when it was recorded; without a
 * decision, against the charter's. Every place that records, tells or publishes a deadline asks
 * here, so they cannot disagree.
 */
export async function recordedJudgement(
  { stores, now }: CycleDeps,
  forbundId: string,
  year: number,
  kind: DecisionDeadline,
  /** The instant "today" means while there is no decision; the clock's now by default. */
  today: Date = now(),
): Promise<RecordedJudgement> {
  const principal = cyclePrincipal(forbundId);
  if (kind === 'budget') {
    const adoptions = await stores.budgets.adoptions(principal, forbundId, year);
    // A preliminary budget never meets the deadline: the law asks for the budget itself.
    const final = adoptions.find((adoption) => adoption.adoptionKind === 'final');
    const dueDate =
      final?.deadline ?? budgetDeadline(year, (await stores.charters.current(principal, forbundId)).settings);
    const judgement = judgeDeadline(dueDate, final, today);
    return {
      kind,
      judgement,
      ...(final ? { decision: { decidedAt: final.decidedAt, decisionReference: final.decisionReference } } : {}),
      figure: {
        adopted: final !== undefined,
        onTime: judgement.verdict === 'met',
        preliminaryOnly: !final && adoptions.some((adoption) => adoption.adoptionKind === 'preliminary'),
        ...(final ? { decidedAt: final.decidedAt } : {}),
      },
    };
  }
  const report = await stores.closing.annualReport(principal, forbundId, year);
  const dueDate =
    report?.deadline ?? annualReportDeadline(year, (await stores.charters.current(principal, forbundId)).settings);
  const judgement = judgeDeadline(dueDate, report, today);
  return {
    kind,
    judgement,
    ...(report ? { decision: { decidedAt: report.decidedAt, decisionReference: report.decisionReference } } : {}),
    figure: { adopted: report !== undefined, onTime: judgement.verdict === 'met' },
  };
}
