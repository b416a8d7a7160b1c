import { formatAmount } from '../format.ts';
import { absoluteAmount, isNegativeAmount } from '../money.ts';
import { totals, type VoucherFormState } from './voucher-form-state.ts';

/**
 * Debit, credit and their difference as the user types. The difference is a live region, so a
 * screen-reader user hears it change without leaving the amount field.
 */
export function VoucherTotals({ state }: { state: VoucherFormState }) {
  const { debit, credit, difference } = totals(state);
  const balanced = /^-?0+\.00$/.test(difference);
  const larger = isNegativeAmount(difference) ? 'kredit är större än debet' : 'debet är större än kredit';
  return (
    <div className={`voucher-totals${balanced ? '' : ' voucher-totals--unbalanced'}`}>
      <p>
        Summa debet <span className="nowrap">{formatAmount(debit)}</span>, summa kredit{' '}
        <span className="nowrap">{formatAmount(credit)}</span>
      </p>
      <p role="status" aria-atomic="true" className="voucher-totals__difference">
        Differens <span className="nowrap">{formatAmount(absoluteAmount(difference))}</span>
        {balanced ? '' : ` – ${larger}`}
      </p>
    </div>
  );
}
