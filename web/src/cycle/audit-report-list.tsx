import type { Auditor, AuditReport } from '../api/cycle-types.ts';
import type { Member } from '../api/types.ts';
import { formatDate, formatList } from '../format.ts';
import { recommendationNames } from '../labels.ts';

/** Every auditor of the förbund with its report for the year, or that it has not reported yet. */
export function AuditReportList({
  auditors,
  reports,
  members,
  year,
}: {
  auditors: Auditor[];
  reports: AuditReport[];
  members: Member[];
  year: number;
}) {
  if (auditors.length === 0) return <p className="empty">Förbundet har inga registrerade revisorer ännu.</p>;
  const memberName = (id: string) => members.find((member) => member.id === id)?.name ?? id;
  return (
    <ul className="report-list">
      {auditors.map((auditor) => {
        const report = reports.find((candidate) => candidate.auditorId === auditor.id);
        return (
          <li key={auditor.id} className="report-card">
            <h3>{auditor.name}</h3>
            <p className="hint">
              Utsedd av {formatList(auditor.appointedBy.map(memberName))}. Ersättare: {auditor.substitute.name}.
            </p>
            {report ? (
              <>
                <p>
                  <span className={`badge badge--${report.recommendation === 'grant' ? 'done' : 'overdue'}`}>
                    {recommendationNames[report.recommendation]}
                  </span>{' '}
                  Revisionsberättelse för {year}, inlämnad {formatDate(report.submittedAt)}.
                </p>
                <p className="preserve-lines">{report.statement}</p>
                {report.fileName && <p>Bifogad fil: {report.fileName}</p>}
              </>
            ) : (
              <p>
                <span className="badge badge--waiting">Ej inlämnad</span> Revisionsberättelsen för {year} är inte
                inlämnad ännu.
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The members decide on ansvarsfrihet after the revision: every auditor has reported. */
export const revisionComplete = (auditors: Auditor[], reports: AuditReport[]) =>
  auditors.length > 0 && auditors.every((auditor) => reports.some((report) => report.auditorId === auditor.id));
