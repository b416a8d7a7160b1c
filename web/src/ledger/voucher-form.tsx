import { type FormEvent, useEffect, useRef, useState } from 'react';
import { bookVoucher } from '../api/ledger-endpoints.ts';
import type { Account, VoucherBasisKind } from '../api/ledger-types.ts';
import type { FieldIssue } from '../api/types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { FieldGroup, SelectField, TextField } from '../components/fields.tsx';
import { type FormProblem, fieldId, localProblem, problemFromError } from '../form-errors.ts';
import { todayIso } from '../format.ts';
import { manualBasisKinds, voucherBasisNames } from '../labels.ts';
import { navigate } from '../router.tsx';
import { voucherLabel, voucherPath } from './ledger-paths.ts';
import {
  addLine,
  initialVoucherForm,
  removeLine,
  toVoucherDraft,
  updateLine,
  type VoucherFormState,
  voucher_lines_max,
} from './voucher-form-state.ts';
import { VoucherLineFields } from './voucher-line-fields.tsx';
import { VoucherTotals } from './voucher-totals.tsx';

/** "lines.1.amount" is about the second line: the summary says so, as the form numbers lines from 1. */
function describeIssue(issue: FieldIssue): string {
  const line = /^lines\.(\d+)\./.exec(issue.field)?.[1];
  return line === undefined ? issue.message : `Rad ${Number(line) + 1}: ${issue.message}`;
}

const basisOptions = manualBasisKinds.map((kind) => [kind, voucherBasisNames[kind]] as const);

/** Book a new voucher. Every rule is the API's; the form reads what is typed and shows what it answers. */
export function VoucherForm({ forbundId, accounts }: { forbundId: string; accounts: Account[] }) {
  const [state, setState] = useState<VoucherFormState>(() => initialVoucherForm(todayIso()));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<VoucherFormState>) => setState((previous) => ({ ...previous, ...change }));
  // Where focus goes after a line is added or removed, since the button pressed may be gone.
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
    const request = toVoucherDraft(state);
    if ('issues' in request) return setProblem(localProblem(request.issues));
    setBusy(true);
    setProblem(null);
    try {
      const booked = await bookVoucher(forbundId, request.body);
      navigate(voucherPath(forbundId, booked), {
        state: { notice: `Verifikation ${voucherLabel(booked)} (${booked.year}) har bokförts.` },
      });
    } catch (error) {
      const failure = problemFromError(error);
      // A locked period or a lost race answers 409 with the reason in the detail.
      setProblem(failure.status === 409 ? { ...failure, title: 'Verifikationen kunde inte bokföras.' } : failure);
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Ny verifikation">
      <ErrorSummary problem={problem} describe={describeIssue} />
      <div className="form-grid">
        <TextField
          path="series"
          label="Serie"
          hint="Till exempel A för löpande bokföring"
          className="field--short"
          autoComplete="off"
          autoCapitalize="characters"
          value={state.series}
          onChange={(series) => set({ series })}
          problem={problem}
        />
        <TextField
          path="date"
          alsoPaths={['year']}
          label="Datum"
          hint="ÅÅÅÅ-MM-DD; året är räkenskapsåret"
          inputMode="numeric"
          autoComplete="off"
          className="field--short"
          value={state.date}
          onChange={(date) => set({ date })}
          problem={problem}
        />
      </div>
      <TextField
        path="text"
        label="Text"
        hint="Vad verifikationen gäller, till exempel ”Konferenslokal, styrelsemöte 12 maj”"
        maxLength={200}
        value={state.text}
        onChange={(text) => set({ text })}
        problem={problem}
      />
      <FieldGroup path="basis" legend="Underlag (valfritt)" problem={problem}>
        <div className="form-grid">
          <SelectField<VoucherBasisKind>
            path="basis.kind"
            label="Slag av underlag"
            value={state.basisKind}
            placeholder="Inget underlag"
            options={basisOptions}
            onChange={(basisKind) => set({ basisKind })}
            problem={problem}
          />
          <TextField
            path="basis.reference"
            label="Referens"
            hint="Fakturanummer, paragraf i protokoll eller liknande"
            maxLength={200}
            value={state.basisReference}
            onChange={(basisReference) => set({ basisReference })}
            problem={problem}
          />
        </div>
      </FieldGroup>

      <FieldGroup
        path="lines"
        legend="Rader"
        hint="Skriv beloppen som 1 250,00. Varje rad har ett belopp, i debet eller i kredit."
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
                onChange={(change) => setState((previous) => updateLine(previous, line.key, change))}
                onRemove={
                  state.lines.length > 2
                    ? () => {
                        focusAfter.current = 'add';
                        setState((previous) => removeLine(previous, line.key));
                      }
                    : undefined
                }
              />
            </li>
          ))}
        </ol>
        {state.lines.length < voucher_lines_max && (
          <p>
            <button
              type="button"
              ref={addButton}
              className="button button--secondary"
              onClick={() => {
                focusAfter.current = fieldId(`lines.${state.lines.length}.account`);
                setState(addLine);
              }}
            >
              Lägg till rad
            </button>
          </p>
        )}
        <VoucherTotals state={state} />
      </FieldGroup>

      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Bokför verifikationen
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Bokför verifikationen…' : ''}
        </p>
      </div>
    </form>
  );
}
