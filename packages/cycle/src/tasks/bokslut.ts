import {
  closingVoucher,
  computeContributions,
  Decimal,
  distributeResult,
  memberLedgers,
  openingBalances,
  resultatrakning,
  sumMoney,
} from '@finsam/domain';
import { assertEarlierYearsClosed } from '@finsam/store';
import { publishAggregate } from '../aggregates.ts';
import type { CycleDeps } from '../deps.ts';
import { cyclePartition, cyclePrincipal } from '../principal.ts';
import { bookLikvidInterest, settleLikvid } from './likvidavrakning.ts';

/** The bokslut voucher series (B) keeps year-end entries apart from the year's running series. */
export const bokslut_series = 'B';

/**
 * Bokslut of year Y (DOMAIN.md §3–4): the likvidavräkning's interest of the year is booked, the
 * result (interest included) is distributed per the charter's model, the likvidavräkning is
 * issued here when the charter settles at bokslut (Haninge, and members settled at year end),
 * årets resultat is closed to eget kapital, the year is locked and Y+1 opens with its ingående balanser. Every
 * voucher is booked once by key and every step checks what is done, so a re-run does nothing twice.
 */
export async function bokslut(deps: CycleDeps, forbundId: string, year: number): Promise<void> {
  const { stores, now } = deps;
  const principal = cyclePrincipal(forbundId);
  const partition = cyclePartition(forbundId);
  await stores.cycles.ensure(partition, forbundId, year, now());
  const state = await stores.cycles.get(partition, year);
  if (state?.steps.bokslut) return;
  // Years close in sequence: Y's opening balances are Y-1's closing ones (the year-sequence rule).
  if (!(await stores.periods.periods(principal, forbundId, year)).yearLocked)
    await assertEarlierYearsClosed(stores, principal, forbundId, year);

  const missing = Array.from({ length: 12 }, (_, i) => `avrakning.${String(i + 1).padStart(2, '0')}`).filter(
    (step) => !state?.steps[step],
  );
  if (missing.length > 0) throw new Error(`bokslut ${year}: avräkningen är inte klar för ${missing.join(', ')}`);

  const charter = await stores.charters
    .inForceOn(principal, forbundId, `${year}-01-01`)
    .catch(() => stores.charters.current(principal, forbundId));
  const adoption = (await stores.budgets.adoptions(principal, forbundId, year)).find((a) => a.adoptionKind === 'final');
  if (!adoption) throw new Error(`bokslut ${year}: ingen antagen budget`);
  const budget = await stores.budgets.version(principal, forbundId, year, adoption.budgetVersion);
  const finalFrame = computeContributions(new Decimal(budget.frame), charter.members, charter.settings.contributionKey);
  const { accounts: chart } = await stores.charts.chart(principal, forbundId, now());
  const opening = await stores.openings.balances(principal, forbundId, year);
  const periods = await stores.periods.periods(principal, forbundId, year);

  if (!periods.yearLocked) {
    // Interest first (issue 10 point 3): the year's likvidavräkning interest is booked before the
    // result is taken, so the distribution below splits the final result, interest included, and
    // distributed + retained = the resultaträkning's årets resultat for every timing.
    await bookLikvidInterest(deps, forbundId, year);
    const vouchers = await stores.vouchers.year(principal, forbundId, year);
    const rr = resultatrakning(chart, vouchers, opening);
    const ledgers = memberLedgers(chart, vouchers, opening);
    const ownResults = new Map(
      ledgers.map((ledger) => [ledger.memberId, (finalFrame.get(ledger.memberId) as Decimal).minus(ledger.costs)]),
    );
    const equityBefore = sumMoney(['2010', '2050'].map((account) => new Decimal(opening[account] ?? '0.00'))).neg();
    const revenue = new Decimal(rr.verksamhetensIntakter.total).plus(rr.finansiellaIntakter.total);
    const distribution = distributeResult({
      year,
      result: new Decimal(rr.aretsResultat),
      members: charter.members,
      finalFrame,
      settings: charter.settings.resultDistribution,
      funding: charter.settings.funding,
      chart,
      ownResults,
      egetKapitalBefore: equityBefore,
      revenue,
      equityWarningPercent: charter.settings.equityWarningPercent,
    });
    if (distribution.voucher)
      await stores.vouchers.bookOnce(principal, forbundId, distribution.voucher.key, distribution.voucher.draft, now);
    await settleLikvid(deps, forbundId, year, 'at-bokslut', `${year}-12-31`, distribution.shares);

    const booked = await stores.vouchers.year(principal, forbundId, year);
    const closing = closingVoucher(chart, booked, { year, series: bokslut_series });
    if (closing) await stores.vouchers.bookOnce(principal, forbundId, `${year}-bokslut`, closing, now);
    await stores.periods.lock(principal, forbundId, String(year), `Bokslut ${year}`, now());

    const spending = rr.verksamhetensKostnader.areas;
    await publishAggregate(deps, forbundId, year, {
      result: rr.aretsResultat,
      revenue: revenue.toFixed(2),
      egetKapital: distribution.egetKapital.egetKapital,
      egetKapitalPercentOfRevenue: distribution.egetKapital.percentOfRevenue ?? undefined,
      egetKapitalAboveWarning: distribution.egetKapital.aboveWarning,
      spendingByArea: Object.fromEntries(spending.map((area) => [area.area, new Decimal(area.total).abs().toFixed(2)])),
    });
  }
  const final = await stores.vouchers.year(principal, forbundId, year);
  await stores.openings.write(
    principal,
    forbundId,
    year + 1,
    openingBalances(chart, final, opening),
    `bokslut ${year}`,
    now(),
  );
  await stores.cycles.markDone(partition, year, 'bokslut', now());
}
