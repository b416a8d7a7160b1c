import { settleDeadline } from '../deadlines.ts';
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
 * deadline, which is what the national view asks of every förbund. Whether it did is judged
 * once, by settleDeadline (the same judgement the adoption and the daily check make): a back-dated
 * adoption that the daily check had already recorded as missed is corrected, and the national
 * view's missed list is derived from the judgement, never added to.
 */
export async function publishBudget(deps: CycleDeps, forbundId: string, year: number): Promise<void> {
  const principal = cyclePrincipal(forbundId);
  const adoptions = await deps.stores.budgets.adoptions(principal, forbundId, year);
  if (!adoptions.some((adoption) => adoption.adoptionKind === 'final'))
    throw new Error(`publishBudget ran before the final adoption of ${year}`);
  const { judged } = await settleDeadline(deps, forbundId, year, 'budget', { publish: true });
  await deps.stores.cycles.markDone(
    cyclePartition(forbundId),
    year,
    'budget.published',
    deps.now(),
    judged.judgement.verdict === 'met' ? 'i tid' : 'efter sista dag',
  );
}
