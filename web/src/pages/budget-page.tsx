import { useState } from 'react';
import { getBudgetYear } from '../api/cycle-endpoints.ts';
import type { BudgetYear } from '../api/cycle-types.ts';
import { listMembers } from '../api/endpoints.ts';
import { useSession } from '../api/session.ts';
import { useApi } from '../api/use-api.ts';
import { canPlanBudget } from '../components/permissions.ts';
import { Loaded, Notice } from '../components/status.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { AdoptionList } from '../cycle/adoption-list.tsx';
import { BudgetForm } from '../cycle/budget-form.tsx';
import { BudgetContributionsTable, BudgetVersionView } from '../cycle/budget-summary.tsx';
import { CycleFrame } from '../cycle/cycle-frame.tsx';
import { SamradPanel } from '../cycle/samrad-panel.tsx';
import { formatDateTime } from '../format.ts';

/** The decision reference of the board's final adoption, if the budget is adopted. */
const adoptedBy = (budget: BudgetYear) =>
  budget.adoptions.find((adoption) => adoption.adoptionKind === 'final')?.decisionReference;

/**
 * A year's budget: the current version with its member contributions and what stops it from
 * being adopted, the editor for a new version (ekonom, förbundschef), the samråd and the board's
 * decisions.
 */
export function BudgetPage({ forbundId, year }: { forbundId: string; year: number }) {
  const session = useSession();
  const [budget, reload] = useApi(`budget:${forbundId}:${year}`, (signal) => getBudgetYear(forbundId, year, signal));
  const [members] = useApi(`members:${forbundId}`, (signal) => listMembers(forbundId, signal));
  const [notice, setNotice] = useState('');
  const planner = canPlanBudget(session?.principal);

  return (
    <CycleFrame forbundId={forbundId} page="budget" year={year} title={`Budget ${year}`} loads={[budget]}>
      {notice && (
        <Notice focus key={notice}>
          {notice}
        </Notice>
      )}
      <Loaded state={budget} loadingText="Hämtar budgeten…">
        {(data) => (
          <>
            <CurrentVersion budget={data} />
            {planner && adoptedBy(data) && (
              <p className="no-print">
                Budgeten är antagen av styrelsen ({adoptedBy(data)}) och kan inte längre ändras här.
              </p>
            )}
            {planner && !adoptedBy(data) && (
              <section className="section no-print" aria-label="Nytt budgetförslag">
                <BudgetForm
                  // A saved version starts the next form from what was saved.
                  key={data.current?.version ?? 0}
                  forbundId={forbundId}
                  year={year}
                  current={data.current}
                  members={members.status === 'ready' ? members.data.items : []}
                  onSaved={(saved) => {
                    setNotice(`Budgetförslaget har sparats som version ${saved.version}.`);
                    reload();
                  }}
                  onReload={() => {
                    setNotice('');
                    reload();
                  }}
                />
              </section>
            )}
            <section className="section" aria-labelledby="samrad-rubrik">
              <h2 id="samrad-rubrik">Samråd med medlemmarna</h2>
              <SamradPanel
                forbundId={forbundId}
                budget={data}
                canSend={planner}
                onOpened={(deadline) => {
                  setNotice(`Budgetförslaget har skickats på samråd. Medlemmarna svarar senast ${deadline}.`);
                  reload();
                }}
              />
            </section>
            <section className="section" aria-labelledby="beslut-rubrik">
              <h2 id="beslut-rubrik">Styrelsens beslut</h2>
              <AdoptionList adoptions={data.adoptions} year={year} />
            </section>
            <VersionHistory budget={data} />
          </>
        )}
      </Loaded>
    </CycleFrame>
  );
}

function CurrentVersion({ budget }: { budget: BudgetYear }) {
  const { current } = budget;
  return (
    <section className="section" aria-labelledby="gallande-rubrik">
      <h2 id="gallande-rubrik">{current ? `Gällande förslag, version ${current.version}` : 'Gällande förslag'}</h2>
      {!current ? (
        <p className="empty">Det finns inget budgetförslag för {budget.year} ännu.</p>
      ) : (
        <>
          <p>
            Sparad {formatDateTime(current.createdAt)} av {current.createdBy}.
          </p>
          {budget.balanceIssues.length > 0 ? (
            <div className="notice notice--warning">
              <p className="notice__title">Budgeten kan inte antas förrän detta är rättat:</p>
              <ul>
                {budget.balanceIssues.map((issue) => (
                  <li key={issue.field + issue.message}>{issue.message}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p>Budgeten balanserar: resurserna är lika stora som användningen.</p>
          )}
          <BudgetVersionView version={current} />
          <h3>Medlemsbidrag enligt version {current.version}</h3>
          <BudgetContributionsTable
            contributions={budget.contributions}
            label={`Medlemsbidrag ${budget.year}, version ${current.version}`}
          />
        </>
      )}
    </section>
  );
}

function VersionHistory({ budget }: { budget: BudgetYear }) {
  if (budget.versions.length === 0) return null;
  return (
    <section className="section" aria-labelledby="budgethistorik-rubrik">
      <h2 id="budgethistorik-rubrik">Versioner</h2>
      <TableScroll label={`Versioner av budget ${budget.year}`}>
        <table>
          <caption className="visually-hidden">Versioner av budget {budget.year}</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Sparad</th>
              <th scope="col">Av</th>
            </tr>
          </thead>
          <tbody>
            {budget.versions.map((version) => (
              <tr key={version.version}>
                <th scope="row">{version.version}</th>
                <td className="nowrap">{formatDateTime(version.createdAt)}</td>
                <td>{version.createdBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
