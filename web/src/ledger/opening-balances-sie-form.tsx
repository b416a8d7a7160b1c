import { type FormEvent, useState } from 'react';
import { importOpeningBalancesSie } from '../api/ledger-endpoints.ts';
import type { OpeningBalances } from '../api/ledger-types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { CheckboxField, FileField } from '../components/fields.tsx';
import { readFileAsBase64 } from '../cycle/file-base64.ts';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';

/** The API's limit on the base64 text of an uploaded SIE file (under the request limit). */
const sie_base64_length_max = 250_000;

/**
 * The first year's ingående balanser from the previous system's SIE 4 file: its #IB 0 lines,
 * checked by the API as the by-hand entry is (routes/ledger-openings.ts). The file's problems
 * name its lines ("line 7"); they are shown at the file field as "Rad 7: …". A file of another
 * organisationsnummer is accepted only when the person confirms it, which the audit trail records.
 */
export function OpeningBalancesSieForm({
  forbundId,
  year,
  onEntered,
  onConflict,
}: {
  forbundId: string;
  year: number;
  onEntered: (opening: OpeningBalances) => void;
  onConflict: (detail: string) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [confirmMismatch, setConfirmMismatch] = useState(false);
  const [mismatchAsked, setMismatchAsked] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!file)
      return setProblem(localProblem([{ field: 'file', message: 'SIE-fil: välj filen från det tidigare systemet.' }]));
    setBusy(true);
    setProblem(null);
    try {
      const contentBase64 = await readFileAsBase64(file);
      if (contentBase64.length > sie_base64_length_max) {
        setBusy(false);
        return setProblem(
          localProblem([
            {
              field: 'file',
              message: `SIE-fil: filen är ${Math.ceil(file.size / 1000)} kB; den får vara högst 180 kB.`,
            },
          ]),
        );
      }
      onEntered(
        await importOpeningBalancesSie(forbundId, year, {
          contentBase64,
          ...(confirmMismatch ? { confirmOrganisationsnummerMismatch: true } : {}),
        }),
      );
    } catch (error) {
      const found = problemFromError(error);
      if (found.status === 409) onConflict(found.detail ?? found.title);
      if (found.issues.some((issue) => issue.message.includes('#ORGNR'))) setMismatchAsked(true);
      setProblem({
        ...found,
        issues: found.issues.map((issue) => {
          const line = /^line (\d+)$/.exec(issue.field);
          return { field: 'file', message: line ? `Rad ${line[1]} i filen: ${issue.message}` : issue.message };
        }),
      });
    }
    setBusy(false);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="ib-sie-rubrik">
      <h2 id="ib-sie-rubrik">Läs in ingående balanser från en SIE-fil</h2>
      <p>
        Exportera en SIE 4-fil från förbundets tidigare ekonomisystem. Filens ingående balanser för {year} (#IB 0) förs
        in; filens verifikationer bokförs inte.
      </p>
      <ErrorSummary problem={problem} />
      <FileField
        path="file"
        label="SIE-fil"
        hint="SIE typ 4, räkenskapsåret som börjar 1 januari"
        accept=".se,.si,.sie,text/plain"
        onChange={setFile}
        problem={problem}
      />
      {mismatchAsked && (
        <CheckboxField
          path="confirmOrganisationsnummerMismatch"
          label="Filen är förbundets trots att organisationsnumret avviker"
          hint="Bekräftelsen sparas med ditt namn i förbundets logg."
          checked={confirmMismatch}
          onChange={setConfirmMismatch}
          problem={problem}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Läs in de ingående balanserna
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Läser in filen…' : ''}
        </p>
      </div>
    </form>
  );
}
