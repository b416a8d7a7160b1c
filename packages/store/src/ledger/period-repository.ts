import { FinsamError, invalid, lockMonth, lockYear, type PeriodLocks, type Principal } from '@finsam/domain';
import { decode, encode } from '../codecs.ts';
import { keys } from '../keys.ts';
import { type Item, isLostRace, type Table } from '../table.ts';
import { tenantPartition } from '../tenant.ts';
import { type PeriodLock, periodItem } from './codecs.ts';
import { ensureWritten, pendingHeads, periodNames } from './series-head.ts';

export interface StoredPeriods extends PeriodLocks {
  lockedMonths: string[];
  locks: PeriodLock[];
  /** The lock version: 0 until the first lock, one more with each. Bookings are conditioned on it. */
  version: number;
}

const toPeriods = (year: number, item: Item | undefined): StoredPeriods => {
  if (!item) return { year, yearLocked: false, lockedMonths: [], locks: [], version: 0 };
  const { yearLocked, lockedMonths, locks, version } = decode(periodItem, item);
  return { year, yearLocked, lockedMonths, locks, version };
};

/**
 * The period locks of a year, in the year's period item. The same item holds each series' newest
 * voucher number (series-head.ts), so a booking's claim of a number is conditioned on the lock
 * version it checked: a lock is in force for every write that reaches the table after it.
 */
export class PeriodRepository {
  constructor(private readonly table: Table) {}

  async periods(principal: Principal, forbundId: string, year: number): Promise<StoredPeriods> {
    return toPeriods(year, await this.table.get(tenantPartition(principal, forbundId), keys.periods(year)));
  }

  /** The locks and the raw period item, whose series heads a booking claims its number on. */
  async state(principal: Principal, forbundId: string, year: number) {
    const item = await this.table.get(tenantPartition(principal, forbundId), keys.periods(year));
    return { periods: toPeriods(year, item), item };
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
    const entry: PeriodLock = { period, at: at.toISOString(), by: principal.subject, reason };
    const locked = encode(periodItem, {
      PK: partition,
      SK: keys.periods(year),
      kind: 'periods',
      year,
      yearLocked: next.yearLocked,
      lockedMonths: [...next.lockedMonths],
      locks: [...current.locks, entry],
      version: current.version + 1,
    });
    // An update, not a put: the series heads in the same item are the bookings' and stay.
    const after = await this.table
      .update(
        {
          Key: { PK: partition, SK: keys.periods(year) },
          UpdateExpression:
            'SET #kind = :kind, #year = :year, #yearLocked = :yearLocked, #lockedMonths = :lockedMonths, ' +
            '#locks = :locks, #version = :version',
          ConditionExpression: 'attribute_not_exists(#version) OR #version = :previous',
          ExpressionAttributeNames: periodNames,
          ExpressionAttributeValues: {
            ':kind': locked.kind,
            ':year': locked.year,
            ':yearLocked': locked.yearLocked,
            ':lockedMonths': locked.lockedMonths,
            ':locks': locked.locks,
            ':version': locked.version,
            ':previous': current.version,
          },
        },
        'Perioderna har ändrats av någon annan. Försök igen.',
      )
      .catch((error) => this.ownLock(error, partition, year, entry));
    // Bookings whose claim came before the lock are booked; their vouchers are written before the
    // lock is reported in force, so whoever reads the locked period afterwards sees all of it.
    for (const head of pendingHeads(after)) await ensureWritten(this.table, head);
    return this.periods(principal, forbundId, year);
  }

  /**
   * A lock whose retry failed its condition: if the item holds this very lock entry, the first
   * attempt committed and a booking's claim has since replaced the item's write token.
   */
  private async ownLock(error: unknown, partition: string, year: number, lock: PeriodLock): Promise<Item> {
    if (!isLostRace(error)) throw error;
    const item = await this.table.get(partition, keys.periods(year));
    const same = (entry: PeriodLock) => entry.period === lock.period && entry.at === lock.at && entry.by === lock.by;
    if (item && toPeriods(year, item).locks.some(same)) return item;
    throw error;
  }
}
