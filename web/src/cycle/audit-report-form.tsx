import { type FormEvent, useState } from 'react';
import { submitAuditReport } from '../api/cycle-endpoints.ts';
import type { AuditReport, Recommendation } from '../api/cycle-types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { FileField, RadioGroup, TextAreaField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { recommendationNames } from '../labels.ts';
import { audit_report_file_bytes_max, readFileAsBase64 } from './file-base64.ts';

const statement_length_max = 20_000;
const file_name_length_max = 100;

const recommendationOptions = (['grant', 'refuse'] as const).map((kind) => [kind, recommendationNames[kind]] as const);

/** "file.contentBase64" is about the file the user chose: shown at the file field. */
const atFileField = (field: string) => (field.startsWith('file') ? 'file' : field);

/** The auditor's revisionsberättelse: a recommendation on ansvarsfrihet, a statement and the signed file. */
export function AuditReportForm({
  forbundId,
  year,
  onSubmitted,
}: {
  forbundId: string;
  year: number;
  onSubmitted: (report: AuditReport) => void;
}) {
  const [recommendation, setRecommendation] = useState<Recommendation | ''>('');
  const [statement, setStatement] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const issues = [
      ...(recommendation
        ? []
        : [
            {
              field: 'recommendation',
              message: 'Rekommendation: välj om du tillstyrker eller avstyrker ansvarsfrihet.',
            },
          ]),
      ...(statement.trim()
        ? []
        : [{ field: 'statement', message: 'Uttalande: skriv revisionsberättelsens uttalande.' }]),
      ...(file && file.size > audit_report_file_bytes_max
        ? [{ field: 'file', message: `Fil: filen är ${Math.ceil(file.size / 1000)} kB; den får vara högst 150 kB.` }]
        : []),
      ...(file && file.size === 0 ? [{ field: 'file', message: 'Fil: filen är tom.' }] : []),
    ];
    if (issues.length > 0 || !recommendation) return setProblem(localProblem(issues));
    setBusy(true);
    setProblem(null);
    try {
      const attachment = file
        ? { fileName: file.name.slice(-file_name_length_max), contentBase64: await readFileAsBase64(file) }
        : undefined;
      onSubmitted(
        await submitAuditReport(forbundId, year, {
          recommendation,
          statement: statement.trim(),
          ...(attachment ? { file: attachment } : {}),
        }),
      );
    } catch (error) {
      const found = problemFromError(error);
      setProblem({ ...found, issues: found.issues.map((issue) => ({ ...issue, field: atFileField(issue.field) })) });
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="revisionsberattelse-form-rubrik">
      <h3 id="revisionsberattelse-form-rubrik">Lämna revisionsberättelse för {year}</h3>
      <p>Berättelsen lämnas en gång och går till alla medlemmar inför deras beslut om ansvarsfrihet.</p>
      <ErrorSummary problem={problem} />
      <RadioGroup
        path="recommendation"
        legend="Rekommendation"
        value={recommendation as Recommendation}
        options={recommendationOptions}
        onChange={setRecommendation}
        problem={problem}
      />
      <TextAreaField
        path="statement"
        label="Uttalande"
        hint="Revisorns uttalande om förvaltningen och årsredovisningen"
        rows={6}
        maxLength={statement_length_max}
        value={statement}
        onChange={setStatement}
        problem={problem}
      />
      <FileField
        path="file"
        label="Undertecknad revisionsberättelse (valfritt)"
        hint="En PDF-fil på högst 150 kB"
        accept=".pdf,application/pdf"
        onChange={setFile}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Lämna revisionsberättelsen
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Lämnar revisionsberättelsen…' : ''}
        </p>
      </div>
    </form>
  );
}
