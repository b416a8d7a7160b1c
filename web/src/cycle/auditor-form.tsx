import { type FormEvent, useState } from 'react';
import { addAuditor } from '../api/cycle-endpoints.ts';
import type { Auditor } from '../api/cycle-types.ts';
import type { Member } from '../api/types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { CheckboxField, FieldGroup, TextField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';

const identifier = /^[A-Za-z0-9_-]{1,40}$/;
const name_length_max = 200;

/**
 * Registers an auditor: one per member, Försäkringskassan and Arbetsförmedlingen jointly, each
 * with a personal substitute. The id is the auditor's user name, so the signed-in revisor
 * reports as exactly this auditor; the account itself is made in the user directory.
 */
export function AuditorForm({
  forbundId,
  members,
  onAdded,
}: {
  forbundId: string;
  members: Member[];
  onAdded: (auditor: Auditor) => void;
}) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [appointedBy, setAppointedBy] = useState<string[]>([]);
  const [substitute, setSubstitute] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const issues = [
      ...(identifier.test(id.trim())
        ? []
        : [{ field: 'id', message: 'Användarnamn: 1–40 tecken, bokstäverna a–z, siffror, - eller _.' }]),
      ...(name.trim() ? [] : [{ field: 'name', message: 'Namn: ange revisorns namn.' }]),
      ...(appointedBy.length > 0 ? [] : [{ field: 'appointedBy', message: 'Utsedd av: välj minst en medlem.' }]),
      ...(substitute.trim() ? [] : [{ field: 'substitute.name', message: 'Ersättare: ange ersättarens namn.' }]),
    ];
    if (issues.length > 0) return setProblem(localProblem(issues));
    setBusy(true);
    setProblem(null);
    try {
      onAdded(
        await addAuditor(forbundId, {
          id: id.trim(),
          name: name.trim(),
          appointedBy,
          substitute: { name: substitute.trim() },
        }),
      );
    } catch (error) {
      setProblem(problemFromError(error));
      setBusy(false);
    }
  }

  const toggle = (memberId: string, checked: boolean) =>
    setAppointedBy((previous) =>
      checked ? [...previous, memberId] : previous.filter((candidate) => candidate !== memberId),
    );

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="revisor-form-rubrik">
      <h3 id="revisor-form-rubrik">Registrera en revisor</h3>
      <ErrorSummary problem={problem} />
      <TextField
        path="id"
        label="Användarnamn"
        hint="Revisorns användarnamn i inloggningen; revisorn lämnar sin berättelse under det"
        autoComplete="off"
        maxLength={40}
        value={id}
        onChange={setId}
        problem={problem}
      />
      <TextField
        path="name"
        label="Namn"
        maxLength={name_length_max}
        value={name}
        onChange={setName}
        problem={problem}
      />
      <FieldGroup
        path="appointedBy"
        legend="Utsedd av"
        hint="Försäkringskassan och Arbetsförmedlingen utser en gemensam revisor"
        problem={problem}
      >
        {members.map((member) => (
          <CheckboxField
            key={member.id}
            path={`appointedBy-${member.id}`}
            label={member.name}
            checked={appointedBy.includes(member.id)}
            onChange={(checked) => toggle(member.id, checked)}
            problem={null}
          />
        ))}
      </FieldGroup>
      <TextField
        path="substitute.name"
        label="Personlig ersättare"
        maxLength={name_length_max}
        value={substitute}
        onChange={setSubstitute}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Registrera revisorn
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Registrerar revisorn…' : ''}
        </p>
      </div>
    </form>
  );
}
