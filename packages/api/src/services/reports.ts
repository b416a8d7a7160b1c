import {
  balansrakning,
  budgetFollowUp,
  Decimal,
  forecastYear,
  formatMoney,
  insatsLedgers,
  kassaflodesanalys,
  memberLedgers,
  resultatrakning,
  sumMoney,
  trialBalance,
} from '@finsam/domain';
import type { YearContext } from './year-context.ts';

export const reportNames = [
  'trial-balance',
  'resultatrakning',
  'balansrakning',
  'kassaflode',
  'members',
  'insatser',
  'budget',
] as const;
export type ReportName = (typeof reportNames)[number];

/**
 * The adopted budget per area, the insatser summed, as the follow-up reports compare against it.
 * Without an adopted budget every area is zero.
 */
export function budgetByArea(budget: YearContext['budget']) {
  if (!budget) return { styrelse: '0.00', administration: '0.00', revision: '0.00', insatser: '0.00' };
  const insatser = sumMoney(budget.insatser.map((insats) => new Decimal(insats.amount)));
  return { ...budget.areas, insatser: formatMoney(insatser) };
}

/** The year's figures through a date: RR and BR of the period and the full-year forecast. */
export function periodFigures(context: YearContext, through: string) {
  const vouchers = context.vouchers.filter((voucher) => voucher.date <= through);
  const month = Number(through.slice(5, 7));
  return {
    through,
    resultatrakning: resultatrakning(context.chart, vouchers, context.opening),
    balansrakning: balansrakning(context.chart, vouchers, context.opening),
    forecast: forecastYear(
      context.chart,
      vouchers,
      budgetByArea(context.budget),
      context.budget?.frame ?? '0.00',
      month,
    ),
  };
}

/** Each report is a pure function of the year (packages/domain); this is only the lookup. */
export function computeReport(report: ReportName, { chart, vouchers, opening, budget }: YearContext) {
  const insatsBudget = Object.fromEntries((budget?.insatser ?? []).map((insats) => [insats.id, insats.amount]));
  switch (report) {
    case 'trial-balance':
      return trialBalance(chart, vouchers, opening);
    case 'resultatrakning':
      return resultatrakning(chart, vouchers, opening);
    case 'balansrakning':
      return balansrakning(chart, vouchers, opening);
    case 'kassaflode':
      return kassaflodesanalys(chart, vouchers, opening);
    case 'members':
      return { members: memberLedgers(chart, vouchers, opening) };
    case 'insatser':
      return { insatser: insatsLedgers(chart, vouchers, insatsBudget) };
    case 'budget':
      return {
        adoptedBudgetVersion: budget?.version ?? null,
        ...budgetFollowUp(chart, vouchers, budgetByArea(budget)),
      };
  }
}
