import { type Decimal, formatMoney, parseMoney, sumMoney } from '../money.ts';
import type { Account } from './account.ts';

/** One account in a report, its amount signed as the report presents it. */
export interface ReportRow {
  account: string;
  name: string;
  amount: string;
}

export interface ReportSection {
  rows: ReportRow[];
  total: string;
}

/**
 * A report section over some accounts. `sign` turns the ledger's debit-positive balance into the
 * report's convention (−1 for intäkter, eget kapital and skulder). Accounts without a balance are
 * left out, as in a printed report.
 */
export function section(
  accounts: readonly Account[],
  balances: ReadonlyMap<string, Decimal>,
  sign: 1 | -1,
): ReportSection {
  const rows: ReportRow[] = [];
  for (const account of accounts) {
    const balance = balances.get(account.number);
    if (balance === undefined || balance.isZero()) continue;
    rows.push({ account: account.number, name: account.name, amount: formatMoney(balance.mul(sign)) });
  }
  return { rows, total: formatMoney(sumMoney(rows.map((row) => parseMoney(row.amount)))) };
}
