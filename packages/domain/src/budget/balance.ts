import type { FieldIssue } from '../errors.ts';
import { Decimal, formatKronor, sumMoney } from '../money.ts';
import type { BudgetDraft } from './schema.ts';

export function budgetResources(budget: BudgetDraft): Decimal {
  return new Decimal(budget.frame).plus(budget.plannedEquityUse);
}

export function budgetUse(budget: BudgetDraft): Decimal {
  const areas = [budget.areas.styrelse, budget.areas.administration, budget.areas.revision].map((a) => new Decimal(a));
  return sumMoney([...areas, ...budget.insatser.map((insats) => new Decimal(insats.amount))]);
}

/** Issues that stop a budget from being adopted: it must balance and name each insats once. */
export function budgetIssues(budget: BudgetDraft): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const difference = budgetResources(budget).minus(budgetUse(budget));
  if (!difference.isZero())
    issues.push({
      field: 'insatser',
      message: `Budgeten balanserar inte: resurserna ${difference.isPositive() ? 'överstiger' : 'understiger'} användningen med ${formatKronor(difference.abs())}.`,
    });
  const seen = new Set<string>();
  budget.insatser.forEach((insats, index) => {
    if (seen.has(insats.id))
      issues.push({ field: `insatser.${index}.id`, message: `Insatsen ${insats.id} förekommer två gånger.` });
    seen.add(insats.id);
  });
  return issues;
}
