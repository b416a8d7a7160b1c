import { conflict, type Principal } from '@finsam/domain';
import type { OpeningRepository } from './opening-repository.ts';
import type { PeriodRepository } from './period-repository.ts';
import type { VoucherRepository } from './voucher-repository.ts';

/**
 * The year-sequence rule (issue 10 point 7): years close in order. Year Y cannot be closed while
 * Y-1 has books and is not locked, because Y's ingående balanser are Y-1's closing balances and
 * would change afterwards. A year with no vouchers at all is the förbund's time before it kept
 * its books here (onboarding mid-life or mid-year), and does not block. Checking only Y-1 is
 * enough: Y-1 could only have been closed after Y-2, and so on back.
 *
 * Y-1 is closed when its bokslut is complete: the year locked *and* Y's ingående balanser
 * written by that bokslut (the last thing it does). The lock alone is not enough: between the
 * lock and the write, Y's bokslut would read an empty IB.
 */
type YearSequenceStores = { periods: PeriodRepository; vouchers: VoucherRepository; openings: OpeningRepository };

export async function openEarlierYear(
  stores: YearSequenceStores,
  principal: Principal,
  forbundId: string,
  year: number,
): Promise<number | undefined> {
  const previous = year - 1;
  const [periods, page, source] = await Promise.all([
    stores.periods.periods(principal, forbundId, previous),
    stores.vouchers.page(principal, forbundId, previous, { limit: 1 }),
    stores.openings.source(principal, forbundId, year),
  ]);
  if (page.items.length === 0) return undefined;
  return periods.yearLocked && source === `bokslut ${previous}` ? undefined : previous;
}

/** Refuses to close year Y (409) while an earlier year is open, naming the year to close first. */
export async function assertEarlierYearsClosed(
  stores: YearSequenceStores,
  principal: Principal,
  forbundId: string,
  year: number,
): Promise<void> {
  const open = await openEarlierYear(stores, principal, forbundId, year);
  if (open !== undefined)
    throw conflict(`Bokslut ${year} kan inte göras förrän ${open} är avslutat: åren stängs i ordning.`);
}
