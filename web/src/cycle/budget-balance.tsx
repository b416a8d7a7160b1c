import { formatAmount } from '../format.ts';
import { absoluteAmount, isNegativeAmount } from '../money.ts';
import { type BudgetFormState, budgetTotals } from './budget-form-state.ts';

/**
 * Resources, use and their difference as the user types. The difference is a live region, so a
 * screen-reader user hears it change without leaving the amount field. Whether the budget may be
 * adopted unbalanced is the API's rule (it may not); saving an unbalanced draft is allowed.
 */
export function BudgetBalance({ state }: { state: BudgetFormState }) {
  const { resources, use, difference } = budgetTotals(state);
  const balanced = /^-?0+\.00$/.test(difference);
  const larger = isNegativeAmount(difference)
    ? 'användningen är större än resurserna'
    : 'resurserna är större än användningen';
  return (
    <div className={`voucher-totals budget-balance${balanced ? '' : ' voucher-totals--unbalanced'}`}>
      <p>
        Resurser <span className="nowrap">{formatAmount(resources)}</span>, användning{' '}
        <span className="nowrap">{formatAmount(use)}</span>
      </p>
      <p role="status" aria-atomic="true" className="voucher-totals__difference">
        {balanced ? 'Budgeten balanserar.' : `Skillnad ${formatAmount(absoluteAmount(difference))} – ${larger}.`}
      </p>
    </div>
  );
}
