import {
  annualReportDeadline,
  budgetDeadline,
  isMissedVerdict,
  judgeDeadline,
  memberEvent,
  reminderDates,
  samradDeadline,
  stockholmDate,
} from '@finsam/domain';
import { type NewEvent, openEarlierYear } from '@finsam/store';
import { runAvrakning } from './avrakning-run.ts';
import { settleDeadline } from './deadlines.ts';
import type { CycleExecution } from './definitions.ts';
import type { CycleDeps } from './deps.ts';
import { executionsToResume, resumedStep } from './escalation.ts';
import { adoptOnboardedYear } from './onboarding.ts';
import { cyclePartition, cyclePrincipal } from './principal.ts';
import { yearCharter } from './year-charter.ts';

export * from './deadlines.ts';

/**
 * Where a resumed execution starts (the state it stopped at) and which execution of the year it
 * is: the first has none, the one after stop n is attempt n + 1.
 */
export interface ResumeAt {
  resumeAt: string;
  attempt: number;
}

/**
 * Starts a state-machine execution once per (kind, förbund, year, attempt): StartExecution in
 * AWS, named so that asking twice starts one.
 */
export type StartExecution = (
  kind: CycleExecution,
  forbundId: string,
  year: number,
  resume?: ResumeAt,
) => Promise<void>;

/** A year stuck that often is for people to look at; the alarm has told them many times over. */
export const execution_attempts_max = 50;

/** A planning year opens this many months before it starts (1 August of Y-1 by default). */
export const planning_opens_month = 8;

/**
 * The cycle's daily work for one förbund, run by EventBridge Scheduler in AWS and by the virtual
 * clock locally. It catches up: whatever is due by today and not yet done is done now, so a day
 * the scheduler missed, or a clock that jumps a month, loses nothing. Deadlines are judged here,
 * not in the state machines: a missed deadline is recorded once, told to the members and the
 * national view, and the execution goes on waiting for the people.
 */
export async function dailyWork(deps: CycleDeps, startExecution: StartExecution, forbundId: string): Promise<string[]> {
  const { stores, now } = deps;
  const principal = cyclePrincipal(forbundId);
  const partition = cyclePartition(forbundId);
  const today = stockholmDate(now());
  const year = Number(today.slice(0, 4));
  const done: string[] = [];

  // Planning for next year: open it from August, then watch its deadlines.
  const next = year + 1;
  if (Number(today.slice(5, 7)) >= planning_opens_month) {
    const opened = await stores.cycles.get(partition, next);
    // Asked once: the execution marks planning.started itself (and a re-ask is idempotent anyway).
    if (!opened?.steps['planning.started']) await startExecution('planning', forbundId, next);
    await stores.cycles.ensure(partition, forbundId, next, now());
  }
  const planned = await stores.cycles.get(partition, next);
  if (planned) {
    // The planned year's members answer its samråd: the charter in force when that year begins.
    const charter = await yearCharter(stores, forbundId, next);
    const samradBy = samradDeadline(next, charter.settings);
    // Each member's answer is judged by the one judge; an answer is recorded when it is given
    // (never back-dated), so a samråd deadline recorded as missed is never corrected.
    const answers = await stores.budgets.answers(principal, forbundId, next);
    const missedBy = charter.members.filter((m) => {
      const answer = answers.find((a) => a.memberId === m.id);
      return isMissedVerdict(judgeDeadline(samradBy, answer && { decidedAt: answer.answeredAt }, now()).verdict);
    });
    if (missedBy.length > 0 && (await stores.budgets.samrad(principal, forbundId, next))) {
      const missing = missedBy.filter((m) => !answers.some((a) => a.memberId === m.id)).length;
      const late = missedBy.length - missing;
      const detail = [missing > 0 ? `${missing} svar saknas` : '', late > 0 ? `${late} svar kom efter sista dag` : '']
        .filter(Boolean)
        .join(', ');
      if (await stores.cycles.markDone(partition, next, 'deadline.samrad', now(), detail)) {
        await missed(
          deps,
          forbundId,
          next,
          'samrad',
          samradBy,
          missedBy.map((m) => m.id),
        );
        done.push(`samråd ${next}: ${detail}`);
      }
    }
    const budgetBy = budgetDeadline(next, charter.settings);
    // The board's adoption is judged by settleDeadline, as it is when the adoption is recorded.
    done.push(...(await settleDeadline(deps, forbundId, next, 'budget')).done);
    await reminders(deps, forbundId, next, today, [
      ['samrad', samradBy],
      ['budget', budgetBy],
    ]);
  }

  // The year in progress: every month whose first day has come gets its avräkning.
  const adopted = (await stores.budgets.adoptions(principal, forbundId, year)).some((a) => a.adoptionKind === 'final');
  if (adopted) {
    await adoptOnboardedYear(deps, forbundId, year);
    const month = Number(today.slice(5, 7));
    for (let m = 1; m <= month; m++)
      if (await avrakningDue(deps, forbundId, year, m)) {
        await runAvrakning(deps, forbundId, year, m);
        done.push(`avräkning ${year}-${String(m).padStart(2, '0')}`);
      }
  }

  // Last year: finish December's avräkning as costs arrive, then start the closing.
  const last = year - 1;
  if ((await stores.budgets.adoptions(principal, forbundId, last)).some((a) => a.adoptionKind === 'final')) {
    await adoptOnboardedYear(deps, forbundId, last);
    for (let m = 1; m <= 12; m++)
      if (await avrakningDue(deps, forbundId, last, m)) {
        await runAvrakning(deps, forbundId, last, m);
        done.push(`avräkning ${last}-${String(m).padStart(2, '0')}`);
      }
    const state = await stores.cycles.get(partition, last);
    const allMonths = Array.from({ length: 12 }, (_, i) => `avrakning.${String(i + 1).padStart(2, '0')}`);
    // Started once: Step Functions would accept the same name again 90 days after the first ended.
    // And only once the year before is closed (the year-sequence rule): until then the closing
    // waits here, not in a bokslut task that would fail.
    if (
      state &&
      allMonths.every((step) => state.steps[step]) &&
      !state.steps['closing.started'] &&
      (await openEarlierYear(stores, principal, forbundId, last)) === undefined
    ) {
      await startExecution('closing', forbundId, last);
      await stores.cycles.markDone(partition, last, 'closing.started', now());
    }
    const reportBy = annualReportDeadline(last, (await yearCharter(stores, forbundId, last)).settings);
    done.push(...(await settleDeadline(deps, forbundId, last, 'annual-report')).done);
    await reminders(deps, forbundId, last, today, [['annual-report', reportBy]]);
  }

  // Executions that stopped (escalated, or reached the end of their year) go on in a new one,
  // at the step they stopped at. Two years back: a closing that has waited past a year.
  for (const stopped of [last - 1, last, year, next])
    done.push(...(await resumeStopped(deps, startExecution, forbundId, stopped)));
  return done;
}

/**
 * Starts again every execution of the year that stopped and is not done, recorded as resumed
 * once it is asked for (the start is idempotent by name, so a crash in between asks again).
 */
async function resumeStopped(deps: CycleDeps, startExecution: StartExecution, forbundId: string, year: number) {
  const partition = cyclePartition(forbundId);
  const done: string[] = [];
  for (const stop of executionsToResume(await deps.stores.cycles.get(partition, year))) {
    const attempt = stop.attempt + 1;
    if (attempt > execution_attempts_max) continue;
    await startExecution(stop.execution, forbundId, year, { resumeAt: stop.state, attempt });
    if (await deps.stores.cycles.markDone(partition, year, resumedStep(stop.execution, stop.attempt), deps.now()))
      done.push(`${stop.execution === 'planning' ? 'planeringen' : 'bokslutet'} ${year} fortsätter`);
  }
  return done;
}

/**
 * A month is due when it has never run, when costs came in after its last run, or when its last
 * run saved a complete month but stopped before marking the step done (a crash between the two
 * writes): the closing waits for all twelve steps, so such a month would hold the year open for
 * good. Running it again books nothing twice (vouchers by key, events by id) and marks the step.
 */
async function avrakningDue(deps: CycleDeps, forbundId: string, year: number, month: number): Promise<boolean> {
  const principal = cyclePrincipal(forbundId);
  const run = await deps.stores.avrakning.run(principal, forbundId, year, month);
  if (!run) return true;
  if (run.complete) {
    const state = await deps.stores.cycles.get(cyclePartition(forbundId), year);
    return state?.steps[`avrakning.${String(month).padStart(2, '0')}`] === undefined;
  }
  const costs = await deps.stores.avrakning.costs(principal, forbundId, year, month);
  return costs.some((record) => record.reportedAt > run.runAt);
}

async function missed(
  deps: CycleDeps,
  forbundId: string,
  year: number,
  kind: string,
  deadline: string,
  memberIds: string[],
) {
  const events: NewEvent[] = memberIds.map((memberId) =>
    memberEvent('deadline.missed', `deadline.missed:${year}:${kind}:${memberId}`, memberId, {
      year,
      deadline: kind,
      dueDate: deadline,
    }),
  );
  await deps.stores.outbox.emit(cyclePartition(forbundId), forbundId, events, deps.now());
}

/** Reminders before a deadline are recorded once each; the förbund's task list shows them. */
async function reminders(
  deps: CycleDeps,
  forbundId: string,
  year: number,
  today: string,
  deadlines: [string, string][],
) {
  const charter = await deps.stores.charters.current(cyclePrincipal(forbundId), forbundId);
  for (const [kind, date] of deadlines)
    for (const remindOn of reminderDates(date, charter.settings.deadlines.reminderDaysBefore))
      if (remindOn <= today && today <= date)
        await deps.stores.cycles.markDone(
          cyclePartition(forbundId),
          year,
          `reminder.${kind}.${remindOn}`,
          deps.now(),
          date,
        );
}
