import { type FormEvent, useId, useState } from 'react';
import { replayWebhook } from '../api/webhook-endpoints.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';

/** A local date-time from the input ("2026-11-23T10:00") as an instant; the browser's zone is the user's. */
function instantOf(local: string): string | null {
  const instant = new Date(local);
  return local && !Number.isNaN(instant.getTime()) ? instant.toISOString() : null;
}

/** Delivers again every event of the subscription's types that occurred in [from, to). */
export function ReplayRangeForm({
  forbundId,
  memberId,
  subscriptionId,
  onReplayed,
}: {
  forbundId: string;
  memberId: string;
  subscriptionId: string;
  onReplayed: () => void;
}) {
  const headingId = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [result, setResult] = useState('');
  const [busy, setBusy] = useState(false);
  // Field ids must be unique on a page with several subscriptions; the API's paths are "from" and "to".
  const prefix = `replay-${subscriptionId}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const fromInstant = instantOf(from);
    const toInstant = instantOf(to);
    const issues = [
      ...(fromInstant ? [] : [{ field: `${prefix}.from`, message: 'Från: ange en tidpunkt.' }]),
      ...(toInstant ? [] : [{ field: `${prefix}.to`, message: 'Till: ange en tidpunkt.' }]),
      ...(fromInstant && toInstant && toInstant <= fromInstant
        ? [{ field: `${prefix}.to`, message: 'Till: ska ligga efter Från.' }]
        : []),
    ];
    if (issues.length > 0 || !fromInstant || !toInstant) return setProblem(localProblem(issues));
    setBusy(true);
    setProblem(null);
    setResult('');
    try {
      const answer = await replayWebhook(forbundId, memberId, subscriptionId, { from: fromInstant, to: toInstant });
      setResult(
        answer.replayed === 0
          ? 'Inga händelser i intervallet.'
          : `${answer.replayed} händelser skickas om.${answer.truncated ? ' Fler fanns; välj ett kortare intervall för resten.' : ''}`,
      );
      onReplayed();
    } catch (error) {
      const found = problemFromError(error);
      setProblem({ ...found, issues: found.issues.map((issue) => ({ ...issue, field: `${prefix}.${issue.field}` })) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form replay-form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h4 id={headingId}>Skicka om händelser i ett tidsintervall</h4>
      <ErrorSummary problem={problem} />
      <div className="replay-form__fields">
        <TextField
          path={`${prefix}.from`}
          label="Från"
          type="datetime-local"
          value={from}
          onChange={setFrom}
          problem={problem}
        />
        <TextField
          path={`${prefix}.to`}
          label="Till (ej inräknad)"
          type="datetime-local"
          value={to}
          onChange={setTo}
          problem={problem}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={busy}>
          Skicka om intervallet
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Skickar om…' : result}
        </p>
      </div>
    </form>
  );
}
