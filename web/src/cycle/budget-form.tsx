import { type FormEvent, useEffect, useRef, useState } from 'react';
import { putBudget } from '../api/cycle-endpoints.ts';
import type { BudgetVersion } from '../api/cycle-types.ts';
import type { FieldIssue, Member } from '../api/types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { FieldGroup, TextAreaField, TextField } from '../components/fields.tsx';
import { type FormProblem, fieldId, localProblem, problemFromError } from '../form-errors.ts';
import { BudgetBalance } from './budget-balance.tsx';
import {
  addInsats,
  areaFields,
  type BudgetFormState,
  budget_insatser_max,
  budgetFormFrom,
  issueToForm,
  removeInsats,
  toBudgetDraft,
  updateInsats,
} from './budget-form-state.ts';
import { InsatsRows } from './insats-rows.tsx';
import { LiveContributions } from './live-contributions.tsx';

const add_button_id = 'lagg-till-insats';

/** "insatser.1.amount" is about the second insats: the summary says so, as the form numbers from 1. */
function describeIssue(issue: FieldIssue): string {
  const row = /^insatser\.(\d+)\./.exec(issue.field)?.[1];
  const prefix = `Insats ${Number(row) + 1}: `;
  return row === undefined || issue.message.startsWith(prefix) ? issue.message : `${prefix}${issue.message}`;
}

interface Props {
  forbundId: string;
  year: number;
  current: BudgetVersion | null;
  members: Member[];
  onSaved: (saved: BudgetVersion) => void;
  /** After a conflict: read the version someone else saved. */
  onReload: () => void;
}

/**
 * A new version of the budget proposal. Every rule is the API's: it stores the version (409 if
 * someone saved one since this form was opened) and says what stops it from being adopted.
 */
export function BudgetForm({ forbundId, year, current, members, onSaved, onReload }: Props) {
  const [state, setState] = useState<BudgetFormState>(() => budgetFormFrom(current));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<BudgetFormState>) => setState((previous) => ({ ...previous, ...change }));
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target) document.getElementById(target)?.focus();
  });

  const expectedVersion = current?.version ?? 0;
  const conflict = problem?.status === 409;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const request = toBudgetDraft(state);
    if ('issues' in request) return setProblem(localProblem(request.issues));
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await putBudget(forbundId, year, request.body, expectedVersion));
    } catch (error) {
      const found = problemFromError(error);
      setProblem({ ...found, issues: found.issues.map((issue) => issueToForm(state, issue)) });
      setBusy(false);
    }
  }

  const amountField = (key: 'frame' | 'plannedEquityUse' | 'styrelse' | 'administration' | 'revision') => ({
    value: state[key],
    onChange: (value: string) => set({ [key]: value }),
    problem,
    inputMode: 'decimal' as const,
    autoComplete: 'off',
    className: 'field--amount',
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="budgetform-rubrik">
      <h2 id="budgetform-rubrik">{current ? 'Ny version av budgetförslaget' : `Budgetförslag för ${year}`}</h2>
      <p>
        Förslaget sparas som version {expectedVersion + 1}. {current && 'Tidigare versioner finns kvar i historiken. '}
        Belopp i kronor, till exempel 4 000 000 eller 95 000,50.
      </p>
      <ErrorSummary problem={problem} describe={describeIssue} />
      {conflict && (
        <p>
          <button type="button" className="button button--secondary" onClick={onReload}>
            Läs in den senaste versionen
          </button>{' '}
          Det du har skrivit här försvinner då; skriv gärna av det först.
        </p>
      )}

      <FieldGroup path="resources" legend="Resurser" problem={problem}>
        <TextField
          path="frame"
          label="Finansiell ram"
          hint="Medlemmarnas sammanlagda bidrag för året"
          {...amountField('frame')}
        />
        <LiveContributions forbundId={forbundId} year={year} frameText={state.frame} />
        <TextField
          path="plannedEquityUse"
          label="Planerad användning av eget kapital"
          hint="Lämna tomt om inget eget kapital ska användas"
          {...amountField('plannedEquityUse')}
        />
      </FieldGroup>

      <FieldGroup path="areas" legend="Användning per område" problem={problem}>
        <div className="form-grid">
          {areaFields.map(([key, label]) => (
            <TextField key={key} path={`areas.${key}`} label={label} {...amountField(key)} />
          ))}
        </div>
      </FieldGroup>

      <FieldGroup
        path="insatser"
        legend="Insatser"
        hint="Varje insats som förbundet finansierar, med den medlem som driver den"
        problem={problem}
      >
        <InsatsRows
          rows={state.insatser}
          members={members}
          problem={problem}
          onChange={(key, change) => setState((previous) => updateInsats(previous, key, change))}
          onRemove={(key, index) => {
            // The row after takes the removed row's place; the last row's neighbour is the one before.
            const remaining = state.insatser.length - 1;
            const target = index < remaining ? index : index - 1;
            focusAfter.current = target >= 0 ? fieldId(`insatser.${target}.name`) : add_button_id;
            setState((previous) => removeInsats(previous, key));
          }}
        />
        <button
          type="button"
          id={add_button_id}
          className="button button--secondary"
          disabled={state.insatser.length >= budget_insatser_max}
          onClick={() => {
            focusAfter.current = fieldId(`insatser.${state.insatser.length}.name`);
            setState(addInsats);
          }}
        >
          Lägg till insats
        </button>
      </FieldGroup>

      <BudgetBalance state={state} />

      <TextAreaField
        path="plan"
        label="Verksamhetsplan"
        hint="Mål och inriktning för året, som styrelsen beslutar om"
        maxLength={20_000}
        value={state.plan}
        onChange={(plan) => set({ plan })}
        problem={problem}
      />

      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Spara som version {expectedVersion + 1}
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Sparar budgetförslaget…' : ''}
        </p>
      </div>
    </form>
  );
}
