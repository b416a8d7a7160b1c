import { type FormEvent, useRef, useState } from 'react';
import { getContributions } from '../api/endpoints.ts';
import type { ContributionModel, Contributions } from '../api/types.ts';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { formatAmount } from '../format.ts';
import { readAmount } from '../input.ts';
import { ContributionsTable } from './contributions-table.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { TextField } from './fields.tsx';

/**
 * Medlemsbidrag for a frame the user types in, computed by the API from the förbundsordning in
 * force. Under the own-amounts model each member's part is fixed, so there is no frame to type.
 */
export function ContributionsPanel({ forbundId, model }: { forbundId: string; model: ContributionModel }) {
  const ownAmounts = model === 'own-amounts';
  const [frameText, setFrameText] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [result, setResult] = useState<Contributions | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const pending = useRef<AbortController | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const frame = ownAmounts ? undefined : readAmount(frameText);
    if (frame === null)
      return setProblem(
        localProblem([{ field: 'frame', message: 'Ange ramen som ett belopp i kronor, till exempel 4 000 000.' }]),
      );
    // A newer question replaces an older one still on its way.
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setBusy(true);
    setProblem(null);
    setAnnouncement('');
    try {
      const answer = await getContributions(forbundId, frame, controller.signal);
      setResult(answer);
      setAnnouncement(`Medlemsbidragen för en ram på ${formatAmount(answer.frame)} visas nedan.`);
    } catch (error) {
      if (controller.signal.aborted) return;
      setResult(null);
      setProblem(problemFromError(error));
    }
    setBusy(false);
  }

  return (
    <>
      <form className="form form--inline" onSubmit={submit} noValidate aria-label="Beräkna medlemsbidrag">
        <ErrorSummary problem={problem} />
        {ownAmounts ? (
          <p>Förbundsordningen anger ett eget belopp för varje medlem. Ramen är summan av beloppen.</p>
        ) : (
          <TextField
            path="frame"
            alsoPaths={['query.frame']}
            label="Finansiell ram i kronor"
            hint="Till exempel 4 000 000 eller 4 000 000,00"
            inputMode="decimal"
            autoComplete="off"
            value={frameText}
            onChange={setFrameText}
            problem={problem}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {ownAmounts ? 'Visa medlemsbidrag' : 'Beräkna'}
          </button>
          <p role="status" className="status-inline">
            {busy ? 'Beräknar medlemsbidrag…' : announcement}
          </p>
        </div>
      </form>
      {result && <ContributionsTable result={result} />}
    </>
  );
}
