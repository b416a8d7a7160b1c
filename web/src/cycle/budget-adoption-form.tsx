import { type FormEvent, useState } from 'react';
import { adoptBudget } from '../api/cycle-endpoints.ts';
import type { AdoptionKind, BudgetAdoption } from '../api/cycle-types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { RadioGroup, TextField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { decidedAtFor } from './decision-date.ts';

const reference_length_max = 200;

const kindOptions = [
  ['final', 'Budget för året (uppfyller kravet på antagen budget)'],
  ['preliminary', 'Preliminär budget (uppfyller inte kravet; en budget behöver antas senare)'],
] as const satisfies readonly (readonly [AdoptionKind, string])[];

/** The board's decision on the budget's current version. */
export function BudgetAdoptionForm({
  forbundId,
  year,
  version,
  today,
  onAdopted,
}: {
  forbundId: string;
  year: number;
  version: number;
  /** The runtime's today, YYYY-MM-DD in Stockholm. */
  today: string;
  onAdopted: (adoption: BudgetAdoption) => void;
}) {
  const [kind, setKind] = useState<AdoptionKind>('final');
  const [decisionReference, setDecisionReference] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const decidedAt = decidedAtFor(decidedOn, today);
    const issues = [
      ...(decisionReference.trim()
        ? []
        : [
            {
              field: 'decisionReference',
              message: 'Protokoll: ange beslutets paragraf, t.ex. ”Styrelsen 2026-11-20 § 7”.',
            },
          ]),
      ...(decidedAt === null ? [{ field: 'decidedAt', message: 'Beslutsdatum: ange datumet som ÅÅÅÅ-MM-DD.' }] : []),
    ];
    if (issues.length > 0) return setProblem(localProblem(issues));
    setBusy(true);
    setProblem(null);
    try {
      onAdopted(
        await adoptBudget(forbundId, year, {
          kind,
          decisionReference: decisionReference.trim(),
          ...(decidedAt ? { decidedAt } : {}),
        }),
      );
    } catch (error) {
      setProblem(problemFromError(error));
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="budgetbeslut-form-rubrik">
      <h3 id="budgetbeslut-form-rubrik">
        Anta budgeten för {year} (version {version})
      </h3>
      <ErrorSummary problem={problem} />
      <RadioGroup path="kind" legend="Beslut" value={kind} options={kindOptions} onChange={setKind} problem={problem} />
      <TextField
        path="decisionReference"
        label="Protokoll"
        hint="Sammanträde och paragraf, t.ex. ”Styrelsen 2026-11-20 § 7”"
        maxLength={reference_length_max}
        value={decisionReference}
        onChange={setDecisionReference}
        problem={problem}
      />
      <TextField
        path="decidedAt"
        label="Beslutsdatum (valfritt)"
        hint="ÅÅÅÅ-MM-DD. Lämna tomt om beslutet fattades i dag."
        className="field--short"
        autoComplete="off"
        value={decidedOn}
        onChange={setDecidedOn}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Registrera beslutet
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Registrerar beslutet…' : ''}
        </p>
      </div>
    </form>
  );
}
