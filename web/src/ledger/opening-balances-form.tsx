import { type FormEvent, useEffect, useRef, useState } from 'react';
import { enterOpeningBalances } from '../api/ledger-endpoints.ts';
import type { Account, OpeningBalances } from '../api/ledger-types.ts';
import type { FieldIssue } from '../api/types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { FieldGroup, TextField } from '../components/fields.tsx';
import { type FormProblem, fieldId, localProblem, problemFromError } from '../form-errors.ts';
import { formatAmount } from '../format.ts';
import { absoluteAmount, isNegativeAmount } from '../money.ts';
import {
  addOpeningLine,
  initialOpeningForm,
  issuesForForm,
  type OpeningFormState,
  opening_lines_max,
  openingTotals,
  removeOpeningLine,
  source_length_max,
  toOpeningBalances,
  updateOpeningLine,
} from './opening-balances-state.ts';
import { VoucherLineFields } from './voucher-line-fields.tsx';

/** "lines.1.account" is about the second row: the summary says so, as the form numbers rows from 1. */
function describeIssue(issue: FieldIssue): string {
  const row = /^lines\.(\d+)\./.exec(issue.field)?.[1];
  return row === undefined ? issue.message : `Rad ${Number(row) + 1}: ${issue.message}`;
}

/**
 * The first year's ingående balanser from the förbund's previous books, entered once. Every rule
 * is the API's (balance accounts of the kontoplan, summing to zero); the form reads what is typed,
 * shows the sum as it goes and puts what the API answers at the row it concerns.
 */
export function OpeningBalancesForm({
  forbundId,
  year,
  accounts,
  onEntered,
  onConflict,
}: {
  forbundId: string;
  year: number;
  /** The kontoplan's balance accounts. */
  accounts: Account[];
  onEntered: (entered: OpeningBalances) => void;
  /** 409: the balances were written meanwhile, or the year before turns out to be booked here. */
  onConflict: (detail: string) => void;
}) {
  const [state, setState] = useState<OpeningFormState>(initialOpeningForm);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  // Where focus goes after a row is added or removed, since the button pressed may be gone.
  const focusAfter = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === 'add') addButton.current?.focus();
    else if (target) document.getElementById(target)?.focus();
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const request = toOpeningBalances(state);
    if ('issues' in request) return setProblem(localProblem(request.issues));
    setBusy(true);
    setProblem(null);
    try {
      onEntered(await enterOpeningBalances(forbundId, year, request.body));
    } catch (error) {
      const failure = problemFromError(error);
      setBusy(false);
      if (failure.status === 409) return onConflict(failure.detail ?? failure.title);
      setProblem({ ...failure, issues: issuesForForm(failure.issues, state) });
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="ib-formular-rubrik">
      <h2 id="ib-formular-rubrik">För in ingående balanser för {year}</h2>
      <ErrorSummary problem={problem} describe={describeIssue} />
      <TextField
        path="source"
        label="Källa"
        hint="Varifrån balanserna kommer, för revisorn: till exempel ”Utgående balanser 2025 enligt Visma, bokslut 2026-02-10”"
        maxLength={source_length_max}
        value={state.source}
        onChange={(source) => setState((previous) => ({ ...previous, source }))}
        problem={problem}
      />
      <FieldGroup
        path="balances"
        legend="Balanser per konto"
        hint="Ett balanskonto per rad, beloppet i debet eller i kredit, som 850 000,00. Tillgångar står i debet, skulder och eget kapital i kredit."
        problem={problem}
      >
        <ol className="voucher-lines">
          {state.lines.map((line, index) => (
            <li key={line.key}>
              <VoucherLineFields
                line={line}
                index={index}
                accounts={accounts}
                problem={problem}
                onChange={(change) => setState((previous) => updateOpeningLine(previous, line.key, change))}
                onRemove={
                  state.lines.length > 1
                    ? () => {
                        focusAfter.current = 'add';
                        setState((previous) => removeOpeningLine(previous, line.key));
                      }
                    : undefined
                }
              />
            </li>
          ))}
        </ol>
        {state.lines.length < opening_lines_max && (
          <p>
            <button
              type="button"
              ref={addButton}
              className="button button--secondary"
              onClick={() => {
                focusAfter.current = fieldId(`lines.${state.lines.length}.account`);
                setState(addOpeningLine);
              }}
            >
              Lägg till rad
            </button>
          </p>
        )}
        <OpeningSum state={state} />
      </FieldGroup>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Registrera de ingående balanserna
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Registrerar de ingående balanserna…' : ''}
        </p>
      </div>
    </form>
  );
}

/**
 * Debit, credit and the sum as the user types. The sum is a live region, so a screen-reader user
 * hears it change without leaving the amount field.
 */
function OpeningSum({ state }: { state: OpeningFormState }) {
  const { debit, credit, sum } = openingTotals(state.lines);
  const zero = /^-?0+\.00$/.test(sum);
  const larger = isNegativeAmount(sum) ? 'kredit är större än debet' : 'debet är större än kredit';
  return (
    <div className={`voucher-totals${zero ? '' : ' voucher-totals--unbalanced'}`}>
      <p>
        Summa debet <span className="nowrap">{formatAmount(debit)}</span>, summa kredit{' '}
        <span className="nowrap">{formatAmount(credit)}</span>
      </p>
      <p role="status" aria-atomic="true" className="voucher-totals__difference">
        Summa <span className="nowrap">{formatAmount(sum)}</span>
        {zero ? '' : ` – ska vara noll; ${larger} med ${formatAmount(absoluteAmount(sum))}`}
      </p>
    </div>
  );
}
