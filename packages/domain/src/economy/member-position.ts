import { assert, invalid } from '../errors.ts';
import type { Chart } from '../ledger/account.ts';
import type { Balances } from '../ledger/balances.ts';
import type { VoucherDraft } from '../ledger/voucher.ts';
import { Decimal, parseMoney } from '../money.ts';
import { parseIsoDate, yearOf } from './dates.ts';
import { memberBalanceAccounts } from './vouchers.ts';

/**
 * A member's position with the förbund over one year, read from the ledger: the opening balance
 * of its 15xx and 25xx accounts and every movement on them during the year. The likvidavräkning
 * settles it; since it is read from the books, statement and ledger cannot disagree.
 */

/** Twelve months of weekly movements on two accounts is about a hundred; this is far above. */
export const position_movements_max = 10_000;

export interface MemberMovement {
  date: string;
  account: string;
  /** Positive: the member owes more; negative: the förbund owes more. */
  amount: Decimal;
  text: string;
  /** The voucher's basis reference (an economy voucher's key), when it has one. */
  reference?: string;
}

export interface MemberPosition {
  memberId: string;
  year: number;
  /** Opening balance per member account (ingående balans of the year). */
  opening: ReadonlyMap<string, Decimal>;
  /** The year's movements, in date order. */
  movements: readonly MemberMovement[];
}

export type PositionVoucher = Pick<VoucherDraft, 'date' | 'text' | 'lines' | 'basis'>;

export function memberPosition(
  chart: Chart,
  vouchers: readonly PositionVoucher[],
  memberId: string,
  year: number,
  opening: Balances = {},
): MemberPosition {
  const accounts = new Set(memberBalanceAccounts(chart, memberId));
  assert(accounts.size > 0, `member ${memberId} has balance accounts`);
  const openingBalances = new Map<string, Decimal>();
  for (const account of accounts)
    if (opening[account] !== undefined) openingBalances.set(account, parseMoney(opening[account] as string));
  const movements: MemberMovement[] = [];
  for (const voucher of vouchers) {
    if (yearOf(voucher.date) !== year) continue;
    for (const line of voucher.lines)
      if (accounts.has(line.account))
        movements.push({
          date: voucher.date,
          account: line.account,
          amount: parseMoney(line.amount),
          text: voucher.text,
          ...(voucher.basis?.reference ? { reference: voucher.basis.reference } : {}),
        });
  }
  // Stable sort: movements of one day keep the order they were booked in.
  movements.sort((a, b) => a.date.localeCompare(b.date));
  const position = { memberId, year, opening: openingBalances, movements };
  checkPosition(position);
  return position;
}

/** A position settles one year: every movement lies in it, within the movement limit. */
export function checkPosition(position: MemberPosition): void {
  if (position.movements.length > position_movements_max)
    throw invalid('För många rörelser.', [
      { field: `positions.${position.memberId}`, message: `Högst ${position_movements_max} rörelser per medlem.` },
    ]);
  for (const movement of position.movements)
    if (parseIsoDate(movement.date).year !== position.year)
      throw invalid('Rörelsen ligger utanför året.', [
        {
          field: `positions.${position.memberId}.movements`,
          message: `${movement.date} ligger inte i ${position.year}.`,
        },
      ]);
}

/** The net balance (all member accounts) at the end of `date`. */
export function netBalanceAt(position: MemberPosition, date: string): Decimal {
  let balance = new Decimal(0);
  for (const amount of position.opening.values()) balance = balance.plus(amount);
  for (const movement of position.movements) if (movement.date <= date) balance = balance.plus(movement.amount);
  return balance;
}

export function openingNet(position: MemberPosition): Decimal {
  let balance = new Decimal(0);
  for (const amount of position.opening.values()) balance = balance.plus(amount);
  return balance;
}

/** Each member account's balance at the end of the year. */
export function closingByAccount(position: MemberPosition): Map<string, Decimal> {
  const balances = new Map(position.opening);
  for (const movement of position.movements)
    balances.set(movement.account, (balances.get(movement.account) ?? new Decimal(0)).plus(movement.amount));
  return balances;
}
