import type { CycleDeps } from './deps.ts';
import { cyclePartition } from './principal.ts';
import { publishBudget } from './tasks/planning.ts';

/**
 * The onboarding rule (issue 10 point 5): a year whose budget was adopted without this system's
 * planning — a förbund that joined after the planning window, or in the middle of its budget
 * year, and entered the board's decision afterwards — is still a year of the cycle. On the first
 * daily run after the adoption it gets its cycle record (which the avräkningar and the closing
 * write into) and its budget is published to the national view as the planning execution would
 * have. A year whose planning ran is left to that execution.
 */
export async function adoptOnboardedYear(deps: CycleDeps, forbundId: string, year: number): Promise<void> {
  const partition = cyclePartition(forbundId);
  await deps.stores.cycles.ensure(partition, forbundId, year, deps.now());
  const state = await deps.stores.cycles.get(partition, year);
  if (!state?.steps['planning.started'] && !state?.steps['budget.published'])
    await publishBudget(deps, forbundId, year);
}
