import { useState } from 'react';
import {
  downloadAnnualReport,
  getBudgetYear,
  getClosing,
  getCycle,
  getInterimReports,
} from '../api/cycle-endpoints.ts';
import type { BudgetYear, ClosingYear, CycleTimeline } from '../api/cycle-types.ts';
import { listMembers } from '../api/endpoints.ts';
import { getPeriods } from '../api/ledger-endpoints.ts';
import { useSession } from '../api/session.ts';
import { bothLoaded, useApi } from '../api/use-api.ts';
import { DownloadButtons } from '../components/download-buttons.tsx';
import { Facts } from '../components/facts.tsx';
import { canDecideAsBoard, canReadLedger, canResolveDischarge } from '../components/permissions.ts';
import { Loaded, Notice } from '../components/status.tsx';
import { AdoptionList } from '../cycle/adoption-list.tsx';
import { AnnualReportForm } from '../cycle/annual-report-form.tsx';
import { BudgetAdoptionForm } from '../cycle/budget-adoption-form.tsx';
import { CycleFrame, NoAccess } from '../cycle/cycle-frame.tsx';
import { cyclePath } from '../cycle/cycle-paths.ts';
import { FollowUpSection, InterimReportsSection, interimReportsAwaiting } from '../cycle/interim-reports.tsx';
import { LikvidSection, unresolvedRefusals } from '../cycle/likvid-section.tsx';
import { samradStatuses, samradSummary } from '../cycle/samrad-status.ts';
import { formatDate, formatList } from '../format.ts';
import { reportsPath } from '../ledger/ledger-paths.ts';
import { Link } from '../router.tsx';

/**
 * The decisions of a budget year that are the board's: adopting the budget (by 30 November the
 * year before) and adopting and signing the årsredovisning (by 31 March the year after), each
 * with the documents it decides on.
 */
export function BoardPage({ forbundId, year }: { forbundId: string; year: number }) {
  const session = useSession();
  if (!canReadLedger(session?.principal))
    return <NoAccess text="Styrelsens beslut visas för styrelsen och förbundets kansli." />;
  return <BoardYear forbundId={forbundId} year={year} />;
}

function BoardYear({ forbundId, year }: { forbundId: string; year: number }) {
  const session = useSession();
  const decides = canDecideAsBoard(session?.principal);
  const resolves = canResolveDischarge(session?.principal);
  const key = `${forbundId}:${year}`;
  const [budget, reloadBudget] = useApi(`budget:${key}`, (signal) => getBudgetYear(forbundId, year, signal));
  const [closing, reloadClosing] = useApi(`closing:${key}`, (signal) => getClosing(forbundId, year, signal));
  const [cycle, reloadCycle] = useApi(`cycle:${key}`, (signal) => getCycle(forbundId, year, signal));
  const [periods] = useApi(`periods:${key}`, (signal) => getPeriods(forbundId, year, signal));
  const [members] = useApi(`members:${forbundId}`, (signal) => listMembers(forbundId, signal));
  const [interim, reloadInterim] = useApi(`interim:${key}`, (signal) => getInterimReports(forbundId, year, signal));
  const [notice, setNotice] = useState('');
  const budgetAndCycle = bothLoaded(budget, cycle);
  const closingAndCycle = bothLoaded(closing, cycle);
  const memberNames = new Map(
    members.status === 'ready' ? members.data.items.map((member) => [member.id, member.name] as const) : [],
  );
  const yearLocked = periods.status === 'ready' && periods.data.yearLocked;

  return (
    <CycleFrame
      forbundId={forbundId}
      page="styrelsen"
      year={year}
      title={`Styrelsens beslut ${year}`}
      loads={[budget, closing, cycle]}
    >
      {notice && (
        <Notice focus key={notice}>
          {notice}
        </Notice>
      )}
      <section className="section" aria-labelledby="vantar-rubrik">
        <h2 id="vantar-rubrik">Beslut som väntar</h2>
        <Loaded state={bothLoaded(budgetAndCycle, closing)} loadingText="Hämtar besluten…">
          {([[budgetData], closingData]) => (
            <Awaiting
              budget={budgetData}
              closing={closingData}
              interim={
                interim.status === 'ready' && cycle.status === 'ready'
                  ? interimReportsAwaiting(interim.data, cycle.data.today)
                  : []
              }
              yearLocked={yearLocked}
              resolves={resolves}
            />
          )}
        </Loaded>
      </section>

      <section className="section" id="budgetbeslut" aria-labelledby="budgetbeslut-rubrik">
        <h2 id="budgetbeslut-rubrik">Budget {year}</h2>
        <Loaded state={budgetAndCycle} loadingText="Hämtar budgeten…">
          {([data, timeline]) => (
            <BudgetDecision
              forbundId={forbundId}
              budget={data}
              timeline={timeline}
              decides={decides}
              onAdopted={() => {
                setNotice(`Beslutet om budgeten för ${year} är registrerat.`);
                reloadBudget();
                reloadCycle();
              }}
            />
          )}
        </Loaded>
      </section>

      <FollowUpSection forbundId={forbundId} year={year} />
      <InterimReportsSection
        forbundId={forbundId}
        year={year}
        reports={interim}
        decides={decides}
        onAdopted={reloadInterim}
      />

      <section className="section" id="arsredovisning" aria-labelledby="arsredovisning-rubrik">
        <h2 id="arsredovisning-rubrik">Årsredovisning {year}</h2>
        <Loaded state={closingAndCycle} loadingText="Hämtar årsredovisningen…">
          {([data, timeline]) => (
            <AnnualReportDecision
              forbundId={forbundId}
              closing={data}
              timeline={timeline}
              yearLocked={yearLocked}
              decides={decides}
              onAdopted={() => {
                setNotice(`Årsredovisningen för ${year} är antagen och undertecknad.`);
                reloadClosing();
                reloadCycle();
              }}
            />
          )}
        </Loaded>
      </section>

      <section className="section" id="likvidavrakning" aria-labelledby="likvidavrakning-rubrik">
        <h2 id="likvidavrakning-rubrik">Likvidavräkning {year}</h2>
        <Loaded state={bothLoaded(closingAndCycle, members)} loadingText="Hämtar likvidavräkningen…">
          {([[data, timeline]]) => (
            <LikvidSection
              forbundId={forbundId}
              closing={data}
              memberNames={memberNames}
              today={timeline.today}
              resolves={resolves}
              onResolved={(_, name) => {
                setNotice(`Hur vägran av ansvarsfrihet löstes för ${name} är registrerat.`);
                reloadClosing();
                reloadCycle();
              }}
            />
          )}
        </Loaded>
      </section>
    </CycleFrame>
  );
}

const budgetAwaits = (budget: BudgetYear) =>
  budget.current !== null && !budget.adoptions.some((adoption) => adoption.adoptionKind === 'final');
const reportAwaits = (closing: ClosingYear, yearLocked: boolean) => yearLocked && closing.annualReport === null;

function Awaiting({
  budget,
  closing,
  interim,
  yearLocked,
  resolves,
}: {
  budget: BudgetYear;
  closing: ClosingYear;
  /** The period ends of the delårsrapporter waiting for adoption. */
  interim: string[];
  yearLocked: boolean;
  resolves: boolean;
}) {
  const refused = unresolvedRefusals(closing);
  const items = [
    budgetAwaits(budget) && (
      <li key="budget">
        <a href="#budgetbeslut">Anta budgeten för {budget.year}</a> (förslag version {budget.current?.version})
      </li>
    ),
    ...interim.map((periodEnd) => (
      <li key={`interim-${periodEnd}`}>
        <a href={`#delar-${periodEnd}`}>Anta delårsrapporten per {formatDate(periodEnd)}</a>
      </li>
    )),
    reportAwaits(closing, yearLocked) && (
      <li key="report">
        <a href="#arsredovisning">Anta och underteckna årsredovisningen för {closing.year}</a>
      </li>
    ),
    resolves && refused.length > 0 && (
      <li key="resolution">
        <a href="#likvidavrakning">Registrera hur vägran av ansvarsfrihet har lösts</a> (
        {formatList(refused.map((member) => member.name))})
      </li>
    ),
  ].filter(Boolean);
  if (items.length === 0) return <p className="empty">Inga beslut för {budget.year} väntar på styrelsen just nu.</p>;
  return <ul className="task-list">{items}</ul>;
}

function BudgetDecision({
  forbundId,
  budget,
  timeline,
  decides,
  onAdopted,
}: {
  forbundId: string;
  budget: BudgetYear;
  timeline: CycleTimeline;
  decides: boolean;
  onAdopted: () => void;
}) {
  const deadline = timeline.deadlines.find((candidate) => candidate.kind === 'budget');
  const { current } = budget;
  return (
    <>
      {deadline && (
        <p>
          Sista dag för beslutet: <strong>{deadline.date}</strong>.
        </p>
      )}
      <AdoptionList adoptions={budget.adoptions} year={budget.year} />
      {current === null ? (
        <p className="empty">Det finns inget budgetförslag för {budget.year} ännu.</p>
      ) : (
        <>
          <p>
            <Link to={cyclePath(forbundId, 'budget', budget.year)}>
              Budgetförslaget för {budget.year}, version {current.version}
            </Link>
            {budget.samrad
              ? `. Samråd: ${samradSummary(samradStatuses(budget, timeline.today))}`
              : '. Förslaget har inte skickats på samråd.'}
          </p>
          {budget.balanceIssues.length > 0 && (
            <div className="notice notice--warning">
              <p className="notice__title">Budgeten kan inte antas förrän detta är rättat:</p>
              <ul>
                {budget.balanceIssues.map((issue) => (
                  <li key={issue.field + issue.message}>{issue.message}</li>
                ))}
              </ul>
            </div>
          )}
          {decides && budgetAwaits(budget) && (
            <BudgetAdoptionForm
              forbundId={forbundId}
              year={budget.year}
              version={current.version}
              today={timeline.today}
              onAdopted={onAdopted}
            />
          )}
        </>
      )}
    </>
  );
}

function AnnualReportDecision({
  forbundId,
  closing,
  timeline,
  yearLocked,
  decides,
  onAdopted,
}: {
  forbundId: string;
  closing: ClosingYear;
  timeline: CycleTimeline;
  yearLocked: boolean;
  decides: boolean;
  onAdopted: () => void;
}) {
  const { year, annualReport } = closing;
  const deadline = timeline.deadlines.find((candidate) => candidate.kind === 'annual-report');
  return (
    <>
      {deadline && (
        <p>
          Sista dag för beslutet: <strong>{deadline.date}</strong>.
        </p>
      )}
      {annualReport ? (
        <Facts
          rows={[
            ['Antagen', formatDate(annualReport.decidedAt)],
            ['Protokoll', annualReport.decisionReference],
            ['Undertecknad av', formatList(annualReport.signedBy)],
            [
              'I tid',
              annualReport.onTime
                ? `Ja, sista dag ${annualReport.deadline}`
                : `Nej, sista dag ${annualReport.deadline}`,
            ],
          ]}
        />
      ) : (
        !yearLocked && (
          <p className="empty">
            Bokslutet för {year} är inte klart ännu. Årsredovisningen antas efter bokslutet, när året är låst.
          </p>
        )
      )}
      {yearLocked && (
        <>
          <h3>Underlag</h3>
          <p className="no-print">
            <Link to={reportsPath(forbundId, year)}>Rapporter {year}</Link>: resultaträkning, balansräkning,
            kassaflödesanalys och per medlem, som PDF och Excel.
          </p>
          <DownloadButtons
            downloads={[
              {
                label: `årsredovisningen ${year} som PDF`,
                fetch: (onProgress) => downloadAnnualReport(forbundId, year, onProgress),
                fallbackName: `arsredovisning-${year}.pdf`,
              },
            ]}
          />
        </>
      )}
      {decides && reportAwaits(closing, yearLocked) && (
        <AnnualReportForm forbundId={forbundId} year={year} today={timeline.today} onAdopted={onAdopted} />
      )}
    </>
  );
}
