import { type FormEvent, useState } from 'react';
import { resolveDischarge } from '../api/cycle-endpoints.ts';
import type { DischargeResolution, LikvidWaiting } from '../api/cycle-types.ts';
import type { FieldIssue } from '../api/types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { SelectField, TextAreaField, TextField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';

/** The API's bounds on a resolution (packages/domain closing/schema.ts dischargeResolutionSchema). */
const reference_length_max = 200;
const text_length_max = 5_000;

const datePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

interface Draft {
  memberId: string;
  decidedOn: string;
  decisionReference: string;
  text: string;
}

/** What the user must fix before the resolution is sent; the fields are the API's paths. */
function draftIssues(draft: Draft): FieldIssue[] {
  return [
    ...(draft.memberId ? [] : [{ field: 'memberId', message: 'Medlem: välj den medlem vars vägran har lösts.' }]),
    ...(datePattern.test(draft.decidedOn.trim())
      ? []
      : [{ field: 'decidedOn', message: 'Beslutsdatum: ange datumet som ÅÅÅÅ-MM-DD.' }]),
    ...(draft.decisionReference.trim()
      ? []
      : [
          {
            field: 'decisionReference',
            message: 'Beslutsreferens: ange var beslutet finns, t.ex. protokollets paragraf.',
          },
        ]),
    ...(draft.text.trim() ? [] : [{ field: 'text', message: 'Hur vägran löstes: beskriv vad som har gjorts.' }]),
  ];
}

/**
 * The board records how a member's refusal of ansvarsfrihet was resolved, with the decision's
 * date and reference. The likvidavräkning after ansvarsfrihet waits for this (the likvid-waits
 * rule); once every refusal is resolved, the cycle makes it.
 */
export function DischargeResolutionForm({
  forbundId,
  year,
  refused,
  today,
  onResolved,
}: {
  forbundId: string;
  year: number;
  /** The members that refused and whose refusal has no resolution yet. */
  refused: LikvidWaiting[];
  today: string;
  onResolved: (resolution: DischargeResolution, memberName: string) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => ({
    // With one refusal there is nothing to choose.
    memberId: refused.length === 1 ? (refused[0]?.memberId ?? '') : '',
    decidedOn: today,
    decisionReference: '',
    text: '',
  }));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const issues = draftIssues(draft);
    if (issues.length > 0) return setProblem(localProblem(issues));
    setBusy(true);
    setProblem(null);
    try {
      const resolution = await resolveDischarge(forbundId, year, {
        memberId: draft.memberId,
        decidedOn: draft.decidedOn.trim(),
        decisionReference: draft.decisionReference.trim(),
        text: draft.text.trim(),
      });
      const name = refused.find((member) => member.memberId === resolution.memberId)?.name ?? 'medlemmen';
      onResolved(resolution, name);
    } catch (error) {
      const failure = problemFromError(error);
      // A member that granted, or a resolution already recorded, answers 409 with the reason.
      setProblem(failure.status === 409 ? { ...failure, title: 'Lösningen kunde inte registreras.' } : failure);
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="vagran-losning-rubrik">
      <h3 id="vagran-losning-rubrik">Registrera hur vägran av ansvarsfrihet har lösts</h3>
      <p>
        Likvidavräkningen görs när styrelsen har registrerat hur varje vägran har lösts, till exempel efter medlemmens
        nya beslut eller styrelsens förklaring till medlemmen.
      </p>
      <ErrorSummary problem={problem} />
      <SelectField
        path="memberId"
        label="Medlem"
        value={draft.memberId}
        placeholder={refused.length === 1 ? undefined : 'Välj medlem'}
        options={refused.map((member) => [member.memberId, member.name] as const)}
        onChange={(memberId) => set({ memberId })}
        problem={problem}
      />
      <TextField
        path="decidedOn"
        label="Beslutsdatum"
        hint="ÅÅÅÅ-MM-DD, samma dag som vägran eller senare"
        className="field--short"
        autoComplete="off"
        value={draft.decidedOn}
        onChange={(decidedOn) => set({ decidedOn })}
        problem={problem}
      />
      <TextField
        path="decisionReference"
        label="Beslutsreferens"
        hint="Till exempel ”Styrelsen 2028-05-12 § 4”"
        maxLength={reference_length_max}
        value={draft.decisionReference}
        onChange={(decisionReference) => set({ decisionReference })}
        problem={problem}
      />
      <TextAreaField
        path="text"
        label="Hur vägran löstes"
        maxLength={text_length_max}
        value={draft.text}
        onChange={(text) => set({ text })}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Registrera lösningen
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Registrerar lösningen…' : ''}
        </p>
      </div>
    </form>
  );
}
