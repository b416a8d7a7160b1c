import { invalid } from '../errors.ts';
import { Decimal, formatMoney, MONEY_PATTERN, parseMoney, sumMoney } from '../money.ts';
import { type Account, type Chart, type CostArea, costAreaNames, costAreas, isOperatingAccount } from './account.ts';
import { accountBalances, type Balances, type Booking } from './balances.ts';
import { accountIndex } from './chart.ts';

/** Budget per area as money strings; an area left out has a budget of zero. */
export type AreaBudget = Partial<Record<CostArea, string>>;

export interface BudgetRow {
  budget: string;
  outcome: string;
  /** Budget minus outcome: positive means money left. */
  deviation: string;
  /** Outcome as a percentage of budget with one decimal, e.g. "83.4"; null with no budget. */
  usedPercent: string | null;
}

/** Budget vs outcome per area of the verksamhetsplan; outcome is the costs booked, positive. */
export function budgetFollowUp(chart: Chart, bookings: readonly Booking[], budget: AreaBudget) {
  const balances = accountBalances(chart, bookings);
  const rows = costAreas.map((area) => {
    const outcome = sumMoney(
      chart
        .filter((account) => account.kind === 'cost' && account.area === area)
        .map((account) => balances.get(account.number) ?? new Decimal(0)),
    );
    return { area, name: costAreaNames[area], ...budgetRow(budgetAmount(budget[area], `budget.${area}`), outcome) };
  });
  const total = budgetRow(
    sumMoney(rows.map((row) => parseMoney(row.budget))),
    sumMoney(rows.map((row) => parseMoney(row.outcome))),
  );
  return { rows, total };
}

export interface MemberLedger {
  memberId: string;
  /** Medlemsbidrag booked as income of the förbund. */
  contributions: string;
  /** Costs tagged with the member, e.g. its invoices for activities in claim-72 (72-verifikationsmodellen). */
  costs: string;
  /** What the member owes the förbund (its 15xx account). */
  receivable: string;
  /** What the förbund owes the member (its 25xx account). */
  payable: string;
  /** Receivable minus payable: positive, the member pays at likvidavräkning; negative, it receives. */
  net: string;
}

/**
 * The ledger seen per member. A line counts for the member it is tagged with, or else for the
 * member its account belongs to, so a payment tagged on the bank line is not counted twice.
 */
export function memberLedgers(chart: Chart, bookings: readonly Booking[], opening?: Balances): MemberLedger[] {
  const accounts = accountIndex(chart);
  const balances = accountBalances(chart, bookings, opening);
  const ids = uniqueIds(
    chart,
    (account) => account.memberId,
    bookings,
    (line) => line.memberId,
  );
  return ids.map((memberId) => {
    const attributed = (kind: Account['kind']) =>
      sumLines(bookings, (line) => {
        const account = accounts.get(line.account);
        // Class 3–7 only: interest at likvidavräkning (class 8) is neither bidrag nor activity cost.
        return (
          account?.kind === kind &&
          isOperatingAccount(account.number) &&
          (line.memberId ?? account.memberId) === memberId
        );
      });
    const balanceOf = (kind: Account['kind']) =>
      sumMoney(
        chart
          .filter((account) => account.memberId === memberId && account.kind === kind)
          .map((account) => balances.get(account.number) ?? new Decimal(0)),
      );
    const receivable = balanceOf('asset');
    const payable = balanceOf('liability').neg();
    return {
      memberId,
      contributions: formatMoney(attributed('income').neg()),
      costs: formatMoney(attributed('cost')),
      receivable: formatMoney(receivable),
      payable: formatMoney(payable),
      net: formatMoney(receivable.minus(payable)),
    };
  });
}

export interface InsatsLedger extends BudgetRow {
  insatsId: string;
  name: string;
}

/** Costs per insats against its budget (budget per insats id; missing means zero). */
export function insatsLedgers(
  chart: Chart,
  bookings: readonly Booking[],
  budget: Readonly<Record<string, string>> = {},
): InsatsLedger[] {
  const accounts = accountIndex(chart);
  const ids = uniqueIds(
    chart,
    (account) => account.insatsId,
    bookings,
    (line) => line.insatsId,
  );
  return ids.map((insatsId) => {
    const outcome = sumLines(bookings, (line) => {
      const account = accounts.get(line.account);
      return account?.kind === 'cost' && (line.insatsId ?? account.insatsId) === insatsId;
    });
    const name = chart.find((account) => account.insatsId === insatsId)?.name ?? insatsId;
    return { insatsId, name, ...budgetRow(budgetAmount(budget[insatsId], `budget.${insatsId}`), outcome) };
  });
}

function budgetAmount(text: string | undefined, field: string): Decimal {
  if (text === undefined) return new Decimal(0);
  if (!MONEY_PATTERN.test(text))
    throw invalid('Budgeten är inte giltig.', [{ field, message: 'Budget: ange ett belopp med två decimaler.' }]);
  return parseMoney(text);
}

function budgetRow(budget: Decimal, outcome: Decimal): BudgetRow {
  return {
    budget: formatMoney(budget),
    outcome: formatMoney(outcome),
    deviation: formatMoney(budget.minus(outcome)),
    usedPercent: budget.isZero() ? null : outcome.div(budget).mul(100).toDecimalPlaces(1).toFixed(1),
  };
}

function sumLines(bookings: readonly Booking[], include: (line: Booking['lines'][number]) => boolean): Decimal {
  let total = new Decimal(0);
  for (const booking of bookings)
    for (const line of booking.lines) if (include(line)) total = total.plus(parseMoney(line.amount));
  return total;
}

/** Ids in kontoplan order first, then any only found as tags on lines, in order of appearance. */
function uniqueIds(
  chart: Chart,
  fromAccount: (account: Account) => string | undefined,
  bookings: readonly Booking[],
  fromLine: (line: Booking['lines'][number]) => string | undefined,
): string[] {
  const ids = new Set<string>();
  for (const account of chart) {
    const id = fromAccount(account);
    if (id !== undefined) ids.add(id);
  }
  for (const booking of bookings)
    for (const line of booking.lines) {
      const id = fromLine(line);
      if (id !== undefined) ids.add(id);
    }
  return [...ids];
}
