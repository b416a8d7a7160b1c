import { useState } from 'react';
import { downloadStatement, getAvrakning, runAvrakning } from '../api/cycle-endpoints.ts';
import type { AvrakningRun } from '../api/cycle-types.ts';
import { listMembers } from '../api/endpoints.ts';
import { useSession } from '../api/session.ts';
import type { Member } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { DownloadButtons } from '../components/download-buttons.tsx';
import { canLockPeriods, canReadLedger } from '../components/permissions.ts';
import { Loaded, Notice } from '../components/status.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { CycleFrame, NoAccess } from '../cycle/cycle-frame.tsx';
import { type FormProblem, problemFromError } from '../form-errors.ts';
import { formatAmount, formatDateTime, formatMonth, todayIso } from '../format.ts';

/** The months of a year, 1–12. */
const year_months = Array.from({ length: 12 }, (_, index) => index + 1);

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The ekonom's overview of the year's monthly avräkningar: per month, every member's statement
 * with its PDF, and for the ekonom a way to run a month again now (the scheduler runs it too).
 */
export function AvrakningPage({ forbundId, year }: { forbundId: string; year: number }) {
  const session = useSession();
  if (!canReadLedger(session?.principal))
    return <NoAccess text="Avräkningsöversikten visas för förbundets kansli, styrelse och revisorer." />;
  return <AvrakningYear forbundId={forbundId} year={year} />;
}

function AvrakningYear({ forbundId, year }: { forbundId: string; year: number }) {
  const session = useSession();
  // The API lets only the ekonom run an avräkning (routes/avrakning.ts).
  const runs = canLockPeriods(session?.principal);
  const [avrakning, reload] = useApi(`avrakning:${forbundId}:${year}`, (signal) =>
    getAvrakning(forbundId, year, signal),
  );
  const [members] = useApi(`members:${forbundId}`, (signal) => listMembers(forbundId, signal));
  const [notice, setNotice] = useState('');
  const memberList = members.status === 'ready' ? members.data.items : [];

  return (
    <CycleFrame forbundId={forbundId} page="avrakning" year={year} title={`Avräkning ${year}`} loads={[avrakning]}>
      {notice && (
        <Notice focus key={notice}>
          {notice}
        </Notice>
      )}
      <Loaded state={avrakning} loadingText="Hämtar avräkningarna…">
        {(data) => {
          const months = [...data.items].sort((a, b) => a.month - b.month);
          return (
            <>
              {months.length === 0 && (
                <p className="empty">
                  Ingen månadsavräkning är gjord för {year} ännu. Den första görs när januari {year} har börjat och
                  budgeten är antagen.
                </p>
              )}
              {runs && (
                <RunForm
                  forbundId={forbundId}
                  year={year}
                  onRun={(run) => {
                    setNotice(`Avräkningen för ${formatMonth(run.month)} ${year} är körd.`);
                    reload();
                  }}
                />
              )}
              {months.map((run) => (
                <MonthSection key={run.month} forbundId={forbundId} year={year} run={run} members={memberList} />
              ))}
            </>
          );
        }}
      </Loaded>
    </CycleFrame>
  );
}

function RunForm({ forbundId, year, onRun }: { forbundId: string; year: number; onRun: (run: AvrakningRun) => void }) {
  const [month, setMonth] = useState(String(Number(todayIso().slice(5, 7))));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      onRun(await runAvrakning(forbundId, year, Number(month)));
    } catch (error) {
      setProblem(problemFromError(error));
    }
    setBusy(false);
  }

  return (
    <section className="section no-print" aria-labelledby="kor-rubrik">
      <h2 id="kor-rubrik">Kör avräkningen</h2>
      <p>Avräkningen körs av sig själv varje månad. Kör den här om kostnaderna har rapporterats efteråt.</p>
      <div className="form-actions">
        <label htmlFor="avrakning-manad">Månad</label>
        <select id="avrakning-manad" value={month} onChange={(event) => setMonth(event.target.value)}>
          {year_months.map((choice) => (
            <option key={choice} value={String(choice)}>
              {capitalised(formatMonth(choice))}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={run} disabled={busy}>
          Kör avräkningen nu
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Kör avräkningen…' : ''}
        </p>
      </div>
      {problem && (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{problem.title}</p>
          {problem.detail && problem.detail !== problem.title && <p>{problem.detail}</p>}
          {problem.issues.length > 0 && (
            <ul>
              {problem.issues.map((issue) => (
                <li key={issue.field + issue.message}>{issue.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function MonthSection({
  forbundId,
  year,
  run,
  members,
}: {
  forbundId: string;
  year: number;
  run: AvrakningRun;
  members: Member[];
}) {
  const monthName = capitalised(formatMonth(run.month));
  const label = `Avräkning ${formatMonth(run.month)} ${year}`;
  const headingId = `manad-${run.month}-rubrik`;
  const nameOf = (memberId: string) => members.find((member) => member.id === memberId)?.name ?? memberId;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {monthName} {year}
      </h2>
      <p>
        {run.complete ? (
          <span className="badge badge--done">Klar</span>
        ) : (
          <span className="badge badge--waiting">Väntar på kostnader</span>
        )}{' '}
        Senast körd {formatDateTime(run.runAt)}, {run.runs === 1 ? 'en gång' : `${run.runs} gånger`}.
      </p>
      <TableScroll label={label}>
        <table>
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">Medlem</th>
              <th scope="col">Flöde</th>
              <th scope="col" className="number">
                Netto
              </th>
              <th scope="col" className="number">
                Att betala
              </th>
              <th scope="col" className="number">
                Att få
              </th>
              <th scope="col">Förfaller</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {run.statements.map((statement) => (
              <tr key={statement.memberId}>
                <th scope="row">{nameOf(statement.memberId)}</th>
                <td>{statement.flow}</td>
                <td className="number">{formatAmount(statement.net)}</td>
                <td className="number">{formatAmount(statement.amountToPay)}</td>
                <td className="number">{formatAmount(statement.amountToReceive)}</td>
                <td className="nowrap">{statement.paymentDueDate ?? '–'}</td>
                <td>
                  {statement.complete ? (
                    <span className="badge badge--done">Klar</span>
                  ) : (
                    <span className="badge badge--waiting">Väntar</span>
                  )}{' '}
                  <span className="hint">{statement.settlement === 'cash' ? 'Betalas' : 'Förs på kontot'}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>Avräkningsbesked som PDF</h3>
      <DownloadButtons
        compact
        downloads={run.statements.map((statement) => ({
          label: `avräkningsbeskedet för ${nameOf(statement.memberId)} ${formatMonth(run.month)} ${year}`,
          fetch: (onProgress) => downloadStatement(forbundId, year, run.month, statement.memberId, onProgress),
          fallbackName: `avrakning-${year}-${String(run.month).padStart(2, '0')}-${statement.memberId}.pdf`,
        }))}
      />
    </section>
  );
}
