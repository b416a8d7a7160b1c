import type { Member } from '../api/types.ts';
import { SelectField, TextField } from '../components/fields.tsx';
import type { FormProblem } from '../form-errors.ts';
import type { InsatsRow } from './budget-form-state.ts';

interface Props {
  rows: InsatsRow[];
  members: Member[];
  problem: FormProblem | null;
  onChange: (key: number, change: Partial<InsatsRow>) => void;
  onRemove: (key: number, index: number) => void;
}

/** The budget's insatser, one group per row named "Insats N" so every field is read with its row. */
export function InsatsRows({ rows, members, problem, onChange, onRemove }: Props) {
  if (rows.length === 0) return <p className="empty">Inga insatser i förslaget.</p>;
  const memberOptions = members.map((member) => [member.id, member.name] as const);
  return (
    <ol className="budget-rows">
      {rows.map((row, index) => (
        <li key={row.key}>
          <fieldset className="budget-row">
            <legend>Insats {index + 1}</legend>
            <div className="budget-row__fields">
              <TextField
                path={`insatser.${index}.name`}
                alsoPaths={[`insatser.${index}.id`]}
                label="Namn"
                hint={row.id ? `I bokföringen: ${row.id}` : undefined}
                maxLength={200}
                value={row.name}
                onChange={(name) => onChange(row.key, { name })}
                problem={problem}
              />
              <TextField
                path={`insatser.${index}.amount`}
                label="Belopp"
                className="field--amount"
                inputMode="decimal"
                autoComplete="off"
                value={row.amount}
                onChange={(amount) => onChange(row.key, { amount })}
                problem={problem}
              />
              <SelectField
                path={`insatser.${index}.ownerMemberId`}
                label="Drivs av (valfritt)"
                value={row.ownerMemberId}
                placeholder="Ingen vald"
                options={memberOptions}
                onChange={(ownerMemberId) => onChange(row.key, { ownerMemberId })}
                problem={problem}
              />
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onRemove(row.key, index)}
              >
                Ta bort insats {index + 1}
              </button>
            </div>
          </fieldset>
        </li>
      ))}
    </ol>
  );
}
