import { assert, type FieldIssue, invalid } from '../errors.ts';
import { Decimal, formatKronor, formatMoney, MONEY_PATTERN, parseMoney, sumMoney } from '../money.ts';
import type { AccountKind, Chart } from './account.ts';
import { isBalanceAccount, isResultAccount, konto } from './account.ts';
import { accountIndex } from './chart.ts';
import type { VoucherDraft } from './voucher.ts';

/** Balances per account number as money strings, debit positive and credit negative. */
export type Balances = Readonly<Record<string, string>>;

/** Most accounts one entry of ingående balanser takes, by hand or from a file: more than any kontoplan has. */
export const opening_balance_accounts_max = 500;

/** Only the lines matter for balances, so drafts and booked vouchers both count. */
export type Booking = Pick<VoucherDraft, 'lines'>;

/** Problems with ingående balanser: balance accounts of the plan only, in money, summing to zero. */
export function openingBalanceIssues(chart: Chart, opening: Balances): FieldIssue[] {
  const accounts = accountIndex(chart);
  const issues: FieldIssue[] = [];
  let total = new Decimal(0);
  for (const [number, amount] of Object.entries(opening)) {
    const field = `openingBalances.${number}`;
    if (!accounts.has(number))
      issues.push({ field, message: `Ingående balans: konto ${number} finns inte i kontoplanen.` });
    else if (!isBalanceAccount(number))
      issues.push({ field, message: `Ingående balans: konto ${number} är ett resultatkonto och börjar året på noll.` });
    if (!MONEY_PATTERN.test(amount))
      issues.push({ field, message: 'Ingående balans: ange ett belopp med två decimaler.' });
    else total = total.plus(parseMoney(amount));
  }
  if (issues.length === 0 && !total.isZero())
    issues.push({
      field: 'openingBalances',
      message: `Ingående balanser ska summera till noll; de skiljer ${formatKronor(total)}.`,
    });
  return issues;
}

/**
 * The balance of every account: opening plus every line. Throws 'invalid' on bad opening
 * balances (they may come from an import) and asserts that every booked account is in the plan,
 * since accounts are never removed once used.
 */
export function accountBalances(chart: Chart, bookings: readonly Booking[], opening: Balances = {}) {
  const issues = openingBalanceIssues(chart, opening);
  if (issues.length > 0) throw invalid('Ingående balanser är inte giltiga.', issues);
  const accounts = accountIndex(chart);
  const balances = new Map<string, Decimal>();
  for (const [number, amount] of Object.entries(opening)) balances.set(number, parseMoney(amount));
  for (const booking of bookings)
    for (const line of booking.lines) {
      assert(accounts.has(line.account), `booked account ${line.account} is in the kontoplan`);
      balances.set(line.account, (balances.get(line.account) ?? new Decimal(0)).plus(parseMoney(line.amount)));
    }
  return balances;
}

/** A plain-data copy of balances, without zero balances, for storage, comparison and IB/UB. */
export function toBalances(balances: ReadonlyMap<string, Decimal>): Balances {
  const result: Record<string, string> = {};
  for (const [number, amount] of [...balances].sort(([a], [b]) => a.localeCompare(b)))
    if (!amount.isZero()) result[number] = formatMoney(amount);
  return result;
}

export interface TrialBalanceRow {
  account: string;
  name: string;
  kind: AccountKind;
  opening: string;
  debit: string;
  credit: string;
  closing: string;
}

export interface TrialBalance {
  rows: TrialBalanceRow[];
  totals: { opening: string; debit: string; credit: string; closing: string };
}

/** Råbalans: every account with a movement or a balance. Its closing total is always zero. */
export function trialBalance(chart: Chart, bookings: readonly Booking[], opening: Balances = {}): TrialBalance {
  const closing = accountBalances(chart, bookings, opening);
  const debit = new Map<string, Decimal>();
  const credit = new Map<string, Decimal>();
  for (const booking of bookings)
    for (const line of booking.lines) {
      const amount = parseMoney(line.amount);
      const side = amount.isNegative() ? credit : debit;
      side.set(line.account, (side.get(line.account) ?? new Decimal(0)).plus(amount.abs()));
    }
  const zero = new Decimal(0);
  const rows = chart
    .filter((account) => closing.has(account.number))
    .map((account) => ({
      account: account.number,
      name: account.name,
      kind: account.kind,
      opening: formatMoney(
        opening[account.number] === undefined ? zero : parseMoney(opening[account.number] as string),
      ),
      debit: formatMoney(debit.get(account.number) ?? zero),
      credit: formatMoney(credit.get(account.number) ?? zero),
      closing: formatMoney(closing.get(account.number) ?? zero),
    }));
  const total = (pick: (row: TrialBalanceRow) => string) => sumMoney(rows.map((row) => parseMoney(pick(row))));
  const totals = {
    opening: formatMoney(total((row) => row.opening)),
    debit: formatMoney(total((row) => row.debit)),
    credit: formatMoney(total((row) => row.credit)),
    closing: formatMoney(total((row) => row.closing)),
  };
  assert(totals.closing === '0.00', 'the trial balance sums to zero');
  assert(totals.debit === totals.credit, 'debit equals credit');
  return { rows, totals };
}

/** Sum of the balances of the accounts that pass `include`, as a Decimal (debit positive). */
export function sumBalances(balances: ReadonlyMap<string, Decimal>, include: (account: string) => boolean): Decimal {
  return sumMoney([...balances].filter(([number]) => include(number)).map(([, amount]) => amount));
}

/** Årets resultat (positive = surplus): what the RR accounts add up to, the closing account aside. */
export function resultOf(balances: ReadonlyMap<string, Decimal>): Decimal {
  return sumBalances(balances, (number) => isResultAccount(number) && number !== konto.aretsResultatRr).neg();
}

/** The part of årets resultat that no closing voucher has moved to eget kapital yet. */
export function unclosedResultOf(balances: ReadonlyMap<string, Decimal>): Decimal {
  return sumBalances(balances, isResultAccount).neg();
}
