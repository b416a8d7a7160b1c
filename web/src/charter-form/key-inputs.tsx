import type { Member } from '../api/types.ts';
import { FieldGroup, TextField } from '../components/fields.tsx';
import type { FormProblem } from '../form-errors.ts';

interface MapInputsProps {
  /** The API path of the map, e.g. "settings.contributionKey.kommunKey.percentages". */
  path: string;
  legend: string;
  hint?: string;
  owners: Member[];
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  problem: FormProblem | null;
  /** "%" or "kr", shown after each member's name. */
  unit: string;
}

/** One input per member for a key given member by member: percentages or own amounts. */
export function MemberValueInputs({ path, legend, hint, owners, values, onChange, problem, unit }: MapInputsProps) {
  return (
    <FieldGroup path={path} legend={legend} hint={hint} problem={problem}>
      <div className="form-grid">
        {owners.map((owner) => (
          <TextField
            key={owner.id}
            path={`${path}.${owner.id}`}
            label={`${owner.name} (${unit})`}
            inputMode="decimal"
            autoComplete="off"
            value={values[owner.id] ?? ''}
            onChange={(value) => onChange({ ...values, [owner.id]: value })}
            problem={problem}
          />
        ))}
      </div>
    </FieldGroup>
  );
}

interface PopulationInputsProps {
  members: Member[];
  values: Record<string, { count: string; referenceDate: string }>;
  onChange: (values: Record<string, { count: string; referenceDate: string }>) => void;
  problem: FormProblem | null;
}

/** Folkmängd and its reference date for each kommun; paths point into the member list. */
export function PopulationInputs({ members, values, onChange, problem }: PopulationInputsProps) {
  return (
    <div className="stack">
      {members.map((member, index) => {
        if (member.type !== 'kommun') return null;
        const path = `members.${index}.population`;
        const value = values[member.id] ?? { count: '', referenceDate: '' };
        const change = (part: Partial<typeof value>) => onChange({ ...values, [member.id]: { ...value, ...part } });
        return (
          <FieldGroup key={member.id} path={path} legend={`Folkmängd i ${member.name}`} problem={problem}>
            <div className="form-grid">
              <TextField
                path={`${path}.count`}
                label="Antal invånare"
                inputMode="numeric"
                autoComplete="off"
                value={value.count}
                onChange={(count) => change({ count })}
                problem={problem}
              />
              <TextField
                path={`${path}.referenceDate`}
                label="Folkmängden avser datum"
                hint="ÅÅÅÅ-MM-DD"
                inputMode="numeric"
                autoComplete="off"
                value={value.referenceDate}
                onChange={(referenceDate) => change({ referenceDate })}
                problem={problem}
              />
            </div>
          </FieldGroup>
        );
      })}
    </div>
  );
}
