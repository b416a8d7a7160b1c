import { type FormEvent, useState } from 'react';
import { createForbund } from '../api/endpoints.ts';
import type { FieldIssue } from '../api/types.ts';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { lanNames } from '../lan.ts';
import { navigate, pathOf } from '../router.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { SelectField, TextField } from './fields.tsx';
import { type ForbundCreateState, initialCreateState, toCreateRequest } from './forbund-create-state.ts';
import { MemberRowsEditor } from './member-rows-editor.tsx';

const lanOptions = lanNames.map((lan) => [lan, lan] as const);
/** Fields of the first förbundsordning; the request nests them under `charter`. */
const charterFields = new Set(['effectiveFrom', 'decisionReference', 'members', 'settings']);

/** Issues are shown under `charter.…` even if a layer reports them relative to the charter itself. */
const underCharter = (issues: FieldIssue[]) =>
  issues.map((issue) =>
    charterFields.has(issue.field.split('.')[0] ?? '') ? { ...issue, field: `charter.${issue.field}` } : issue,
  );

/** "Skapa förbund": the förbund's profile, its members and the first förbundsordning. */
export function ForbundCreateForm() {
  const [state, setState] = useState<ForbundCreateState>(initialCreateState);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<ForbundCreateState>) => setState((previous) => ({ ...previous, ...change }));
  const text = (key: 'name' | 'organisationsnummer' | 'seat' | 'formationDate') => ({
    path: key,
    value: state[key],
    onChange: (value: string) => set({ [key]: value }),
    problem,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const request = toCreateRequest(state);
    if ('issues' in request) return setProblem(localProblem(request.issues));
    setBusy(true);
    setProblem(null);
    try {
      const created = await createForbund(request.body);
      navigate(pathOf('forbund', created.id), { state: { notice: `Förbundet ${created.name} har skapats.` } });
    } catch (error) {
      const failure = problemFromError(error);
      setProblem({ ...failure, issues: underCharter(failure.issues) });
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="skapa-forbund-rubrik">
      <ErrorSummary problem={problem} />
      <div className="form-grid">
        <TextField label="Förbundets namn" autoComplete="organization" {...text('name')} />
        <TextField
          label="Organisationsnummer"
          hint="NNNNNN-NNNN"
          inputMode="numeric"
          {...text('organisationsnummer')}
        />
        <SelectField
          path="lan"
          label="Län"
          value={state.lan}
          options={lanOptions}
          placeholder="Välj län"
          onChange={(lan) => set({ lan })}
          problem={problem}
        />
        <TextField label="Säte" hint="Kommunen där förbundet har sitt säte" {...text('seat')} />
        <TextField label="Bildat" hint="ÅÅÅÅ-MM-DD" inputMode="numeric" {...text('formationDate')} />
      </div>

      <h3>Förbundsordning</h3>
      <p className="hint">
        Inställningarna får Finsams standardvärden och kan ändras på förbundets sida när förbundet är skapat.
      </p>
      <div className="form-grid">
        <TextField
          path="charter.effectiveFrom"
          label="Gäller från"
          hint="ÅÅÅÅ-MM-DD"
          inputMode="numeric"
          value={state.effectiveFrom}
          onChange={(effectiveFrom) => set({ effectiveFrom })}
          problem={problem}
        />
        <TextField
          path="charter.decisionReference"
          label="Beslut (valfritt)"
          hint="Till exempel paragraf och datum i medlemmarnas beslut"
          value={state.decisionReference}
          onChange={(decisionReference) => set({ decisionReference })}
          problem={problem}
        />
      </div>
      <MemberRowsEditor
        path="charter.members"
        rows={state.members}
        onChange={(members) => set({ members })}
        problem={problem}
      />

      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Skapa förbund
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Skapar förbundet…' : ''}
        </p>
      </div>
    </form>
  );
}
