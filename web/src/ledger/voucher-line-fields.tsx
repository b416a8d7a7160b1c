import type { Account } from '../api/ledger-types.ts';
import { FieldGroup, SelectField, TextField } from '../components/fields.tsx';
import type { FormProblem } from '../form-errors.ts';
import { amountColumn, type LineState } from './voucher-form-state.ts';

interface Props {
  line: LineState;
  index: number;
  accounts: Account[];
  problem: FormProblem | null;
  onChange: (change: Partial<LineState>) => void;
  /** Absent while the voucher has only the two lines double entry needs. */
  onRemove?: () => void;
}

/**
 * One line: account, debit, credit. The API knows one signed amount per line ("lines.1.amount"),
 * so that path goes to the column the amount was typed in and its messages show there.
 */
export function VoucherLineFields({ line, index, accounts, problem, onChange, onRemove }: Props) {
  const path = `lines.${index}`;
  const column = amountColumn(line);
  const amountPath = (side: 'debit' | 'credit') => (side === column ? `${path}.amount` : `${path}.${side}`);
  const number = index + 1;
  return (
    <FieldGroup path={path} legend={`Rad ${number}`} problem={problem} className="voucher-line">
      <div className="voucher-line__fields">
        <SelectField
          path={`${path}.account`}
          label="Konto"
          value={line.account}
          placeholder="Välj konto"
          options={accounts.map((account) => [account.number, `${account.number} ${account.name}`] as const)}
          onChange={(account) => onChange({ account })}
          problem={problem}
        />
        <TextField
          path={amountPath('debit')}
          label="Debet"
          inputMode="decimal"
          autoComplete="off"
          className="field--amount"
          value={line.debit}
          onChange={(debit) => onChange({ debit })}
          problem={problem}
        />
        <TextField
          path={amountPath('credit')}
          label="Kredit"
          inputMode="decimal"
          autoComplete="off"
          className="field--amount"
          value={line.credit}
          onChange={(credit) => onChange({ credit })}
          problem={problem}
        />
        {onRemove && (
          <button type="button" className="button button--secondary button--small" onClick={onRemove}>
            Ta bort rad {number}
          </button>
        )}
      </div>
    </FieldGroup>
  );
}
