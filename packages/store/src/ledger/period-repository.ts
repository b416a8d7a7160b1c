import { FinsamError, invalid, lockMonth, lockYear, type PeriodLocks, type Principal } from '@finsam/domain';
import { decode, encode } from '../codecs.ts';
import { keys } from '../keys.ts';
import type { Table } from '../table.ts';
import { tenantPartition } from '../tenant.ts';
import { type PeriodLock, periodItem } from './codecs.ts';

/**
 * The longest a booking may take between reading the period locks and writing its voucher.
 * Without transactions the lock and the voucher are separate items, so a lock takes effect only
 * after this grace: a booking that read the period as open either lands within the grace or is
 * abandoned by the booking itself (VoucherRepository checks its own elapsed time). After the
 * grace, nothing can land in the locked period.
 */
export const booking_in_flight_ms_max = 2_000;

export interface StoredPeriods extends PeriodLocks {
  lockedMonths: string[];
  locks: PeriodLock[];
  version: number;
}

export class PeriodRepository {
  constructor(
    private readonly table: Table,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async periods(principal: Principal, forbundId: string, year: number): Promise<StoredPeriods> {
    const item = await this.table.get(tenantPartition(principal, forbundId), keys.periods(year));
    if (!item) return { year, yearLocked: false, lockedMonths: [], locks: [], version: 0 };
    const { yearLocked, lockedMonths, locks, version } = decode(periodItem, item);
    return { year, yearLocked, lockedMonths, locks, version };
  }

  /** The reason a date cannot take bookings, or undefined when it can. */
  lockReason(periods: StoredPeriods, date: string): string | undefined {
    const lock =
      periods.locks.find((entry) => entry.period === date.slice(0, 7)) ??
      (periods.yearLocked ? periods.locks.find((entry) => entry.period === String(periods.year)) : undefined);
    return lock ? `${lock.period} låstes ${lock.at.slice(0, 10)} av ${lock.by}: ${lock.reason}` : undefined;
  }

  /** Locks a month ("YYYY-MM") or the whole year ("YYYY"); one-way, and in force once this returns. */
  async lock(principal: Principal, forbundId: string, period: string, reason: string, at: Date) {
    const year = Number(period.slice(0, 4));
    const partition = tenantPartition(principal, forbundId);
    const current = await this.periods(principal, forbundId, year);
    const isYear = period.length === 4;
    if (isYear ? current.yearLocked : current.lockedMonths.includes(period))
      throw new FinsamError('locked', `Perioden ${period} är redan låst.`);
    if (!isYear && !/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
      throw invalid('Ogiltig period.', [{ field: 'period', message: 'Ange ÅÅÅÅ-MM eller ÅÅÅÅ.' }]);
    const next = isYear ? lockYear(current) : lockMonth(current, period);
    const item = encode(periodItem, {
      PK: partition,
      SK: keys.periods(year),
      kind: 'periods',
      year,
      yearLocked: next.yearLocked,
      lockedMonths: [...next.lockedMonths],
      locks: [...current.locks, { period, at: at.toISOString(), by: principal.subject, reason }],
      version: current.version + 1,
    });
    const message = 'Perioderna har ändrats av någon annan. Försök igen.';
    if (current.version === 0) await this.table.putNew(item, message);
    else await this.table.put(item, 'version = :previous', { ':previous': current.version }, message);
    await this.sleep(booking_in_flight_ms_max);
    return this.periods(principal, forbundId, year);
  }
}
