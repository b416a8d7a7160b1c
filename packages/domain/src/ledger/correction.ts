import { formatMoney, parseMoney } from '../money.ts';
import { fiscalYearOf } from './periods.ts';
import { assertBalanced, type Voucher, type VoucherDraft, voucher_text_length_max, voucherLabel } from './voucher.ts';

export interface ReversalOptions {
  /** The date of the reversal: usually today, in the first open period (passed in; no clock here). */
  date: string;
  /** Defaults to the series of the original. */
  series?: string;
  /** Defaults to "Återföring av A12 (2027): <original text>". */
  text?: string;
}

/**
 * The draft of a voucher that cancels `original` line by line: same accounts, members and
 * insatser, opposite amounts, linked back to it. A booked voucher is never changed or deleted
 * (DOMAIN.md §4); booking this draft restores every balance the original moved.
 */
export function reversalOf(original: Voucher, options: ReversalOptions): VoucherDraft {
  assertBalanced(original);
  const text = options.text ?? `Återföring av ${voucherLabel(original)}: ${original.text}`;
  const draft: VoucherDraft = {
    series: options.series ?? original.series,
    year: fiscalYearOf(options.date),
    date: options.date,
    text: text.slice(0, voucher_text_length_max).trim(),
    lines: original.lines.map((line) => ({ ...line, amount: formatMoney(parseMoney(line.amount).neg()) })),
    corrects: { series: original.series, year: original.year, number: original.number, kind: 'reversal' },
  };
  if (original.basis !== undefined) draft.basis = original.basis;
  assertBalanced(draft);
  return draft;
}
