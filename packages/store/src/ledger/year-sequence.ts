import { conflict, type Principal } from '@finsam/domain';
import type { PeriodRepository } from './period-repository.ts';
import type { VoucherRepository } from './voucher-repository.ts';

/**
 * The year-sequence rule (issue 10 point 7): years close in order. Year Y cannot be closed while
 * Y-1 has books and is not locked, because Y's ingående balanser are Y-1's closing balances and
 * would change afterwards. A year with no vouchers at all is the förbund's time before it kept
 * its books here (onboarding mid-life or mid-year), and does not block. Checking only Y-1 is
 * enough: Y-1 could only have been closed after Y-2, and so on back.
 */
export async function openEarlierYear(
  stores: { periods: PeriodRepository; vouchers: VoucherRepository },
  principal: Principal,
  forbundId: string,
  year: number,
): Promise<number | undefined> {
  const previous = year - 1;
  const [periods, page] = await Promise.all([
    stores.periods.periods(principal, forbundId, previous),
    stores.vouchers.page(principal, forbundId, previous, { limit: 1 }),
  ]);
  return !periods.yearLocked && page.items.length > 0 ? previous : undefined;
}

/** Refuses to close year Y (409) while an earlier year is open, naming the year to close first. */
export async function assertEarlierYearsClosed(
  stores: { periods: PeriodRepository; vouchers: VoucherRepository },
  principal: Principal,
  forbundId: string,
  year: number,
): Promise<void> {
  const open = await openEarlierYear(stores, principal, forbundId, year);
  if (open !== undefined)
    throw conflict(`Bokslut ${year} kan inte göras förrän ${open} är avslutat: åren stängs i ordning.`);
}
