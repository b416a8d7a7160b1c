import { type FormEvent, useState } from 'react';
import { putCharter } from '../api/endpoints.ts';
import type { CharterVersion } from '../api/types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { Link, navigate, pathOf } from '../router.tsx';
import { ContributionKeyFields } from './contribution-key-fields.tsx';
import { DeadlineFields } from './deadline-fields.tsx';
import { FundingFields, ResultFields } from './result-fields.tsx';
import type { SectionProps } from './section-props.ts';
import { type CharterFormState, initialCharterState, toCharterUpdate } from './state.ts';

interface Props {
  forbundId: string;
  /** The version the change builds on; its number is sent as expectedVersion. */
  charter: CharterVersion;
  /** Fetches the newest version after a conflict; the form then starts over from it. */
  onReload: () => void;
}

/** A new version of the förbundsordning. Saving never overwrites a version someone else saved. */
export function CharterForm({ forbundId, charter, onReload }: Props) {
  const [state, setState] = useState<CharterFormState>(() => initialCharterState(charter));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<CharterFormState>) => setState((previous) => ({ ...previous, ...change }));
  const section: SectionProps = { state, set, problem, members: charter.members };
  const forbundPath = pathOf('forbund', forbundId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const request = toCharterUpdate(state, charter);
    if ('issues' in request) return setProblem(localProblem(request.issues));
    setBusy(true);
    setProblem(null);
    try {
      const saved = await putCharter(forbundId, request.body);
      navigate(forbundPath, { state: { notice: `Förbundsordningen har sparats som version ${saved.version}.` } });
    } catch (error) {
      const failure = problemFromError(error);
      setProblem(
        failure.status === 409
          ? {
              ...failure,
              title: 'Förbundsordningen har ändrats av någon annan.',
              detail: `Du utgick från version ${charter.version}, men en nyare version har sparats sedan dess. Hämta den senaste versionen och gör dina ändringar igen.`,
            }
          : failure,
      );
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Ny version av förbundsordningen">
      <ErrorSummary problem={problem} />
      {problem?.status === 409 && (
        <p>
          <button type="button" className="button" onClick={onReload}>
            Hämta senaste versionen
          </button>
        </p>
      )}

      <h2>Beslut</h2>
      <div className="form-grid">
        <TextField
          path="effectiveFrom"
          label="Den nya versionen gäller från"
          hint="ÅÅÅÅ-MM-DD"
          inputMode="numeric"
          value={state.effectiveFrom}
          onChange={(effectiveFrom) => set({ effectiveFrom })}
          problem={problem}
        />
        <TextField
          path="decisionReference"
          label="Beslut (valfritt)"
          hint="Till exempel paragraf och datum i medlemmarnas beslut"
          value={state.decisionReference}
          onChange={(decisionReference) => set({ decisionReference })}
          problem={problem}
        />
      </div>

      <h2>Medlemsbidrag</h2>
      <ContributionKeyFields {...section} />

      <h2>Betalning</h2>
      <FundingFields {...section} />

      <h2>Resultatfördelning vid bokslut</h2>
      <ResultFields {...section} />

      <h2>Tidsfrister</h2>
      <DeadlineFields {...section} />

      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Spara ny version
        </button>
        <Link to={forbundPath} className="button button--secondary">
          Avbryt
        </Link>
        <p role="status" className="status-inline">
          {busy ? 'Sparar förbundsordningen…' : ''}
        </p>
      </div>
    </form>
  );
}
