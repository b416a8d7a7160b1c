import type { CharterSettings } from '../charter/schema.ts';
import { invalid } from '../errors.ts';
import { Decimal } from '../money.ts';
import { addDays, dateOf, days30E360, daysBetween, lastDayOfMonth, months_per_year } from './dates.ts';
import { type MemberPosition, netBalanceAt } from './member-position.ts';

/**
 * Interest on a member's balance over the year of its position, by the charter's method. The
 * interest follows the balance: a member that owed the förbund on average pays interest (the
 * förbund's ränteintäkt); a member the förbund owed receives it (the förbund's räntekostnad).
 * Computed exactly and rounded half-up to the öre once, at the end.
 *
 * The interest covers the year of the balances only (000 L395: the interest calculation belongs
 * to the yearly likvidavräkning); the weeks between year end and payment carry none.
 */

export type LikvidavrakningSettings = CharterSettings['likvidavrakning'];

const RATE_PATTERN = /^\d{1,6}(\.\d{1,4})?$/;
/** A rate above this is a typing error (a percent written as a fraction the other way round). */
export const annual_interest_rate_percent_max = 100;
const days_per_year_actual_365 = 365;
const days_per_year_30_360 = 360;

export interface InterestReckoning {
  method: LikvidavrakningSettings['interestMethod'];
  annualInterestRatePercent: string;
  /** average-monthly-balance: the average of the twelve month-end balances. */
  averageBalance?: Decimal;
  /** daily-balance: the day count used and the sum of balance × days. */
  dayCount?: LikvidavrakningSettings['dayCount'];
  balanceDays?: Decimal;
  /** Signed like the balance, rounded to the öre. */
  interest: Decimal;
}

function annualRate(settings: LikvidavrakningSettings): Decimal {
  const text = settings.annualInterestRatePercent;
  if (!RATE_PATTERN.test(text) || new Decimal(text).gt(annual_interest_rate_percent_max))
    throw invalid('Räntesatsen är ogiltig.', [
      {
        field: 'likvidavrakning.annualInterestRatePercent',
        message: `Ange räntan i procent per år, 0–${annual_interest_rate_percent_max}.`,
      },
    ]);
  return new Decimal(text).div(100);
}

/** The mean of the balances at the end of January, February, … December. */
export function averageMonthEndBalance(position: MemberPosition): Decimal {
  let total = new Decimal(0);
  for (let month = 1; month <= months_per_year; month++)
    total = total.plus(netBalanceAt(position, lastDayOfMonth(position.year, month)));
  return total.div(months_per_year);
}

/**
 * Σ balance × days over the year, where a movement changes the balance from its own date on:
 * the year is cut at every movement date and each piece keeps one balance.
 */
export function balanceDays(position: MemberPosition, dayCount: LikvidavrakningSettings['dayCount']): Decimal {
  const first = dateOf(position.year, 1, 1);
  const end = addDays(dateOf(position.year, 12, 31), 1);
  const cuts = [...new Set([first, ...position.movements.map((movement) => movement.date), end])].sort();
  const count = dayCount === '30/360' ? days30E360 : daysBetween;
  let total = new Decimal(0);
  for (let index = 0; index + 1 < cuts.length; index++) {
    const from = cuts[index] as string;
    const to = cuts[index + 1] as string;
    total = total.plus(netBalanceAt(position, from).mul(count(from, to)));
  }
  return total;
}

export function reckonInterest(position: MemberPosition, settings: LikvidavrakningSettings): InterestReckoning {
  const rate = annualRate(settings);
  const base = { method: settings.interestMethod, annualInterestRatePercent: settings.annualInterestRatePercent };
  if (settings.interestMethod === 'none') return { ...base, interest: new Decimal(0) };
  if (settings.interestMethod === 'average-monthly-balance') {
    const averageBalance = averageMonthEndBalance(position);
    return { ...base, averageBalance, interest: averageBalance.mul(rate).toDecimalPlaces(2) };
  }
  const days = balanceDays(position, settings.dayCount);
  const perYear = settings.dayCount === '30/360' ? days_per_year_30_360 : days_per_year_actual_365;
  return {
    ...base,
    dayCount: settings.dayCount,
    balanceDays: days,
    interest: days.mul(rate).div(perYear).toDecimalPlaces(2),
  };
}
