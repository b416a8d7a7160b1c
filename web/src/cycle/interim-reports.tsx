import { type FormEvent, useState } from 'react';
import { adoptInterimReport, downloadInterimReport, getFollowUp } from '../api/cycle-endpoints.ts';
import type { FollowUp, InterimReportAdoption, InterimReports } from '../api/cycle-types.ts';
import { type Loadable, useApi } from '../api/use-api.ts';
import { DownloadButtons } from '../components/download-buttons.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Facts } from '../components/facts.tsx';
import { TextAreaField, TextField } from '../components/fields.tsx';
import { Loaded, Notice } from '../components/status.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { formatAmount, formatDate, formatMonth, todayIso } from '../format.ts';

/** The months of a year, 1–12. */
const year_months = Array.from({ length: 12 }, (_, index) => index + 1);

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The delårsrapporter whose period has ended and that wait for the board (none once the year is closed). */
export function interimReportsAwaiting(reports: InterimReports, today: string): string[] {
  if (reports.yearClosed) return [];
  const adopted = new Set(reports.adopted.map((adoption) => adoption.periodEnd));
  return reports.dates.filter((periodEnd) => today > periodEnd && !adopted.has(periodEnd));
}

/** The förbundsordning's delårsrapporter of the year: status, PDF and, for the board, adoption. */
export function InterimReportsSection({
  year,
  forbundId,
  reports,
  decides,
  onAdopted,
}: {
  forbundId: string;
  year: number;
  /** Loaded by the page, whose list of waiting decisions reads the same answer. */
  reports: Loadable<InterimReports>;
  decides: boolean;
  /** Told after an adoption: the page loads the reports again. */
  onAdopted: () => void;
}) {
  const [notice, setNotice] = useState('');
  return (
    <section className="section" id="delarsrapport" aria-labelledby="delarsrapport-rubrik">
      <h2 id="delarsrapport-rubrik">Delårsrapporter {year}</h2>
      {notice && (
        <Notice focus key={notice}>
          {notice}
        </Notice>
      )}
      <Loaded state={reports} loadingText="Hämtar delårsrapporterna…">
        {(data) =>
          data.dates.length === 0 ? (
            <p className="empty">Förbundsordningen har ingen delårsrapport för {year}.</p>
          ) : (
            data.dates.map((periodEnd) => (
              <InterimReport
                key={periodEnd}
                forbundId={forbundId}
                year={year}
                periodEnd={periodEnd}
                due={data.deadlines.find((deadline) => deadline.periodEnd === periodEnd)?.due}
                yearClosed={data.yearClosed}
                adopted={data.adopted.find((adoption) => adoption.periodEnd === periodEnd)}
                decides={decides}
                onAdopted={() => {
                  setNotice(`Delårsrapporten per ${periodEnd} är antagen.`);
                  onAdopted();
                }}
              />
            ))
          )
        }
      </Loaded>
    </section>
  );
}

function InterimReport({
  forbundId,
  year,
  periodEnd,
  due,
  yearClosed,
  adopted,
  decides,
  onAdopted,
}: {
  forbundId: string;
  year: number;
  periodEnd: string;
  due: string | undefined;
  yearClosed: boolean;
  adopted: InterimReportAdoption | undefined;
  decides: boolean;
  onAdopted: () => void;
}) {
  const today = todayIso();
  const ended = today > periodEnd;
  return (
    <article className="section" aria-labelledby={`delar-${periodEnd}`}>
      <h3 id={`delar-${periodEnd}`}>Delårsrapport per {periodEnd}</h3>
      {adopted ? (
        <Facts
          rows={[
            ['Status', 'Antagen'],
            ['Antagen', formatDate(adopted.decidedAt)],
            ['Protokoll', adopted.decisionReference],
            ...(adopted.comments ? [['Kommentarer', adopted.comments] as [string, string]] : []),
          ]}
        />
      ) : (
        <p>
          Status:{' '}
          {yearClosed ? (
            <span className="badge">Inte antagen; året är stängt</span>
          ) : !ended ? (
            <span className="badge">Perioden har inte slutat</span>
          ) : due && today > due ? (
            <span className="badge badge--late">Försenad</span>
          ) : (
            <span className="badge badge--waiting">Väntar på styrelsens beslut</span>
          )}
          {due && !yearClosed && <> Antas senast {formatDate(due)} enligt förbundsordningen.</>}
        </p>
      )}
      <DownloadButtons
        compact
        downloads={[
          {
            label: `delårsrapporten per ${periodEnd} som PDF`,
            fetch: (onProgress) => downloadInterimReport(forbundId, year, periodEnd, onProgress),
            fallbackName: `delarsrapport-${periodEnd}.pdf`,
          },
        ]}
      />
      {decides && !adopted && ended && !yearClosed && (
        <InterimAdoptionForm forbundId={forbundId} year={year} periodEnd={periodEnd} onAdopted={onAdopted} />
      )}
    </article>
  );
}

function InterimAdoptionForm({
  forbundId,
  year,
  periodEnd,
  onAdopted,
}: {
  forbundId: string;
  year: number;
  periodEnd: string;
  onAdopted: () => void;
}) {
  const [decisionReference, setDecisionReference] = useState('');
  const [comments, setComments] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `delar-${periodEnd}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!decisionReference.trim())
      return setProblem(
        localProblem([
          { field: `${prefix}.decisionReference`, message: 'Beslutsreferens: ange protokollets paragraf.' },
        ]),
      );
    setBusy(true);
    setProblem(null);
    try {
      await adoptInterimReport(forbundId, year, periodEnd, {
        decisionReference: decisionReference.trim(),
        comments: comments.trim(),
      });
      onAdopted();
    } catch (error) {
      const found = problemFromError(error);
      setProblem({ ...found, issues: found.issues.map((issue) => ({ ...issue, field: `${prefix}.${issue.field}` })) });
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={`${prefix}-form`}>
      <h4 id={`${prefix}-form`}>Anta delårsrapporten per {periodEnd}</h4>
      <ErrorSummary problem={problem} />
      <TextField
        path={`${prefix}.decisionReference`}
        label="Beslutsreferens"
        hint={`Sammanträde och paragraf, t.ex. ”Styrelsen ${periodEnd.slice(0, 4)}-09-20 § 4”`}
        maxLength={200}
        value={decisionReference}
        onChange={setDecisionReference}
        problem={problem}
      />
      <TextAreaField
        path={`${prefix}.comments`}
        label="Styrelsens kommentarer (valfritt)"
        rows={4}
        maxLength={20_000}
        value={comments}
        onChange={setComments}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Anta delårsrapporten
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Registrerar beslutet…' : ''}
        </p>
      </div>
    </form>
  );
}

/** The month's follow-up for the board: outcome so far and the full-year forecast per area. */
export function FollowUpSection({ forbundId, year }: { forbundId: string; year: number }) {
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  // The last month that has ended; a year that has ended shows December.
  const initial = thisYear > year ? 12 : thisYear < year ? 1 : Math.max(1, Number(today.slice(5, 7)) - 1);
  const [month, setMonth] = useState(initial);
  const [followUp] = useApi(`follow-up:${forbundId}:${year}:${month}`, (signal) =>
    getFollowUp(forbundId, year, month, signal),
  );
  return (
    <section className="section" id="uppfoljning" aria-labelledby="uppfoljning-rubrik">
      <h2 id="uppfoljning-rubrik">Månadsuppföljning {year}</h2>
      <div className="field field--short no-print">
        <label htmlFor="uppfoljning-manad">Utfall till och med</label>
        <select id="uppfoljning-manad" value={month} onChange={(event) => setMonth(Number(event.target.value))}>
          {year_months.map((choice) => (
            <option key={choice} value={choice}>
              {capitalised(formatMonth(choice))}
            </option>
          ))}
        </select>
      </div>
      <Loaded state={followUp} loadingText="Hämtar uppföljningen…">
        {(data) => <ForecastTable data={data} year={year} />}
      </Loaded>
    </section>
  );
}

function ForecastTable({ data, year }: { data: FollowUp; year: number }) {
  const { forecast } = data;
  const label = `Helårsprognos ${year}, utfall till och med ${data.through}`;
  return (
    <>
      <TableScroll label={label}>
        <table>
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">Område</th>
              <th scope="col" className="number">
                Budget
              </th>
              <th scope="col" className="number">
                Utfall hittills
              </th>
              <th scope="col" className="number">
                Prognos helår
              </th>
              <th scope="col" className="number">
                Avvikelse
              </th>
            </tr>
          </thead>
          <tbody>
            {forecast.rows.map((row) => (
              <tr key={row.area}>
                <th scope="row">{row.name}</th>
                <td className="number">{formatAmount(row.budget)}</td>
                <td className="number">{formatAmount(row.outcomeToDate)}</td>
                <td className="number">{formatAmount(row.forecast)}</td>
                <td className="number">{formatAmount(row.deviation)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Kostnader</th>
              <td className="number">{formatAmount(forecast.costs.budget)}</td>
              <td className="number">{formatAmount(forecast.costs.outcomeToDate)}</td>
              <td className="number">{formatAmount(forecast.costs.forecast)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <Facts
        rows={[
          ['Intäkter (ramen)', formatAmount(forecast.income)],
          ['Prognos för årets resultat', formatAmount(forecast.forecastResult)],
        ]}
      />
      <p className="hint">
        Prognosen är utfallet till och med {data.through} plus budgetens takt för resten av året. Avvikelse är budget
        minus prognos.
      </p>
    </>
  );
}
