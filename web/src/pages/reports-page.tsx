import type { ReactNode } from 'react';
import { listMembers } from '../api/endpoints.ts';
import { downloadReportDocument, getReport, type ReportDocumentFormat } from '../api/ledger-endpoints.ts';
import type { ReportName, Reports } from '../api/ledger-types.ts';
import { type Loadable, useApi } from '../api/use-api.ts';
import { DownloadButtons } from '../components/download-buttons.tsx';
import { Loaded } from '../components/status.tsx';
import { BalansrakningReport } from '../ledger/balansrakning-report.tsx';
import { BudgetOutcomeReport } from '../ledger/budget-outcome-report.tsx';
import { ExportDownloads } from '../ledger/export-downloads.tsx';
import { KassaflodeReport } from '../ledger/kassaflode-report.tsx';
import { LedgerFrame } from '../ledger/ledger-frame.tsx';
import { reportsPath } from '../ledger/ledger-paths.ts';
import { MemberLedgerReport } from '../ledger/member-ledger-report.tsx';
import { ResultatrakningReport } from '../ledger/resultatrakning-report.tsx';
import { TrialBalanceReport } from '../ledger/trial-balance-report.tsx';
import { YearForm } from '../ledger/year-picker.tsx';

function useReport<R extends ReportName>(forbundId: string, year: number, report: R): Loadable<Reports[R]> {
  return useApi(`report:${forbundId}:${year}:${report}`, (signal) => getReport(forbundId, year, report, signal))[0];
}

/**
 * The year's reports on one page, each in its own section, so the page prints as one document
 * (a report per printed page) and a contents list jumps between them on screen.
 */
export function ReportsPage({ forbundId, year }: { forbundId: string; year: number }) {
  const resultatrakning = useReport(forbundId, year, 'resultatrakning');
  const balansrakning = useReport(forbundId, year, 'balansrakning');
  const kassaflode = useReport(forbundId, year, 'kassaflode');
  const trialBalance = useReport(forbundId, year, 'trial-balance');
  const memberLedgers = useReport(forbundId, year, 'members');
  const budget = useReport(forbundId, year, 'budget');
  const [members] = useApi(`members:${forbundId}`, (signal) => listMembers(forbundId, signal));
  const reports = [resultatrakning, balansrakning, kassaflode, trialBalance, memberLedgers, budget];

  return (
    <LedgerFrame forbundId={forbundId} title={`Rapporter ${year}`} year={year} loads={reports}>
      <YearForm year={year} pathFor={(chosen) => reportsPath(forbundId, chosen)} />
      <nav aria-label="Rapporterna på sidan" className="no-print">
        <ul className="report-contents">
          {sections.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <section className="no-print" aria-labelledby="export-rubrik">
        <h2 id="export-rubrik">Export</h2>
        <p>
          SIE 4 läses av alla svenska ekonomisystem och revisorernas program. Med hledger-journalen kan varje saldo
          kontrolleras i ett oberoende program. Varje rapport kan också laddas ner som PDF eller Excel under sin rubrik.
        </p>
        <ExportDownloads forbundId={forbundId} year={year} />
      </section>

      <ReportSection
        forbundId={forbundId}
        year={year}
        id="resultatrakning"
        state={resultatrakning}
        loadingText="Hämtar resultaträkningen…"
      >
        {(report) => <ResultatrakningReport report={report} year={year} />}
      </ReportSection>
      <ReportSection
        forbundId={forbundId}
        year={year}
        id="balansrakning"
        state={balansrakning}
        loadingText="Hämtar balansräkningen…"
      >
        {(report) => <BalansrakningReport report={report} year={year} />}
      </ReportSection>
      <ReportSection
        forbundId={forbundId}
        year={year}
        id="kassaflode"
        state={kassaflode}
        loadingText="Hämtar kassaflödesanalysen…"
      >
        {(report) => <KassaflodeReport report={report} year={year} />}
      </ReportSection>
      <ReportSection
        forbundId={forbundId}
        year={year}
        id="rabalans"
        state={trialBalance}
        loadingText="Hämtar råbalansen…"
      >
        {(report) => <TrialBalanceReport report={report} year={year} />}
      </ReportSection>
      <ReportSection
        forbundId={forbundId}
        year={year}
        id="per-medlem"
        state={memberLedgers}
        loadingText="Hämtar bokföringen per medlem…"
      >
        {(report) => (
          <MemberLedgerReport
            ledgers={report.members}
            members={members.status === 'ready' ? members.data.items : undefined}
            year={year}
          />
        )}
      </ReportSection>
      <ReportSection
        forbundId={forbundId}
        year={year}
        id="budget-utfall"
        state={budget}
        loadingText="Hämtar budget mot utfall…"
      >
        {(report) => <BudgetOutcomeReport report={report} year={year} />}
      </ReportSection>
    </LedgerFrame>
  );
}

const sections = [
  ['resultatrakning', 'Resultaträkning'],
  ['balansrakning', 'Balansräkning'],
  ['kassaflode', 'Kassaflödesanalys'],
  ['rabalans', 'Råbalans'],
  ['per-medlem', 'Per medlem'],
  ['budget-utfall', 'Budget mot utfall'],
] as const;
type SectionId = (typeof sections)[number][0];

/** Each section's report as the API names it, and how a sentence names it ("Ladda ner råbalansen …"). */
const documents: Record<SectionId, { report: ReportName; noun: string }> = {
  resultatrakning: { report: 'resultatrakning', noun: 'resultaträkningen' },
  balansrakning: { report: 'balansrakning', noun: 'balansräkningen' },
  kassaflode: { report: 'kassaflode', noun: 'kassaflödesanalysen' },
  rabalans: { report: 'trial-balance', noun: 'råbalansen' },
  'per-medlem': { report: 'members', noun: 'rapporten per medlem' },
  'budget-utfall': { report: 'budget', noun: 'budget mot utfall' },
};
const formatNames: [ReportDocumentFormat, string][] = [
  ['pdf', 'PDF'],
  ['xlsx', 'Excel'],
];

function ReportSection<T>({
  forbundId,
  year,
  id,
  state,
  loadingText,
  children,
}: {
  forbundId: string;
  year: number;
  id: SectionId;
  state: Loadable<T>;
  loadingText: string;
  children: (data: T) => ReactNode;
}) {
  const title = sections.find(([sectionId]) => sectionId === id)?.[1];
  const { report, noun } = documents[id];
  return (
    <section id={id} className="section report-section" aria-labelledby={`${id}-rubrik`}>
      <h2 id={`${id}-rubrik`}>{title}</h2>
      <DownloadButtons
        compact
        downloads={formatNames.map(([format, formatName]) => ({
          label: `${noun} ${year} som ${formatName}`,
          fetch: (onProgress) => downloadReportDocument(forbundId, year, report, format, onProgress),
          fallbackName: `${report}-${year}.${format}`,
        }))}
      />
      <Loaded state={state} loadingText={loadingText}>
        {children}
      </Loaded>
    </section>
  );
}
