import type { Principal } from '@finsam/domain';
import type { Stores } from '@finsam/store';

/** What every report and export of a year needs: the kontoplan, the year's vouchers, the opening. */
export async function loadYear(stores: Stores, principal: Principal, forbundId: string, year: number, at: Date) {
  const [forbund, chart, vouchers, opening, charter, adoptions] = await Promise.all([
    stores.forbund.get(principal, forbundId),
    stores.charts.chart(principal, forbundId, at),
    stores.vouchers.year(principal, forbundId, year),
    stores.openings.balances(principal, forbundId, year),
    stores.charters.current(principal, forbundId),
    stores.budgets.adoptions(principal, forbundId, year),
  ]);
  // Outcome is followed up against the budget the board adopted, not a later draft.
  const final = adoptions.find((adoption) => adoption.adoptionKind === 'final');
  const budget = final ? await stores.budgets.version(principal, forbundId, year, final.budgetVersion) : undefined;
  return { forbund, chart: chart.accounts, vouchers, opening, members: charter.members, budget };
}
export type YearContext = Awaited<ReturnType<typeof loadYear>>;
