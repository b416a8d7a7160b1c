import type { CycleState } from '@finsam/store';
import { settleDeadline } from './deadlines.ts';
import type { CycleExecution, CyclePayload, HumanStep } from './definitions.ts';
import type { CycleDeps } from './deps.ts';
import { isHumanStepSatisfied } from './human-steps.ts';
import { cyclePartition } from './principal.ts';
import { escalationDueSeconds, execution_lifetime_seconds, humanStepDeadline } from './step-timeouts.ts';

/**
 * When an execution cannot go on (a wait reached its timeout, a task failed every retry), it
 * escalates instead of failing: the stop is recorded in `CYCLE#<year>` (the truth the daily run
 * resumes from and the portal shows), the deadline is settled as missed, and the task function
 * counts it for the alarm. Three reasons, told apart here:
 *
 * - `late`: a human step waited past its deadline and margin. The förbund gets a task; alarmed.
 * - `failed`: a task, or the saving of a token, failed every retry. The förbund gets a task
 *   (the daily run resumes it every night until it succeeds); alarmed.
 * - `continued`: the wait reached the end of the execution's year before its deadline. Not a
 *   problem of anyone's: the daily run continues in a new execution, without an alarm.
 */
export type EscalationReason = 'late' | 'failed' | 'continued';

type EscalationPayload = Extract<CyclePayload, { kind: 'escalate' }>;

/** The state each human step waits in: the two are one-to-one (definitions.ts). */
const humanStepOf: Record<string, HumanStep> = {
  AwaitSamradOpened: 'samrad.opened',
  AwaitSamradAnswers: 'samrad.answered',
  AwaitBudgetAdoption: 'budget.adopted',
  AwaitAnnualReport: 'annual-report.adopted',
  AwaitAuditReports: 'audit.completed',
  AwaitDischarge: 'discharge.decided',
  AwaitDischargeResolved: 'discharge.resolved',
};
/** The cycle step a Task state records when it is done: its escalation is over once it exists. */
const doneStepOf: Record<string, string> = {
  OpenYear: 'planning.started',
  PublishBudget: 'budget.published',
  Bokslut: 'bokslut',
  RequestDischarge: 'discharge.requested',
  ReportDischarge: 'discharge.reported',
  Likvidavrakning: 'likvidavrakning',
  CloseYear: 'year.closed',
};
/** What each state is, in the words the förbund's task list uses. */
const stateLabels: Record<string, string> = {
  OpenYear: 'öppnandet av budgetåret',
  AwaitSamradOpened: 'att budgetförslaget skickas på samråd',
  AwaitSamradAnswers: 'medlemmarnas samrådssvar',
  AwaitBudgetAdoption: 'styrelsens beslut om budgeten',
  PublishBudget: 'publiceringen av budgeten',
  Bokslut: 'bokslutet',
  AwaitAnnualReport: 'att årsredovisningen antas',
  AwaitAuditReports: 'revisorernas revisionsberättelser',
  RequestDischarge: 'begäran till medlemmarna om ansvarsfrihet',
  AwaitDischarge: 'medlemmarnas beslut om ansvarsfrihet',
  ReportDischarge: 'rapporteringen av besluten om ansvarsfrihet',
  AwaitDischargeResolved: 'styrelsens beslut om vägrad ansvarsfrihet',
  Likvidavrakning: 'likvidavräkningen',
  CloseYear: 'avslutet av budgetåret',
};
/** The execution is done when this step is recorded: nothing of it is left to resume. */
export const executionDoneStep: Record<CycleExecution, string> = {
  planning: 'budget.published',
  closing: 'year.closed',
};

/** A wait ending this close to the execution's year reached the year, not its deadline. */
const year_end_slack_seconds = 3 * 24 * 60 * 60;

/** `<execution>.<escalated|continued>.<attempt>.<state>`: one record per stop, never rewritten. */
export const stopStep = (execution: CycleExecution, reason: EscalationReason, attempt: number, state: string) =>
  `${execution}.${reason === 'continued' ? 'continued' : 'escalated'}.${attempt}.${state}`;
const stopPattern = /^(planning|closing)\.(escalated|continued)\.(\d+)\.([A-Za-z]+)$/;
/** Recorded by the daily run when it has started the execution after stop `attempt`. */
export const resumedStep = (execution: CycleExecution, attempt: number) => `${execution}.resumed.${attempt}`;

export interface ExecutionStop {
  execution: CycleExecution;
  attempt: number;
  state: string;
  escalated: boolean;
  at: string;
  detail?: string;
}

/** Every stop recorded in a year's cycle state, in the order they happened. */
export function executionStops(state: CycleState | undefined): ExecutionStop[] {
  return Object.entries(state?.steps ?? {})
    .flatMap(([name, step]): ExecutionStop[] => {
      const match = stopPattern.exec(name);
      if (!match) return [];
      return [
        {
          execution: match[1] as CycleExecution,
          escalated: match[2] === 'escalated',
          attempt: Number(match[3]),
          state: match[4] as string,
          at: step.at,
          ...(step.detail ? { detail: step.detail } : {}),
        },
      ];
    })
    .sort((a, b) => a.attempt - b.attempt);
}

export async function escalate(deps: CycleDeps, payload: EscalationPayload): Promise<EscalationReason> {
  const { stores, now } = deps;
  const { forbundId, year, execution, attempt, state } = payload;
  const partition = cyclePartition(forbundId);
  const step = humanStepOf[state];
  const label = stateLabels[state] ?? 'ett steg i årscykeln';
  const deadline = step ? await humanStepDeadline(stores, forbundId, year, step) : undefined;
  const reason = reasonOf(payload, deadline, now());
  const detail =
    reason === 'failed'
      ? `Årscykeln kunde inte genomföra ${label}. Den försöker igen varje natt; kontakta supporten om det består.`
      : reason === 'late'
        ? `Årscykeln väntar fortfarande på ${label}${deadline ? ` (sista dag ${deadline})` : ''}.`
        : `Årscykeln fortsätter vänta på ${label} i en ny körning.`;
  await stores.cycles.ensure(partition, forbundId, year, now());
  // A late board decision is also recorded as a missed deadline and told to the members, as the
  // daily run would: the escalation does not depend on the daily run having worked.
  if (reason === 'late' && step === 'budget.adopted') await settleDeadline(deps, forbundId, year, 'budget');
  if (reason === 'late' && step === 'annual-report.adopted')
    await settleDeadline(deps, forbundId, year, 'annual-report');
  await stores.cycles.markDone(partition, year, stopStep(execution, reason, attempt, state), now(), detail);
  return reason;
}

function reasonOf(payload: EscalationPayload, deadline: string | undefined, now: Date): EscalationReason {
  if (payload.error.Error !== 'States.Timeout' || !humanStepOf[payload.state]) return 'failed';
  // Past its deadline and margin, a step is late, whatever else ended the wait.
  if (deadline !== undefined && now.getTime() / 1000 >= escalationDueSeconds(deadline, now)) return 'late';
  const started = Date.parse(payload.executionStartedAt);
  const yearEnds = started / 1000 + execution_lifetime_seconds - year_end_slack_seconds;
  // A wait that ended with the execution's year goes on in the next execution; an undated step
  // that waited its whole time is late.
  return Number.isFinite(started) && now.getTime() / 1000 >= yearEnds ? 'continued' : 'late';
}

/**
 * The escalations the förbund still has to act on: per execution, its latest stop, when it was
 * escalated (not merely continued), the execution is not done, and the stopped state is not
 * passed since (the people acted, or the resumed task succeeded). What the task list shows.
 */
export async function openEscalations(deps: CycleDeps, forbundId: string, year: number): Promise<ExecutionStop[]> {
  const state = await deps.stores.cycles.get(cyclePartition(forbundId), year);
  const stops = executionStops(state);
  const open: ExecutionStop[] = [];
  for (const execution of ['planning', 'closing'] as const) {
    const latest = stops.filter((stop) => stop.execution === execution).at(-1);
    if (!latest?.escalated || state?.steps[executionDoneStep[execution]]) continue;
    const step = humanStepOf[latest.state];
    const passed = step
      ? await isHumanStepSatisfied(deps.stores, forbundId, year, step, deps.now())
      : state?.steps[doneStepOf[latest.state] ?? ''] !== undefined;
    if (!passed) open.push(latest);
  }
  return open;
}

/**
 * The executions of a year that stopped and are not yet resumed, with where to resume: what the
 * daily run starts again. An execution that is done is never resumed.
 */
export function executionsToResume(state: CycleState | undefined): ExecutionStop[] {
  const stops = executionStops(state);
  return (['planning', 'closing'] as const).flatMap((execution) => {
    const latest = stops.filter((stop) => stop.execution === execution).at(-1);
    if (!latest || state?.steps[executionDoneStep[execution]] || state?.steps[resumedStep(execution, latest.attempt)])
      return [];
    return [latest];
  });
}
