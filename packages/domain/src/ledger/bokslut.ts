import { assert } from '../errors.ts';
import { Decimal, formatMoney, sumMoney } from '../money.ts';
import { type Chart, isBalanceAccount, konto } from './account.ts';
import { accountBalances, type Balances, type Booking, toBalances, unclosedResultOf } from './balances.ts';
import { assertBalanced, type VoucherDraft } from './voucher.ts';

export interface ClosingOptions {
  year: number;
  series: string;
  /** Defaults to the last day of the fiscal year, where a bokslut transaction belongs. */
  date?: string;
  text?: string;
}

/**
 * The bokslut voucher that moves årets resultat from the RR to eget kapital: 8990 (RR) against
 * 2010 (BR), as in BAS. Afterwards the RR accounts sum to zero and the BR carries the result in
 * 2010. Returns null when there is nothing to move (a zero result, or the closing is already
 * booked), so running the closing twice books nothing twice.
 */
export function closingVoucher(
  chart: Chart,
  bookings: readonly Booking[],
  options: ClosingOptions,
): VoucherDraft | null {
  const unclosed = unclosedResultOf(accountBalances(chart, bookings));
  if (unclosed.isZero()) return null;
  const draft: VoucherDraft = {
    series: options.series,
    year: options.year,
    date: options.date ?? `${options.year}-12-31`,
    text: options.text ?? `Bokslut ${options.year}: årets resultat till eget kapital`,
    lines: [
      { account: konto.aretsResultatRr, amount: formatMoney(unclosed) },
      { account: konto.aretsResultat, amount: formatMoney(unclosed.neg()) },
    ],
  };
  assertBalanced(draft);
  return draft;
}

/**
 * Next year's ingående balanser: the closing balance of every balance account. Årets resultat,
 * whether closed to 2010 or not, joins the balanserat eget kapital (2050), so 2010 starts the
 * new year at zero and waits for that year's result. Result accounts start from zero.
 */
export function openingBalances(chart: Chart, bookings: readonly Booking[], opening?: Balances): Balances {
  const balances = accountBalances(chart, bookings, opening);
  const next = new Map<string, Decimal>();
  for (const [number, amount] of balances) if (isBalanceAccount(number)) next.set(number, amount);
  const result = (next.get(konto.aretsResultat) ?? new Decimal(0)).minus(unclosedResultOf(balances));
  next.delete(konto.aretsResultat);
  next.set(konto.balanseratEgetKapital, (next.get(konto.balanseratEgetKapital) ?? new Decimal(0)).plus(result));
  assert(sumMoney(next.values()).isZero(), 'next year opens in balance');
  return toBalances(next);
}
