import type { CharterSettings, FundingFlow } from '../charter/schema.ts';
import { assert } from '../errors.ts';
import { Decimal, isWholeOre, sumMoney } from '../money.ts';
import { instalments } from '../schedule.ts';
import { months_per_year } from './dates.ts';

/**
 * Which month of the year carries which part of a member's frame, per funding flow (DOMAIN.md §3).
 * Every schedule has twelve entries (index 0 = January), zero where nothing falls due, and sums
 * to the member's contribution to the öre: the rounding öre go to `remainderMonth`, or to the
 * payment of the quarter that contains it.
 */

export type Funding = CharterSettings['funding'];

export const quarters_per_year = 4;
const months_per_quarter = 3;

export function flowOf(memberId: string, funding: Funding): FundingFlow {
  return funding.perMember[memberId] ?? funding.default;
}

/** FK's balance in several SOCSAM förbund is settled at year end only (000 L235, L278). */
export function settlesAtYearEndOnly(memberId: string, funding: Funding): boolean {
  return funding.settleAtYearEndOnly.includes(memberId);
}

/**
 * A member whose balance with the förbund is carried rather than paid as it falls due: claim-72
 * moves no cash during the year, and a year-end-only member pays nothing until then. Their
 * balances are what the likvidavräkning settles.
 */
export function carriesBalance(memberId: string, funding: Funding): boolean {
  return flowOf(memberId, funding) === 'claim-72' || settlesAtYearEndOnly(memberId, funding);
}

/**
 * The months (1–12) a quarterly part falls in. In advance (liquid-quarterly, claim-72) a
 * quarter's part belongs to its first month; set-off reckons in arrears, so its last month.
 */
export function quarterMonths(position: 'first' | 'last'): number[] {
  const offset = position === 'first' ? 1 : months_per_quarter;
  return Array.from({ length: quarters_per_year }, (_, quarter) => quarter * months_per_quarter + offset);
}

const quarterOf = (month: number) => Math.floor((month - 1) / months_per_quarter);

/**
 * instalments() rounds the regular part half-up, which for a yearly amount under about 0.66 kr
 * (0.06 kr: eleven parts of 0.01) leaves a negative remainder. A member is never invoiced a
 * negative part, so there the regular part is rounded down and the remainder part takes the rest.
 */
function nonNegativeInstalments(yearly: Decimal, count: number, remainderIndex: number): Decimal[] {
  const parts = instalments(yearly, count, remainderIndex);
  if (parts.every((part) => !part.isNegative())) return parts;
  const regular = yearly.div(count).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const floored = Array.from({ length: count }, () => regular);
  floored[remainderIndex] = yearly.minus(regular.mul(count - 1));
  return floored;
}

function monthly(yearly: Decimal, funding: Funding): Decimal[] {
  return nonNegativeInstalments(yearly, months_per_year, funding.remainderMonth - 1);
}

function quarterly(yearly: Decimal, funding: Funding, position: 'first' | 'last'): Decimal[] {
  const parts = nonNegativeInstalments(yearly, quarters_per_year, quarterOf(funding.remainderMonth));
  const schedule = Array.from({ length: months_per_year }, () => new Decimal(0));
  quarterMonths(position).forEach((month, quarter) => {
    schedule[month - 1] = parts[quarter] as Decimal;
  });
  return schedule;
}

/**
 * The part of `yearly` that falls in each month under `flow`. The charter's framePeriodisation
 * (monthly, or quarterly as in Finspång, 000 L277) applies to the flows that periodise the
 * frame, claim-72 and set-off; the liquid flows name their own rhythm.
 */
export function frameSchedule(yearly: Decimal, flow: FundingFlow, funding: Funding): Decimal[] {
  assert(isWholeOre(yearly) && !yearly.isNegative(), 'a contribution is a non-negative amount in whole öre');
  let schedule: Decimal[];
  if (flow === 'liquid-monthly') schedule = monthly(yearly, funding);
  else if (flow === 'liquid-quarterly') schedule = quarterly(yearly, funding, 'first');
  else if (flow === 'liquid-at-start')
    schedule = [yearly, ...Array.from({ length: months_per_year - 1 }, () => new Decimal(0))];
  else if (funding.framePeriodisation === 'quarterly')
    schedule = quarterly(yearly, funding, flow === 'set-off' ? 'last' : 'first');
  else schedule = monthly(yearly, funding);
  assert(schedule.length === months_per_year, 'a schedule has twelve months');
  assert(sumMoney(schedule).eq(yearly), 'a schedule sums to the year');
  assert(
    schedule.every((part) => !part.isNegative()),
    'no month of a schedule is negative',
  );
  return schedule;
}

/** Whether a frame part under `flow` covers a quarter ("kvartal 2 2027") rather than a month. */
export function periodIsQuarter(flow: FundingFlow, funding: Funding): boolean {
  if (flow === 'liquid-quarterly') return true;
  if (flow === 'claim-72' || flow === 'set-off') return funding.framePeriodisation === 'quarterly';
  return false;
}

export function quarterNumber(month: number): number {
  return quarterOf(month) + 1;
}
