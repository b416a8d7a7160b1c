import { type FormEvent, useState } from 'react';
import { decideDischarge } from '../api/cycle-endpoints.ts';
import type { Discharge, DischargeKind } from '../api/cycle-types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { RadioGroup, TextAreaField, TextField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { todayIso } from '../format.ts';
import { dischargeNames } from '../labels.ts';

/** The API's bounds on a decision's reference and comment. */
const reference_length_max = 200;
const comment_length_max = 5_000;

const decisionOptions = (['granted', 'refused'] as const).map((kind) => [kind, dischargeNames[kind]] as const);

/** The member's own decision on ansvarsfrihet for the year, with its date and decision reference. */
export function DischargeForm({
  forbundId,
  year,
  memberId,
  onDecided,
}: {
  forbundId: string;
  year: number;
  memberId: string;
  onDecided: (decision: Discharge) => void;
}) {
  const [decision, setDecision] = useState<DischargeKind | ''>('');
  const [decidedOn, setDecidedOn] = useState(todayIso);
  const [decisionReference, setDecisionReference] = useState('');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const issues = [
      ...(decision ? [] : [{ field: 'decision', message: 'Beslut: välj om medlemmen beviljar eller vägrar.' }]),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(decidedOn.trim())
        ? []
        : [{ field: 'decidedOn', message: 'Beslutsdatum: ange datumet som ÅÅÅÅ-MM-DD.' }]),
      ...(decisionReference.trim()
        ? []
        : [
            {
              field: 'decisionReference',
              message: 'Beslutsreferens: ange var beslutet finns, t.ex. protokollets paragraf.',
            },
          ]),
    ];
    if (issues.length > 0 || !decision) return setProblem(localProblem(issues));
    setBusy(true);
    setProblem(null);
    try {
      onDecided(
        await decideDischarge(forbundId, year, memberId, {
          decision,
          decidedOn: decidedOn.trim(),
          decisionReference: decisionReference.trim(),
          comment: comment.trim(),
        }),
      );
    } catch (error) {
      setProblem(problemFromError(error));
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="ansvarsfrihetsbeslut-rubrik">
      <h3 id="ansvarsfrihetsbeslut-rubrik">Medlemmens beslut om ansvarsfrihet för {year}</h3>
      <ErrorSummary problem={problem} />
      <RadioGroup
        path="decision"
        legend="Beslut"
        value={decision as DischargeKind}
        options={decisionOptions}
        onChange={setDecision}
        problem={problem}
      />
      <TextField
        path="decidedOn"
        label="Beslutsdatum"
        hint="ÅÅÅÅ-MM-DD, den dag medlemmens organ beslutade"
        className="field--short"
        autoComplete="off"
        value={decidedOn}
        onChange={setDecidedOn}
        problem={problem}
      />
      <TextField
        path="decisionReference"
        label="Beslutsreferens"
        hint="Till exempel ”Kommunfullmäktige 2028-04-20 § 12”"
        maxLength={reference_length_max}
        value={decisionReference}
        onChange={setDecisionReference}
        problem={problem}
      />
      <TextAreaField
        path="comment"
        label="Kommentar (valfritt)"
        maxLength={comment_length_max}
        value={comment}
        onChange={setComment}
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
