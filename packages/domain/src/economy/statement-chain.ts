import { assert } from '../errors.ts';
import type { Chart } from '../ledger/account.ts';
import type { Balances } from '../ledger/balances.ts';
import type { VoucherDraft } from '../ledger/voucher.ts';
import { Decimal, formatMoney, parseMoney } from '../money.ts';
import type { AvrakningStatement } from './avrakning.ts';
import { avrakning_voucher_suffixes } from './avrakning-flows.ts';
import { lastDayOfMonth } from './dates.ts';
import { memberBalanceAccounts } from './vouchers.ts';

/**
 * The balances on a member's avräkningsbesked, derived from the ledger (issue 10 point 2: the
 * statements chain and end where the ledger is). The chain rule: a statement's closing balance is the
 * member's net on its 15xx + 25xx accounts at the end of the statement's month, before the
 * year's bokslut; its opening balance is the previous month's closing balance, and January's is
 * the year's ingående balans. Between the two lie the month's avräkning (the statement's lines)
 * and every other movement on the member's accounts dated in the month (payments, the previous
 * year's likvidavräkning, corrections), listed as such.
 *
 * The balances are read from the books each time, never kept from the moment a statement was
 * issued: a month re-run when its costs arrive, or a payment registered afterwards, would
 * otherwise leave the chain broken at the month before.
 */

export type ChainVoucher = Pick<VoucherDraft, 'series' | 'date' | 'text' | 'lines' | 'basis'>;

export interface StatementMovement {
  date: string;
  text: string;
  /** Positive: the member owes more; negative: the förbund owes more. */
  amount: string;
}

export type ChainedStatement<S extends StatementCore = AvrakningStatement> = S & {
  balanceBefore: string;
  balanceAfter: string;
  /** Movements on the member's accounts in the month other than this avräkning. */
  otherMovements: StatementMovement[];
};

export type StatementCore = Pick<AvrakningStatement, 'key' | 'memberId' | 'year' | 'month' | 'net'>;

/** The bokslut series: year-end entries kept apart from the year's running series. */
export const bokslut_voucher_series = 'B';

/**
 * The year's own bokslut: the closing voucher (series B), the result distribution and a
 * likvidavräkning of the same year. A likvidavräkning of the previous year, paid during this
 * one, is an ordinary movement of this year.
 */
export function isYearEndVoucher(voucher: Pick<ChainVoucher, 'series' | 'basis'>, year: number): boolean {
  const reference = voucher.basis?.reference ?? '';
  return (
    voucher.series === bokslut_voucher_series ||
    reference === `${year}-resultat` ||
    reference.startsWith(`${year}-likvid-`)
  );
}

/** Whether a voucher is one of the statement's own avräkning vouchers (keys from avrakning-flows). */
function belongsToStatement(voucher: ChainVoucher, statementKey: string): boolean {
  const reference = voucher.basis?.reference ?? '';
  return avrakning_voucher_suffixes.some((suffix) => reference === `${statementKey}-${suffix}`);
}

interface MemberMovement {
  voucher: ChainVoucher;
  amount: Decimal;
}

function memberMovements(chart: Chart, vouchers: readonly ChainVoucher[], memberId: string, year: number) {
  const accounts = new Set(memberBalanceAccounts(chart, memberId));
  const movements: MemberMovement[] = [];
  for (const voucher of vouchers) {
    if (Number(voucher.date.slice(0, 4)) !== year || isYearEndVoucher(voucher, year)) continue;
    let amount = new Decimal(0);
    for (const line of voucher.lines) if (accounts.has(line.account)) amount = amount.plus(parseMoney(line.amount));
    if (!amount.isZero()) movements.push({ voucher, amount });
  }
  return { accounts, movements };
}

/** The member's net balance before the year's bokslut at the end of `date` (inclusive). */
export function memberBalanceBeforeBokslut(
  chart: Chart,
  vouchers: readonly ChainVoucher[],
  opening: Balances,
  memberId: string,
  year: number,
  date = lastDayOfMonth(year, 12),
): Decimal {
  const { accounts, movements } = memberMovements(chart, vouchers, memberId, year);
  let balance = new Decimal(0);
  for (const account of accounts) balance = balance.plus(parseMoney(opening[account] ?? '0.00'));
  for (const movement of movements) if (movement.voucher.date <= date) balance = balance.plus(movement.amount);
  return balance;
}

/** Adds the ledger's balances to each statement of the year, in any order of months and members. */
export function chainStatements<S extends StatementCore>(input: {
  year: number;
  chart: Chart;
  vouchers: readonly ChainVoucher[];
  opening: Balances;
  statements: readonly S[];
}): ChainedStatement<S>[] {
  const { year, chart, opening } = input;
  const byMember = new Map<string, ReturnType<typeof memberMovements> & { openingNet: Decimal }>();
  const movementsOf = (memberId: string) => {
    let found = byMember.get(memberId);
    if (found === undefined) {
      const own = memberMovements(chart, input.vouchers, memberId, year);
      let openingNet = new Decimal(0);
      for (const account of own.accounts) openingNet = openingNet.plus(parseMoney(opening[account] ?? '0.00'));
      found = { ...own, openingNet };
      byMember.set(memberId, found);
    }
    return found;
  };

  return input.statements.map((statement) => {
    assert(statement.year === year, 'a statement belongs to the year being chained');
    const { movements, openingNet } = movementsOf(statement.memberId);
    const monthStart = `${lastDayOfMonth(year, statement.month).slice(0, 8)}01`;
    const monthEnd = lastDayOfMonth(year, statement.month);
    let before = openingNet;
    let after = openingNet;
    let own = new Decimal(0);
    const otherMovements: StatementMovement[] = [];
    for (const { voucher, amount } of movements) {
      if (voucher.date < monthStart) before = before.plus(amount);
      if (voucher.date > monthEnd) continue;
      after = after.plus(amount);
      if (voucher.date < monthStart) continue;
      if (belongsToStatement(voucher, statement.key)) own = own.plus(amount);
      else otherMovements.push({ date: voucher.date, text: voucher.text, amount: formatMoney(amount) });
    }
    otherMovements.sort((a, b) => a.date.localeCompare(b.date));
    // The statement's lines are what its vouchers booked, dated in its month; if they were not,
    // the chain would not close, so this is checked rather than trusted.
    assert(own.eq(parseMoney(statement.net)), `statement ${statement.key} ties to its vouchers`);
    const other = otherMovements.reduce((sum, movement) => sum.plus(parseMoney(movement.amount)), new Decimal(0));
    assert(before.plus(own).plus(other).eq(after), `statement ${statement.key} chains`);
    return { ...statement, balanceBefore: formatMoney(before), balanceAfter: formatMoney(after), otherMovements };
  });
}
