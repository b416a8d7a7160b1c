import type { CyclePayload, CycleTask } from './definitions.ts';
import type { CycleDeps } from './deps.ts';
import { type EscalationReason, escalate } from './escalation.ts';
import { isHumanStepSatisfied } from './human-steps.ts';
import { cyclePartition } from './principal.ts';
import { humanStepDeadline, stepTimeoutSeconds } from './step-timeouts.ts';
import { bokslut } from './tasks/bokslut.ts';
import { closeYear, reportDischarge, requestDischarge } from './tasks/closing.ts';
import { likvidavrakningTask } from './tasks/likvidavrakning.ts';
import { openYear, publishBudget } from './tasks/planning.ts';

export const cycleTaskHandlers: Record<CycleTask, (deps: CycleDeps, forbundId: string, year: number) => Promise<void>> =
  {
    openYear,
    publishBudget,
    bokslut,
    requestDischarge,
    reportDischarge,
    likvidavrakning: likvidavrakningTask,
    closeYear,
  };

/** Completes a waiting Step Functions task: SendTaskSuccess in AWS. */
export type SendTaskSuccess = (token: string) => Promise<void>;

/** What a Task state gets back: a timeout for the wait that follows, or why it escalated. */
export type CycleResult = { seconds: number } | { escalation: EscalationReason } | undefined;

/**
 * The task function of the state machines in AWS. A task runs its handler; a timeout task says
 * how long the next wait may last; a human step stores its token, or completes at once when the
 * people already acted (a redrive after a crash); an escalation records why the execution stops.
 */
export async function handleCyclePayload(
  deps: CycleDeps,
  sendTaskSuccess: SendTaskSuccess,
  payload: CyclePayload,
): Promise<CycleResult> {
  switch (payload.kind) {
    case 'task':
      await cycleTaskHandlers[payload.task](deps, payload.forbundId, payload.year);
      return undefined;
    case 'timeout': {
      const deadline = await humanStepDeadline(deps.stores, payload.forbundId, payload.year, payload.step);
      return { seconds: stepTimeoutSeconds(deadline, deps.now(), new Date(payload.executionStartedAt)) };
    }
    case 'escalate':
      return { escalation: await escalate(deps, payload) };
    case 'await': {
      const partition = cyclePartition(payload.forbundId);
      await deps.stores.cycles.ensure(partition, payload.forbundId, payload.year, deps.now());
      await deps.stores.cycles.saveToken(partition, payload.year, payload.step, payload.taskToken);
      if (await isHumanStepSatisfied(deps.stores, payload.forbundId, payload.year, payload.step, deps.now()))
        await sendTaskSuccess(payload.taskToken);
      return undefined;
    }
  }
}

/**
 * Called by the API after a person acts (AWS): every waiting step whose condition now holds is
 * completed. The sender must treat Step Functions' answer for a token already completed
 * (TaskTimedOut, InvalidToken) as done; any other failure propagates.
 */
export async function completeSatisfiedSteps(
  deps: CycleDeps,
  sendTaskSuccess: SendTaskSuccess,
  forbundId: string,
  year: number,
) {
  const state = await deps.stores.cycles.get(cyclePartition(forbundId), year);
  for (const [step, token] of Object.entries(state?.tokens ?? {}))
    if (await isHumanStepSatisfied(deps.stores, forbundId, year, step as never, deps.now()))
      await sendTaskSuccess(token);
}
