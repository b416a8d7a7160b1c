import { type FormEvent, useState } from 'react';
import { adoptAnnualReport } from '../api/cycle-endpoints.ts';
import type { AnnualReport } from '../api/cycle-types.ts';
import type { FieldIssue } from '../api/types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextAreaField, TextField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { decidedAtFor } from './decision-date.ts';

/** The API's bounds: a reference, up to 40 signatories of 200 characters, and the förvaltningsberättelse. */
const reference_length_max = 200;
const signatories_max = 40;
const report_text_length_max = 20_000;

/** "signedBy.2" is the third name: shown at the one field that holds them all. */
const atSignatories = (issue: FieldIssue): FieldIssue =>
  issue.field.startsWith('signedBy.') ? { ...issue, field: 'signedBy' } : issue;

/** The board adopts and signs the year's årsredovisning (after the bokslut, by 31 March). */
export function AnnualReportForm({
  forbundId,
  year,
  today,
  onAdopted,
}: {
  forbundId: string;
  year: number;
  today: string;
  onAdopted: (report: AnnualReport) => void;
}) {
  const [decisionReference, setDecisionReference] = useState('');
  const [signatories, setSignatories] = useState('');
  const [forvaltningsberattelse, setForvaltningsberattelse] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const signedBy = signatories
      .split('\n')
      .map((name) => name.trim())
      .filter(Boolean);
    const decidedAt = decidedAtFor(decidedOn, today);
    const issues = [
      ...(decisionReference.trim()
        ? []
        : [{ field: 'decisionReference', message: 'Protokoll: ange beslutets paragraf.' }]),
      ...(signedBy.length === 0
        ? [{ field: 'signedBy', message: 'Undertecknad av: skriv namnet på minst en styrelseledamot.' }]
        : signedBy.length > signatories_max
          ? [{ field: 'signedBy', message: `Undertecknad av: högst ${signatories_max} namn.` }]
          : []),
      ...(decidedAt === null ? [{ field: 'decidedAt', message: 'Beslutsdatum: ange datumet som ÅÅÅÅ-MM-DD.' }] : []),
    ];
    if (issues.length > 0) return setProblem(localProblem(issues));
    setBusy(true);
    setProblem(null);
    try {
      onAdopted(
        await adoptAnnualReport(forbundId, year, {
          decisionReference: decisionReference.trim(),
          signedBy,
          forvaltningsberattelse: forvaltningsberattelse.trim(),
          ...(decidedAt ? { decidedAt } : {}),
        }),
      );
    } catch (error) {
      const found = problemFromError(error);
      setProblem({ ...found, issues: found.issues.map(atSignatories) });
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="arsredovisning-form-rubrik">
      <h3 id="arsredovisning-form-rubrik">Anta och underteckna årsredovisningen för {year}</h3>
      <ErrorSummary problem={problem} />
      <TextField
        path="decisionReference"
        label="Protokoll"
        hint={`Sammanträde och paragraf, t.ex. ”Styrelsen ${year + 1}-03-12 § 3”`}
        maxLength={reference_length_max}
        value={decisionReference}
        onChange={setDecisionReference}
        problem={problem}
      />
      <TextAreaField
        path="signedBy"
        label="Undertecknad av"
        hint="Ett namn per rad, som namnen ska stå i årsredovisningen"
        rows={4}
        value={signatories}
        onChange={setSignatories}
        problem={problem}
      />
      <TextAreaField
        path="forvaltningsberattelse"
        label="Förvaltningsberättelse"
        hint="Styrelsens redogörelse för året; den står först i årsredovisningen"
        rows={8}
        maxLength={report_text_length_max}
        value={forvaltningsberattelse}
        onChange={setForvaltningsberattelse}
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
          Anta årsredovisningen
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Registrerar beslutet…' : ''}
        </p>
      </div>
    </form>
  );
}
