import { type AvrakningStatement, type ChainedStatement, chainStatements, type Principal } from '@finsam/domain';
import type { AvrakningRecord, Stores } from '@finsam/store';

/**
 * The year's avräkningar with each statement's balances read from the ledger now (domain
 * statement-chain.ts): what the API, the portal and the documents show, so a statement opens
 * where the month before closed even when that month was re-run after it was issued.
 */
export async function chainedRuns(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  year: number,
  runs: readonly AvrakningRecord[],
  now: Date,
): Promise<(Omit<AvrakningRecord, 'statements'> & { statements: ChainedStatement[] })[]> {
  if (runs.length === 0) return [];
  const [vouchers, opening, { accounts: chart }] = await Promise.all([
    stores.vouchers.year(principal, forbundId, year),
    stores.openings.balances(principal, forbundId, year),
    stores.charts.chart(principal, forbundId, now),
  ]);
  return runs.map((run) => ({
    ...run,
    statements: chainStatements({
      year,
      chart,
      vouchers,
      opening,
      statements: run.statements as unknown as AvrakningStatement[],
    }),
  }));
}
