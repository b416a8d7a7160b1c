import { type FormEvent, useState } from 'react';
import { SelectField } from '../components/fields.tsx';
import type { FormProblem } from '../form-errors.ts';
import { navigate } from '../router.tsx';
import { currentYear } from './ledger-paths.ts';

/** Records are kept seven years (DOMAIN.md §4), and next year can be booked in advance. */
const years_back_shown = 7;
const years_ahead_shown = 1;

/** The years to choose from, newest first; the year on show is always among them. */
export function yearOptions(selected: number): (readonly [string, string])[] {
  const newest = currentYear() + years_ahead_shown;
  const years = new Set<number>([selected]);
  for (let year = newest; year >= newest - years_back_shown - years_ahead_shown; year--) years.add(year);
  return [...years].sort((a, b) => b - a).map((year) => [String(year), String(year)] as const);
}

export function YearSelect({
  value,
  onChange,
  problem = null,
  label = 'År',
}: {
  value: number;
  onChange: (year: number) => void;
  problem?: FormProblem | null;
  label?: string;
}) {
  return (
    <SelectField
      path="year"
      label={label}
      value={String(value)}
      options={yearOptions(value)}
      onChange={(year) => onChange(Number(year))}
      problem={problem}
    />
  );
}

/** Year choice for a page whose year is in its path; a button, not navigation on change (WCAG 3.2.2). */
export function YearForm({
  year,
  pathFor,
  label,
}: {
  year: number;
  pathFor: (year: number) => string;
  label?: string;
}) {
  const [chosen, setChosen] = useState(year);
  return (
    <form
      className="form filter-form"
      aria-label="Välj år"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        navigate(pathFor(chosen));
      }}
    >
      <div className="filter-form__fields">
        <YearSelect value={chosen} onChange={setChosen} label={label} />
        <button type="submit" className="button">
          Visa
        </button>
      </div>
    </form>
  );
}
