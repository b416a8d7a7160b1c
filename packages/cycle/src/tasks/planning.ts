import { budgetDeadline } from '@finsam/domain';
import { publishAggregate } from '../aggregates.ts';
import type { CycleDeps } from '../deps.ts';
import { cyclePartition, cyclePrincipal } from '../principal.ts';

/** Opens the planning year: the `CYCLE#<year>` item every later step writes into. */
export async function openYear(deps: CycleDeps, forbundId: string, year: number): Promise<void> {
  const partition = cyclePartition(forbundId);
  await deps.stores.cycles.ensure(partition, forbundId, year, deps.now());
  await deps.stores.cycles.markDone(partition, year, 'planning.started', deps.now());
}

/**
 * After the board's final adoption: the budget year is planned. The contribution schedule went
 * out with the adoption itself; this records the step and publishes whether the budget met the
 * deadline, which is what the national view asks of every förbund.
 */
export async function publishBudget(deps: CycleDeps, forbundId: string, year: number): Promise<void> {
  const principal = cyclePrincipal(forbundId);
  const adoptions = await deps.stores.budgets.adoptions(principal, forbundId, year);
  const final = adoptions.find((adoption) => adoption.adoptionKind === 'final');
  if (!final) throw new Error(`publishBudget ran before the final adoption of ${year}`);
  const charter = await deps.stores.charters.current(principal, forbundId);
  await publishAggregate(deps, forbundId, year, {
    budget: {
      adopted: true,
      onTime: final.onTime,
      preliminaryOnly: false,
      decidedAt: final.decidedAt,
    },
    ...(final.onTime ? {} : { deadlinesMissed: [`budget ${budgetDeadline(year, charter.settings)}`] }),
  });
  await deps.stores.cycles.markDone(
    cyclePartition(forbundId),
    year,
    'budget.published',
    deps.now(),
    final.onTime ? 'i tid' : 'efter sista dag',
  );
}
