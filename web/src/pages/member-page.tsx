import { useState } from 'react';
import { getAvrakning, getBudgetYear, getClosing, getCycle } from '../api/cycle-endpoints.ts';
import type { BudgetYear, ClosingYear } from '../api/cycle-types.ts';
import { listMembers } from '../api/endpoints.ts';
import { useSession } from '../api/session.ts';
import type { Member } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { Facts } from '../components/facts.tsx';
import { isMemberRep } from '../components/permissions.ts';
import { Loaded, Notice } from '../components/status.tsx';
import { AuditReportList, revisionComplete } from '../cycle/audit-report-list.tsx';
import { AvrakningTable } from '../cycle/avrakning-table.tsx';
import { BudgetContributionsTable, BudgetVersionView } from '../cycle/budget-summary.tsx';
import { CycleFrame, NoAccess } from '../cycle/cycle-frame.tsx';
import { cyclePath } from '../cycle/cycle-paths.ts';
import { TaskList } from '../cycle/cycle-timeline.tsx';
import { DischargeForm } from '../cycle/discharge-form.tsx';
import { SamradAnswerForm } from '../cycle/samrad-answer-form.tsx';
import { formatAmount, formatDate, todayIso } from '../format.ts';
import { dischargeNames, samradAnswerNames } from '../labels.ts';
import { Link } from '../router.tsx';
import { integrationsPath } from '../webhooks/webhook-paths.ts';

/**
 * A member representative's page for one budget year: the samråd on the budget, the member's
 * contribution and monthly avräkningar, and its decision on ansvarsfrihet after the revision.
 * Everything is the API's; a member representative is given its own member's data only.
 */
export function MemberPage({ forbundId, year }: { forbundId: string; year: number }) {
  const session = useSession();
  const principal = session?.principal;
  if (!isMemberRep(principal) || !principal?.memberId)
    return <NoAccess text="Medlemssidan är till för medlemmarnas representanter." />;
  return <MemberYear forbundId={forbundId} year={year} memberId={principal.memberId} />;
}

function MemberYear({ forbundId, year, memberId }: { forbundId: string; year: number; memberId: string }) {
  const key = `${forbundId}:${year}`;
  const [budget, reloadBudget] = useApi(`budget:${key}`, (signal) => getBudgetYear(forbundId, year, signal));
  const [cycle, reloadCycle] = useApi(`cycle:${key}`, (signal) => getCycle(forbundId, year, signal));
  const [avrakning] = useApi(`avrakning:${key}`, (signal) => getAvrakning(forbundId, year, signal));
  const [closing, reloadClosing] = useApi(`closing:${key}`, (signal) => getClosing(forbundId, year, signal));
  const [members] = useApi(`members:${forbundId}`, (signal) => listMembers(forbundId, signal));
  const [notice, setNotice] = useState('');
  const memberList = members.status === 'ready' ? members.data.items : [];
  const member = memberList.find((candidate) => candidate.id === memberId);
  const title = `${member?.name ?? 'Medlemssidan'} – budgetår ${year}`;

  return (
    <CycleFrame
      forbundId={forbundId}
      page="medlem"
      year={year}
      title={title}
      loads={[budget, cycle, avrakning, closing]}
    >
      {notice && (
        <Notice focus key={notice}>
          {notice}
        </Notice>
      )}
      <p className="no-print">
        <Link to={integrationsPath(forbundId, memberId)}>Integrationer: händelser till medlemmens ekonomisystem</Link>
      </p>
      <section className="section" aria-labelledby="medlem-att-gora-rubrik">
        <h2 id="medlem-att-gora-rubrik">Att göra</h2>
        <Loaded state={cycle} loadingText="Hämtar uppgifterna…">
          {(data) => <TaskList timeline={data} />}
        </Loaded>
      </section>

      <section className="section" aria-labelledby="medlem-samrad-rubrik">
        <h2 id="medlem-samrad-rubrik">Samråd om budgeten för {year}</h2>
        <Loaded state={budget} loadingText="Hämtar budgetförslaget…">
          {(data) => (
            <Samrad
              forbundId={forbundId}
              budget={data}
              memberId={memberId}
              memberName={member?.name ?? 'Medlemmen'}
              today={cycle.status === 'ready' ? cycle.data.today : undefined}
              onAnswered={() => {
                setNotice('Svaret i samrådet är skickat till förbundet.');
                reloadBudget();
                reloadCycle();
              }}
            />
          )}
        </Loaded>
      </section>

      <section className="section" aria-labelledby="medlem-bidrag-rubrik">
        <h2 id="medlem-bidrag-rubrik">Medlemsbidrag {year}</h2>
        <Loaded state={budget} loadingText="Hämtar medlemsbidraget…">
          {(data) => <Contribution budget={data} memberId={memberId} />}
        </Loaded>
      </section>

      <section className="section" aria-labelledby="medlem-avrakning-rubrik">
        <h2 id="medlem-avrakning-rubrik">Avräkningar {year}</h2>
        <Loaded state={avrakning} loadingText="Hämtar avräkningarna…">
          {(data) => <AvrakningTable runs={data.items} memberId={memberId} year={year} />}
        </Loaded>
      </section>

      <section className="section" aria-labelledby="medlem-ansvarsfrihet-rubrik">
        <h2 id="medlem-ansvarsfrihet-rubrik">Ansvarsfrihet för {year}</h2>
        <Loaded state={closing} loadingText="Hämtar revisionen…">
          {(data) => (
            <Ansvarsfrihet
              forbundId={forbundId}
              closing={data}
              memberId={memberId}
              members={memberList}
              onDecided={() => {
                setNotice(`Medlemmens beslut om ansvarsfrihet för ${year} är registrerat.`);
                reloadClosing();
              }}
            />
          )}
        </Loaded>
      </section>
    </CycleFrame>
  );
}

function Samrad({
  forbundId,
  budget,
  memberId,
  memberName,
  today,
  onAnswered,
}: {
  forbundId: string;
  budget: BudgetYear;
  memberId: string;
  memberName: string;
  today: string | undefined;
  onAnswered: () => void;
}) {
  const { samrad, current } = budget;
  if (!samrad || !current)
    return <p className="empty">Förbundet har inte skickat något budgetförslag för {budget.year} på samråd ännu.</p>;
  const answer = samrad.answers.find((candidate) => candidate.memberId === memberId);
  const proposal = budget.versions.length > 0 && current.version === samrad.budgetVersion ? current : null;
  return (
    <>
      <p>
        Förbundet skickade budgetförslaget (version {samrad.budgetVersion}) på samråd {formatDate(samrad.openedAt)}.
        Sista dag för svar är <strong>{samrad.deadline}</strong>.
      </p>
      {proposal ? (
        <details className="details">
          <summary>Visa budgetförslaget</summary>
          <BudgetVersionView version={proposal} />
        </details>
      ) : (
        <p>Förslaget har ändrats efter samrådet; den senaste versionen är {current.version}.</p>
      )}
      {answer ? (
        <Facts
          rows={[
            ['Svar', samradAnswerNames[answer.answer]],
            ['Synpunkter', answer.comments || '–'],
            ['Besvarat', `${formatDate(answer.answeredAt)}${answer.late ? ' (efter sista dag)' : ''}`],
          ]}
        />
      ) : (
        <SamradAnswerForm
          forbundId={forbundId}
          year={budget.year}
          memberId={memberId}
          memberName={memberName}
          deadline={samrad.deadline}
          today={today ?? samrad.deadline}
          onAnswered={onAnswered}
        />
      )}
    </>
  );
}

function Contribution({ budget, memberId }: { budget: BudgetYear; memberId: string }) {
  const own = budget.contributions.find((item) => item.memberId === memberId);
  if (!budget.current || !own) return <p className="empty">Det finns inget budgetförslag för {budget.year} ännu.</p>;
  const adopted = budget.adoptions.find((adoption) => adoption.adoptionKind === 'final');
  return (
    <>
      <p>
        {adopted
          ? `Budgeten antogs av styrelsen ${formatDate(adopted.decidedAt)}.`
          : `Budgeten är ett förslag (version ${budget.current.version}) och inte antagen ännu.`}{' '}
        Ramen är <span className="nowrap">{formatAmount(budget.current.frame)}</span>; medlemmens del är{' '}
        <strong className="nowrap">{formatAmount(own.amount)}</strong>.
      </p>
      <BudgetContributionsTable
        contributions={budget.contributions}
        label={`Medlemsbidrag ${budget.year}`}
        memberId={memberId}
      />
    </>
  );
}

function Ansvarsfrihet({
  forbundId,
  closing,
  memberId,
  members,
  onDecided,
}: {
  forbundId: string;
  closing: ClosingYear;
  memberId: string;
  members: Member[];
  onDecided: () => void;
}) {
  const { year } = closing;
  const own = closing.discharges.find((discharge) => discharge.memberId === memberId);
  const complete = revisionComplete(closing.auditors, closing.auditReports);
  return (
    <>
      <p>
        {closing.annualReport
          ? `Styrelsen antog årsredovisningen för ${year} ${formatDate(closing.annualReport.decidedAt)}.`
          : `Årsredovisningen för ${year} är inte antagen ännu. Ansvarsfrihet prövas efter revisionen, våren ${year + 1}.`}
      </p>
      {!closing.annualReport && Number(todayIso().slice(0, 4)) >= year && (
        // In the spring, the decision waiting is the one on the year that has just ended.
        <p className="no-print">
          <Link to={cyclePath(forbundId, 'medlem', year - 1)}>Ansvarsfrihet för budgetåret {year - 1}</Link>
        </p>
      )}
      {(closing.annualReport || closing.auditReports.length > 0) && (
        <>
          <h3>Revisorernas berättelser</h3>
          <AuditReportList auditors={closing.auditors} reports={closing.auditReports} members={members} year={year} />
        </>
      )}
      {own ? (
        <Facts
          rows={[
            ['Medlemmens beslut', dischargeNames[own.decision]],
            ['Beslutsdatum', own.decidedOn],
            ['Beslutsreferens', own.decisionReference],
            own.comment ? ['Kommentar', own.comment] : undefined,
          ]}
        />
      ) : complete ? (
        <DischargeForm forbundId={forbundId} year={year} memberId={memberId} onDecided={onDecided} />
      ) : (
        closing.annualReport && (
          <p>Medlemmen beslutar om ansvarsfrihet när alla revisorer har lämnat sin revisionsberättelse.</p>
        )
      )}
    </>
  );
}
