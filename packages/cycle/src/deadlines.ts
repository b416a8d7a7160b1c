import { FinsamError, isMissedVerdict, memberEvent, stockholmDate } from '@finsam/domain';
import type { NewEvent } from '@finsam/store';
import { publishAggregate } from './aggregates.ts';
import { type DecisionDeadline, type RecordedJudgement, recordedJudgement } from './deadline-records.ts';
import type { CycleDeps } from './deps.ts';
import { cyclePartition, cyclePrincipal } from './principal.ts';
import { yearCharter } from './year-charter.ts';

/** The cycle step that records a deadline as missed, and the one that records its correction. */
export const deadlineStep = (kind: string) => `deadline.${kind}`;
export const deadlineCorrectedStep = (kind: string) => `deadline.${kind}.corrected`;
/** The event that told a member a deadline was missed, and the one that takes it back. */
export const missedEventId = (year: number, kind: string, memberId: string) =>
  `deadline.missed:${year}:${kind}:${memberId}`;
export const metEventId = (year: number, kind: string, memberId: string) => `deadline.met:${year}:${kind}:${memberId}`;

const figureOf = { budget: 'budget', 'annual-report': 'annualReport' } as const;
const nameOf = { budget: 'budget', 'annual-report': 'årsredovisning' } as const;

/**
 * Judges a decision deadline from the records (recordedJudgement) and makes the cycle state, the
 * members and the national view agree with that one judgement. The daily work runs it, and so
 * does the recording of the decision, so neither order can leave the two disagreeing:
 *
 * - missed (no decision after the day, or a late one): recorded once as `deadline.<kind>`, told
 *   once to every member (`deadline.missed`), published as missed;
 * - met, after it had been recorded as missed (a decision dated on time, recorded after the daily
 *   check): each member that was told it was missed is told it was met (`deadline.met`), the
 *   correction is recorded as `deadline.<kind>.corrected`, and the national view is published
 *   from the judgement, which takes the deadline out of its missed list.
 *
 * Safe to run any number of times, concurrently, in any order. The daily check reads the
 * records again after telling the members: a decision recorded while it was telling them is then
 * either seen by the check, or the decision's own run sees the step and every event (see the
 * test cycle-deadlines.test.ts). Events have ids derived from the deadline, so telling twice
 * writes once.
 */
export async function settleDeadline(
  deps: CycleDeps,
  forbundId: string,
  year: number,
  kind: DecisionDeadline,
  options: { publish?: boolean; today?: Date } = {},
): Promise<{ done: string[]; judged: RecordedJudgement }> {
  const { stores, now } = deps;
  const partition = cyclePartition(forbundId);
  const done: string[] = [];
  let judged = await recordedJudgement(deps, forbundId, year, kind, options.today);
  let state = await stores.cycles.get(partition, year);
  let changed = false;
  let toldNow = false;
  if (isMissedVerdict(judged.judgement.verdict) && !state?.steps[deadlineStep(kind)]) {
    if (!state) state = await stores.cycles.ensure(partition, forbundId, year, now());
    // Told first, then recorded: a crash in between tells again (same ids) rather than never.
    await tellMissed(deps, forbundId, year, kind, judged);
    const detail = judged.decision ? 'sent antagen' : 'ej antagen';
    if (await stores.cycles.markDone(partition, year, deadlineStep(kind), now(), detail)) {
      done.push(`${nameOf[kind]} ${year}: sista dag ${judged.judgement.dueDate} missad`);
      changed = true;
    }
    toldNow = true;
    // A decision dated on time may have been recorded while the members were being told.
    judged = await recordedJudgement(deps, forbundId, year, kind, options.today);
    state = await stores.cycles.get(partition, year);
  }
  if (
    judged.judgement.verdict === 'met' &&
    state?.steps[deadlineStep(kind)] &&
    (toldNow || !state.steps[deadlineCorrectedStep(kind)])
  ) {
    const corrected = await tellMet(deps, forbundId, year, kind, judged);
    const decidedOn = stockholmDate(judged.judgement.decidedAt as string);
    if (
      await stores.cycles.markDone(
        partition,
        year,
        deadlineCorrectedStep(kind),
        now(),
        `beslut ${decidedOn}, i tid; rättelse till ${corrected} medlemmar`,
      )
    )
      done.push(`${nameOf[kind]} ${year}: beslutet ${decidedOn} höll sista dag ${judged.judgement.dueDate}; rättat`);
    changed = true;
  }
  if (changed || options.publish)
    await publishAggregate(deps, forbundId, year, { [figureOf[kind]]: judged.figure }, { today: options.today });
  return { done, judged };
}

async function tellMissed(
  deps: CycleDeps,
  forbundId: string,
  year: number,
  kind: DecisionDeadline,
  { judgement }: RecordedJudgement,
) {
  // The year's members: a kommun that joined later was never bound by this deadline.
  const charter = await yearCharter(deps.stores, forbundId, year);
  const events: NewEvent[] = charter.members.map((member) =>
    memberEvent('deadline.missed', missedEventId(year, kind, member.id), member.id, {
      year,
      deadline: kind,
      dueDate: judgement.dueDate,
    }),
  );
  await deps.stores.outbox.emit(cyclePartition(forbundId), forbundId, events, deps.now());
}

/** Only the members that were told the deadline was missed are told it was met. */
async function tellMet(
  deps: CycleDeps,
  forbundId: string,
  year: number,
  kind: DecisionDeadline,
  { judgement, decision }: RecordedJudgement,
): Promise<number> {
  const principal = cyclePrincipal(forbundId);
  const charter = await yearCharter(deps.stores, forbundId, year);
  const told = (
    await Promise.all(
      charter.members.map(async (member) =>
        (await deps.stores.outbox.get(principal, forbundId, missedEventId(year, kind, member.id)).catch(notFound))
          ? member
          : undefined,
      ),
    )
  ).filter((member) => member !== undefined);
  const events: NewEvent[] = told.map((member) =>
    memberEvent('deadline.met', metEventId(year, kind, member.id), member.id, {
      year,
      deadline: kind,
      dueDate: judgement.dueDate,
      decidedOn: stockholmDate(judgement.decidedAt as string),
      corrects: missedEventId(year, kind, member.id),
      ...(decision ? { reference: decision.decisionReference.slice(0, 100) } : {}),
      ...(member.externalReference ? { memberReference: member.externalReference } : {}),
    }),
  );
  await deps.stores.outbox.emit(cyclePartition(forbundId), forbundId, events, deps.now());
  return told.length;
}

const notFound = (error: unknown) => {
  if (error instanceof FinsamError && error.kind === 'not-found') return undefined;
  throw error;
};
