import type { BudgetAdoption } from '../api/cycle-types.ts';
import { formatDate } from '../format.ts';
import { adoptionKindNames } from '../labels.ts';

/** The board's decisions on a year's budget, with whether each met the deadline. */
export function AdoptionList({ adoptions, year }: { adoptions: BudgetAdoption[]; year: number }) {
  if (adoptions.length === 0) return <p className="empty">Styrelsen har inte beslutat om budgeten för {year} ännu.</p>;
  return (
    <ul className="decision-list">
      {adoptions.map((adoption) => (
        <li key={adoption.recordedAt}>
          <strong>
            {adoptionKindNames[adoption.adoptionKind]} {year} antagen {formatDate(adoption.decidedAt)}
          </strong>{' '}
          (version {adoption.budgetVersion}), beslut: {adoption.decisionReference}.{' '}
          {adoption.adoptionKind === 'preliminary' ? (
            <span className="badge badge--overdue">Uppfyller inte kravet på antagen budget</span>
          ) : adoption.onTime ? (
            <span className="badge badge--done">I tid, sista dag {adoption.deadline}</span>
          ) : (
            <span className="badge badge--overdue">För sent, sista dag {adoption.deadline}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
