import {
  balansrakning,
  budgetFollowUp,
  Decimal,
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
    case 'budget': {
      const insatser = sumMoney(Object.values(insatsBudget).map((amount) => new Decimal(amount)));
      const areas = budget
        ? { ...budget.areas, insatser: formatMoney(insatser) }
        : { styrelse: '0.00', administration: '0.00', revision: '0.00', insatser: '0.00' };
      return { adoptedBudgetVersion: budget?.version ?? null, ...budgetFollowUp(chart, vouchers, areas) };
    }
  }
}
