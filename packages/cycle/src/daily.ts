import {
  annualReportDeadline,
  budgetDeadline,
  isOnTime,
  memberEvent,
  reminderDates,
  samradDeadline,
  stockholmDate,
} from '@finsam/domain';
import type { NewEvent } from '@finsam/store';
import { publishAggregate } from './aggregates.ts';
import { runAvrakning } from './avrakning-run.ts';
import type { CycleExecution } from './definitions.ts';
import type { CycleDeps } from './deps.ts';
import { cyclePartition, cyclePrincipal } from './principal.ts';

/** Starts a state-machine execution once per (kind, förbund, year): StartExecution in AWS. */
export type StartExecution = (kind: CycleExecution, forbundId: string, year: number) => Promise<void>;

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
  const charter = await stores.charters.current(principal, forbundId);

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
    const samradBy = samradDeadline(next, charter.settings);
    const answers = await stores.budgets.answers(principal, forbundId, next);
    const missingAnswers = charter.members.filter((m) => !answers.some((a) => a.memberId === m.id));
    if (
      !isOnTime(now(), samradBy) &&
      missingAnswers.length > 0 &&
      (await stores.budgets.samrad(principal, forbundId, next))
    )
      if (
        await stores.cycles.markDone(partition, next, 'deadline.samrad', now(), `${missingAnswers.length} svar saknas`)
      ) {
        await missed(
          deps,
          forbundId,
          next,
          'samrad',
          samradBy,
          missingAnswers.map((m) => m.id),
        );
        done.push(`samråd ${next}: ${missingAnswers.length} svar saknas`);
      }
    const budgetBy = budgetDeadline(next, charter.settings);
    const adoptions = await stores.budgets.adoptions(principal, forbundId, next);
    const final = adoptions.find((a) => a.adoptionKind === 'final');
    const lateOrMissing = final ? !final.onTime : !isOnTime(now(), budgetBy);
    if (lateOrMissing && (final || !isOnTime(now(), budgetBy)))
      if (
        await stores.cycles.markDone(partition, next, 'deadline.budget', now(), final ? 'sent antagen' : 'ej antagen')
      ) {
        await missed(
          deps,
          forbundId,
          next,
          'budget',
          budgetBy,
          charter.members.map((m) => m.id),
        );
        await publishAggregate(deps, forbundId, next, {
          budget: {
            adopted: final !== undefined,
            onTime: false,
            preliminaryOnly: !final && adoptions.some((a) => a.adoptionKind === 'preliminary'),
          },
          deadlinesMissed: [`budget ${budgetBy}`],
        });
        done.push(`budget ${next}: sista dag ${budgetBy} missad`);
      }
    await reminders(deps, forbundId, next, today, [
      ['samrad', samradBy],
      ['budget', budgetBy],
    ]);
  }

  // The year in progress: every month whose first day has come gets its avräkning.
  const adopted = (await stores.budgets.adoptions(principal, forbundId, year)).some((a) => a.adoptionKind === 'final');
  if (adopted) {
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
    for (let m = 1; m <= 12; m++)
      if (await avrakningDue(deps, forbundId, last, m)) {
        await runAvrakning(deps, forbundId, last, m);
        done.push(`avräkning ${last}-${String(m).padStart(2, '0')}`);
      }
    const state = await stores.cycles.get(partition, last);
    const allMonths = Array.from({ length: 12 }, (_, i) => `avrakning.${String(i + 1).padStart(2, '0')}`);
    // Started once: Step Functions would accept the same name again 90 days after the first ended.
    if (state && allMonths.every((step) => state.steps[step]) && !state.steps['closing.started']) {
      await startExecution('closing', forbundId, last);
      await stores.cycles.markDone(partition, last, 'closing.started', now());
    }
    const reportBy = annualReportDeadline(last, charter.settings);
    if (!isOnTime(now(), reportBy) && !(await stores.closing.annualReport(principal, forbundId, last)))
      if (await stores.cycles.markDone(partition, last, 'deadline.annual-report', now())) {
        await missed(
          deps,
          forbundId,
          last,
          'annual-report',
          reportBy,
          charter.members.map((m) => m.id),
        );
        await publishAggregate(deps, forbundId, last, {
          annualReport: { adopted: false, onTime: false },
          deadlinesMissed: [`årsredovisning ${reportBy}`],
        });
        done.push(`årsredovisning ${last}: sista dag ${reportBy} missad`);
      }
    await reminders(deps, forbundId, last, today, [['annual-report', reportBy]]);
  }
  return done;
}

/** A month is due when it has never run, or when costs came in after its last run. */
async function avrakningDue(deps: CycleDeps, forbundId: string, year: number, month: number): Promise<boolean> {
  const principal = cyclePrincipal(forbundId);
  const run = await deps.stores.avrakning.run(principal, forbundId, year, month);
  if (!run) return true;
  if (run.complete) return false;
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
