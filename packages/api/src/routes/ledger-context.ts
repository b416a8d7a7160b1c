import type { Principal } from '@finsam/domain';
import type { Stores } from '@finsam/store';

/** What every report and export of a year needs: the kontoplan, the year's vouchers, the opening. */
export async function loadYear(stores: Stores, principal: Principal, forbundId: string, year: number, at: Date) {
  const [forbund, chart, vouchers, opening, charter] = await Promise.all([
    stores.forbund.get(principal, forbundId),
    stores.charts.chart(principal, forbundId, at),
    stores.vouchers.year(principal, forbundId, year),
    stores.openings.balances(principal, forbundId, year),
    stores.charters.current(principal, forbundId),
  ]);
  return { forbund, chart: chart.accounts, vouchers, opening, members: charter.members };
}
export type YearContext = Awaited<ReturnType<typeof loadYear>>;
