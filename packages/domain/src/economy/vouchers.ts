import { assert, invalid } from '../errors.ts';
import { accountRanges, type Chart, inRange, konto } from '../ledger/account.ts';
import {
  assertBalanced,
  parseVoucherDraft,
  type VoucherDraft,
  type VoucherLine,
  voucher_text_length_max,
} from '../ledger/voucher.ts';
import { Decimal, formatMoney, isWholeOre, sumMoney } from '../money.ts';
import { yearOf } from './dates.ts';

/**
 * Every voucher the economy produces: the monthly avräkning, the result distribution and the
 * likvidavräkning all reckon with the members, so they share one series and its gapless numbers.
 */
export const avrakning_series = 'AV';

/**
 * A voucher draft with the key the shell uses to book it once (idempotency belongs to the
 * shell). The key is derived from what the voucher settles, never from a clock or a counter.
 */
export interface EconomyVoucher {
  key: string;
  memberId?: string;
  draft: VoucherDraft;
}

export interface MemberAccounts {
  /** 15xx: what the member owes the förbund (debit balance). */
  receivable: string;
  /** 25xx: what the förbund owes the member (credit balance). */
  payable: string;
  /** 30xx: the member's medlemsbidrag, income of the förbund. */
  contribution: string;
}

/** The member's own accounts in the kontoplan; a member without them cannot be reckoned with. */
export function memberAccounts(chart: Chart, memberId: string): MemberAccounts {
  const find = (range: (typeof accountRanges)[keyof typeof accountRanges]) =>
    chart.find((account) => account.memberId === memberId && inRange(account.number, range))?.number;
  const receivable = find(accountRanges.memberReceivable);
  const payable = find(accountRanges.memberPayable);
  const contribution = find(accountRanges.memberContribution);
  if (receivable === undefined || payable === undefined || contribution === undefined)
    throw invalid('Kontoplanen saknar medlemmens konton.', [
      { field: 'chart', message: `Medlemmen ${memberId} saknar fordrings-, skuld- eller intäktskonto i kontoplanen.` },
    ]);
  return { receivable, payable, contribution };
}

/** The member's balance accounts (15xx and 25xx), where its net position with the förbund lives. */
export function memberBalanceAccounts(chart: Chart, memberId: string): string[] {
  return chart
    .filter(
      (account) =>
        account.memberId === memberId &&
        (inRange(account.number, accountRanges.memberReceivable) ||
          inRange(account.number, accountRanges.memberPayable)),
    )
    .map((account) => account.number);
}

export interface DraftLine {
  account: string;
  amount: Decimal;
  memberId?: string;
  insatsId?: string;
}

/**
 * Builds a checked draft: zero lines dropped (a voucher line always has an amount), the text cut
 * to the ledger's limit, balanced, and in the shape the ledger accepts. Returns null when every
 * line is zero, so "nothing to book" books nothing.
 */
export function economyVoucher(
  key: string,
  date: string,
  text: string,
  lines: readonly DraftLine[],
  memberId?: string,
): EconomyVoucher | null {
  const kept = lines.filter((line) => !line.amount.isZero());
  if (kept.length === 0) return null;
  for (const line of kept) assert(isWholeOre(line.amount), 'a voucher line is in whole öre');
  assert(sumMoney(kept.map((line) => line.amount)).isZero(), `voucher ${key} balances`);
  const voucherLines: VoucherLine[] = kept.map((line) => {
    const result: VoucherLine = { account: line.account, amount: formatMoney(line.amount) };
    if (line.memberId !== undefined) result.memberId = line.memberId;
    if (line.insatsId !== undefined) result.insatsId = line.insatsId;
    return result;
  });
  const draft = parseVoucherDraft({
    series: avrakning_series,
    year: yearOf(date),
    date,
    text: text.slice(0, voucher_text_length_max).trim(),
    lines: voucherLines,
    basis: { kind: 'settlement', reference: key },
  });
  assertBalanced(draft);
  return memberId === undefined ? { key, draft } : { key, memberId, draft };
}

/**
 * A member's payment of a statement through the bank. Positive: the member pays the förbund
 * (bank against its receivable). Negative: the förbund pays the member (its payable against bank).
 */
export function memberPaymentVoucher(
  chart: Chart,
  payment: { key: string; memberId: string; date: string; amount: Decimal; text: string },
): EconomyVoucher {
  const accounts = memberAccounts(chart, payment.memberId);
  const counter = payment.amount.isNegative() ? accounts.payable : accounts.receivable;
  const voucher = economyVoucher(
    payment.key,
    payment.date,
    payment.text,
    [
      { account: konto.bank, amount: payment.amount, memberId: payment.memberId },
      { account: counter, amount: payment.amount.neg() },
    ],
    payment.memberId,
  );
  if (voucher === null)
    throw invalid('Betalningen saknar belopp.', [{ field: 'amount', message: 'Belopp: får inte vara noll.' }]);
  return voucher;
}

/** What a set of drafts does to one member's 15xx + 25xx (positive: the member owes more). */
export function memberEffect(chart: Chart, drafts: readonly Pick<VoucherDraft, 'lines'>[], memberId: string): Decimal {
  const accounts = new Set(memberBalanceAccounts(chart, memberId));
  let total = new Decimal(0);
  for (const draft of drafts)
    for (const line of draft.lines) if (accounts.has(line.account)) total = total.plus(line.amount);
  return total;
}
