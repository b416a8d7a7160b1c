import { type Chart, type CostArea, costAreaNames, costAreas } from '../ledger/account.ts';
import type { Booking } from '../ledger/balances.ts';
import { accountBalances } from '../ledger/balances.ts';
import { Decimal, formatMoney, sumMoney } from '../money.ts';
import { checkMonth } from './dates.ts';

export interface ForecastRow {
  area: CostArea;
  name: string;
  budget: string;
  outcomeToDate: string;
  /** Outcome so far plus the budget's pace for the months left. */
  forecast: string;
  /** Budget minus forecast: positive, money expected to be left at year end. */
  deviation: string;
}

export interface Forecast {
  throughMonth: number;
  rows: ForecastRow[];
  costs: { budget: string; outcomeToDate: string; forecast: string };
  /** The frame is the year's income; it is reckoned in full by the monthly avräkning. */
  income: string;
  forecastResult: string;
}

/**
 * The monthly follow-up's full-year forecast (DOMAIN.md §2: each month, to the board): for each
 * area, what is booked through `throughMonth` plus the budget's monthly pace for the months that
 * remain. A plain, explainable rule; the board's comments carry what the rule cannot know.
 * `bookings` must be the year's vouchers dated through the month.
 */
export function forecastYear(
  chart: Chart,
  bookings: readonly Booking[],
  budget: Record<CostArea, string>,
  frame: string,
  throughMonth: number,
): Forecast {
  checkMonth(throughMonth);
  const balances = accountBalances(chart, bookings);
  const remaining = new Decimal(12 - throughMonth).div(12);
  const rows = costAreas.map((area): ForecastRow => {
    const outcome = sumMoney(
      chart
        .filter((account) => account.kind === 'cost' && account.area === area)
        .map((account) => balances.get(account.number) ?? new Decimal(0)),
    );
    const yearly = new Decimal(budget[area]);
    const forecast = outcome.plus(yearly.mul(remaining)).toDecimalPlaces(2);
    return {
      area,
      name: costAreaNames[area],
      budget: formatMoney(yearly),
      outcomeToDate: formatMoney(outcome),
      forecast: formatMoney(forecast),
      deviation: formatMoney(yearly.minus(forecast)),
    };
  });
  const sum = (pick: (row: ForecastRow) => string) => sumMoney(rows.map((row) => new Decimal(pick(row))));
  const forecastCosts = sum((row) => row.forecast);
  return {
    throughMonth,
    rows,
    costs: {
      budget: formatMoney(sum((row) => row.budget)),
      outcomeToDate: formatMoney(sum((row) => row.outcomeToDate)),
      forecast: formatMoney(forecastCosts),
    },
    income: formatMoney(new Decimal(frame)),
    forecastResult: formatMoney(new Decimal(frame).minus(forecastCosts)),
  };
}
