import { useState } from 'react';
import { downloadAnnualReport, getClosing } from '../api/cycle-endpoints.ts';
import type { ClosingYear } from '../api/cycle-types.ts';
import { listMembers } from '../api/endpoints.ts';
import { downloadReportDocument } from '../api/ledger-endpoints.ts';
import type { ReportName } from '../api/ledger-types.ts';
import { useSession } from '../api/session.ts';
import type { Principal } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { type Download, DownloadButtons } from '../components/download-buttons.tsx';
import { Facts } from '../components/facts.tsx';
import { canAppointAuditors, canReadLedger } from '../components/permissions.ts';
import { Loaded, Notice } from '../components/status.tsx';
import { AuditReportForm } from '../cycle/audit-report-form.tsx';
import { AuditReportList } from '../cycle/audit-report-list.tsx';
import { AuditorForm } from '../cycle/auditor-form.tsx';
import { CycleFrame, NoAccess } from '../cycle/cycle-frame.tsx';
import type { ProgressListener } from '../download-progress.ts';
import { formatDate, formatList } from '../format.ts';
import { reportsPath } from '../ledger/ledger-paths.ts';
import { Link } from '../router.tsx';

/** The year's reports an auditor reads, by the name a sentence gives them. */
const auditedReports: [ReportName, string][] = [
  ['resultatrakning', 'resultaträkningen'],
  ['balansrakning', 'balansräkningen'],
  ['kassaflode', 'kassaflödesanalysen'],
  ['members', 'rapporten per medlem'],
];

/**
 * The revision of a year: the adopted årsredovisning and the reports to read (read-only), every
 * auditor's revisionsberättelse, and the form with which the signed-in revisor submits its own.
 */
export function AuditPage({ forbundId, year }: { forbundId: string; year: number }) {
  const session = useSession();
  if (!canReadLedger(session?.principal))
    return <NoAccess text="Revisionen visas för revisorerna, styrelsen och förbundets kansli." />;
  return <AuditYear forbundId={forbundId} year={year} principal={session?.principal} />;
}

function AuditYear({ forbundId, year, principal }: { forbundId: string; year: number; principal?: Principal }) {
  const [closing, reload] = useApi(`closing:${forbundId}:${year}`, (signal) => getClosing(forbundId, year, signal));
  const [members] = useApi(`members:${forbundId}`, (signal) => listMembers(forbundId, signal));
  const [notice, setNotice] = useState('');
  const memberList = members.status === 'ready' ? members.data.items : [];

  return (
    <CycleFrame forbundId={forbundId} page="revision" year={year} title={`Revision ${year}`} loads={[closing]}>
      {notice && (
        <Notice focus key={notice}>
          {notice}
        </Notice>
      )}
      <Loaded state={closing} loadingText="Hämtar revisionen…">
        {(data) => (
          <>
            <Documents forbundId={forbundId} closing={data} />
            <section className="section" aria-labelledby="berattelser-rubrik">
              <h2 id="berattelser-rubrik">Revisorer och revisionsberättelser</h2>
              <AuditReportList auditors={data.auditors} reports={data.auditReports} members={memberList} year={year} />
              <OwnReport
                forbundId={forbundId}
                closing={data}
                principal={principal}
                onSubmitted={() => {
                  setNotice(`Din revisionsberättelse för ${year} är inlämnad.`);
                  reload();
                }}
              />
              {canAppointAuditors(principal) && (
                <AuditorForm
                  forbundId={forbundId}
                  members={memberList}
                  onAdded={(auditor) => {
                    setNotice(`${auditor.name} är registrerad som revisor.`);
                    reload();
                  }}
                />
              )}
            </section>
          </>
        )}
      </Loaded>
    </CycleFrame>
  );
}

function Documents({ forbundId, closing }: { forbundId: string; closing: ClosingYear }) {
  const { year, annualReport } = closing;
  const downloads: Download[] = [
    ...(annualReport
      ? [
          {
            label: `årsredovisningen ${year} som PDF`,
            fetch: (onProgress: ProgressListener) => downloadAnnualReport(forbundId, year, onProgress),
            fallbackName: `arsredovisning-${year}.pdf`,
          },
        ]
      : []),
    ...auditedReports.flatMap(([report, noun]) =>
      (['pdf', 'xlsx'] as const).map(
        (format): Download => ({
          label: `${noun} ${year} som ${format === 'pdf' ? 'PDF' : 'Excel'}`,
          fetch: (onProgress) => downloadReportDocument(forbundId, year, report, format, onProgress),
          fallbackName: `${report}-${year}.${format}`,
        }),
      ),
    ),
  ];
  return (
    <section className="section" aria-labelledby="underlag-rubrik">
      <h2 id="underlag-rubrik">Årsredovisning och rapporter</h2>
      {annualReport ? (
        <Facts
          rows={[
            ['Årsredovisningen antagen', formatDate(annualReport.decidedAt)],
            ['Protokoll', annualReport.decisionReference],
            ['Undertecknad av', formatList(annualReport.signedBy)],
          ]}
        />
      ) : (
        <p className="empty">
          Styrelsen har inte antagit årsredovisningen för {year} ännu. Granskningen gäller den antagna årsredovisningen.
        </p>
      )}
      <p className="no-print">
        <Link to={reportsPath(forbundId, year)}>Rapporter {year}</Link>: alla rapporter på en sida, med SIE 4-export.
      </p>
      <DownloadButtons downloads={downloads} compact />
    </section>
  );
}

function OwnReport({
  forbundId,
  closing,
  principal,
  onSubmitted,
}: {
  forbundId: string;
  closing: ClosingYear;
  principal?: Principal;
  onSubmitted: () => void;
}) {
  if (!principal?.roles.includes('revisor')) return null;
  const auditor = closing.auditors.find((candidate) => candidate.id === principal.subject);
  if (!auditor)
    return (
      <p className="notice notice--warning">
        Du är inte registrerad som revisor i förbundet. Förbundets administratör registrerar revisorerna.
      </p>
    );
  if (closing.auditReports.some((report) => report.auditorId === auditor.id)) return null;
  if (!closing.annualReport)
    return <p>Du kan lämna din revisionsberättelse när styrelsen har antagit årsredovisningen.</p>;
  return <AuditReportForm forbundId={forbundId} year={closing.year} onSubmitted={onSubmitted} />;
}
