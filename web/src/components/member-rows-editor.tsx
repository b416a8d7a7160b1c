import { useEffect, useRef } from 'react';
import { type MemberType, memberTypes } from '../api/types.ts';
import type { FormProblem } from '../form-errors.ts';
import { fieldId } from '../form-errors.ts';
import { memberTypeNames } from '../labels.ts';
import { CheckboxField, FieldGroup, SelectField, TextField } from './fields.tsx';
import { type MemberRow, membersMax, newMemberRow } from './forbund-create-state.ts';

const typeOptions = memberTypes.map((type) => [type, memberTypeNames[type]] as const);

interface Props {
  /** Where the members sit in the request body, e.g. "charter.members". */
  path: string;
  rows: MemberRow[];
  onChange: (rows: MemberRow[]) => void;
  problem: FormProblem | null;
}

/** The member list of a new förbund: one fieldset per member, rows can be added and removed. */
export function MemberRowsEditor({ path, rows, onChange, problem }: Props) {
  const focusKey = useRef<number | null>(null);

  // A newly added row gets focus, so keyboard users land where they can fill it in.
  useEffect(() => {
    if (focusKey.current === null) return;
    const index = rows.findIndex((row) => row.key === focusKey.current);
    focusKey.current = null;
    if (index >= 0) document.getElementById(fieldId(`${path}.${index}.type`))?.focus();
  }, [rows, path]);

  const update = (key: number, change: Partial<MemberRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    const row = newMemberRow('kommun');
    focusKey.current = row.key;
    onChange([...rows, row]);
  };

  return (
    <FieldGroup
      path={path}
      legend="Medlemmar"
      hint="Ett förbund ska ha Försäkringskassan, Arbetsförmedlingen, minst en region och minst en kommun. En kommun som inte ingår i någon region (Gotland) kan ersätta regionen."
      problem={problem}
    >
      <ol className="member-rows">
        {rows.map((row, index) => {
          const at = `${path}.${index}`;
          const title = row.name.trim() || `Medlem ${index + 1}`;
          return (
            <li key={row.key}>
              <FieldGroup path={at} legend={title} problem={problem} className="member-row">
                <SelectField<MemberType>
                  path={`${at}.type`}
                  label="Typ av medlem"
                  value={row.type}
                  options={typeOptions}
                  placeholder="Välj typ"
                  onChange={(type) => update(row.key, { type })}
                  problem={problem}
                />
                <TextField
                  path={`${at}.name`}
                  alsoPaths={[`${at}.id`]}
                  label="Namn"
                  value={row.name}
                  onChange={(name) => update(row.key, { name })}
                  problem={problem}
                />
                <TextField
                  path={`${at}.organisationsnummer`}
                  label="Organisationsnummer"
                  hint="NNNNNN-NNNN"
                  inputMode="numeric"
                  value={row.organisationsnummer}
                  onChange={(organisationsnummer) => update(row.key, { organisationsnummer })}
                  problem={problem}
                />
                {row.type === 'kommun' && (
                  <CheckboxField
                    path={`${at}.outsideRegion`}
                    label="Kommunen ingår inte i någon region"
                    checked={row.outsideRegion}
                    onChange={(outsideRegion) => update(row.key, { outsideRegion })}
                    problem={problem}
                  />
                )}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => onChange(rows.filter((each) => each.key !== row.key))}
                >
                  Ta bort <span className="visually-hidden">{title}</span>
                </button>
              </FieldGroup>
            </li>
          );
        })}
      </ol>
      {rows.length < membersMax ? (
        <button type="button" className="button button--secondary" onClick={add}>
          Lägg till medlem
        </button>
      ) : (
        <p className="hint">Ett förbund kan ha högst {membersMax} medlemmar.</p>
      )}
    </FieldGroup>
  );
}
