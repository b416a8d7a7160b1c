import { getCharter, getForbund, listMembers } from '../api/endpoints.ts';
import { useSession } from '../api/session.ts';
import { useApi } from '../api/use-api.ts';
import { CharterHistory } from '../components/charter-history.tsx';
import { CharterSettingsView } from '../components/charter-settings-view.tsx';
import { ContributionsPanel } from '../components/contributions-panel.tsx';
import { FlashNotice } from '../components/flash-notice.tsx';
import { ForbundProfile } from '../components/forbund-profile.tsx';
import { MemberTable } from '../components/member-table.tsx';
import { Page } from '../components/page.tsx';
import { canEditCharter, canManageAllIntegrations, canManageUsers } from '../components/permissions.ts';
import { isNotFound, Loaded } from '../components/status.tsx';
import { CycleLinks } from '../cycle/cycle-links.tsx';
import { formatDate } from '../format.ts';
import { LedgerLinks } from '../ledger/ledger-links.tsx';
import { Link, pathOf } from '../router.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/** A förbund: profile, members, medlemsbidrag for a frame, the förbundsordning and its history. */
export function ForbundPage({ forbundId }: { forbundId: string }) {
  const session = useSession();
  const [forbund] = useApi(`forbund:${forbundId}`, (signal) => getForbund(forbundId, signal));
  const [members] = useApi(`members:${forbundId}`, (signal) => listMembers(forbundId, signal));
  const [charter] = useApi(`charter:${forbundId}`, (signal) => getCharter(forbundId, signal));

  // Another förbund's data also answers 404, so the user learns nothing about it.
  if (isNotFound(forbund)) return <NotFoundPage />;
  const name = forbund.status === 'ready' ? forbund.data.name : 'Förbund';

  return (
    <Page title={name}>
      <FlashNotice />
      <section className="section" aria-labelledby="uppgifter-rubrik">
        <h2 id="uppgifter-rubrik">Uppgifter om förbundet</h2>
        <Loaded state={forbund} loadingText="Hämtar förbundet…">
          {(data) => <ForbundProfile forbund={data} />}
        </Loaded>
      </section>

      <CycleLinks forbundId={forbundId} />
      <LedgerLinks forbundId={forbundId} />
      {canManageUsers(session?.principal) && (
        <section className="section no-print" aria-labelledby="anvandare-rubrik">
          <h2 id="anvandare-rubrik">Användare</h2>
          <ul className="link-list">
            <li>
              <Link to={pathOf('forbund', forbundId, 'anvandare')}>Användare och roller</Link>: bjud in förbundets
              personal, styrelse, revisorer och medlemmarnas representanter, eller ta bort deras inloggning
            </li>
          </ul>
        </section>
      )}

      <section className="section" aria-labelledby="medlemmar-rubrik">
        <h2 id="medlemmar-rubrik">Medlemmar</h2>
        <Loaded state={members} loadingText="Hämtar medlemmar…">
          {({ items }) => (
            <MemberTable
              members={items}
              integrationsOf={canManageAllIntegrations(session?.principal) ? forbundId : undefined}
            />
          )}
        </Loaded>
      </section>

      <section className="section" aria-labelledby="bidrag-rubrik">
        <h2 id="bidrag-rubrik">Medlemsbidrag</h2>
        <p>Så fördelas en finansiell ram mellan medlemmarna enligt den förbundsordning som gäller.</p>
        {charter.status === 'ready' && (
          <ContributionsPanel forbundId={forbundId} model={charter.data.settings.contributionKey.model} />
        )}
        {charter.status === 'failed' && <p>Medlemsbidragen kan inte beräknas när förbundsordningen inte kan hämtas.</p>}
      </section>

      <section className="section" aria-labelledby="ordning-rubrik">
        <h2 id="ordning-rubrik">Förbundsordning</h2>
        <Loaded state={charter} loadingText="Hämtar förbundsordningen…">
          {(data) => (
            <>
              <p>
                Version {data.version}, gäller från {formatDate(data.effectiveFrom)}
                {data.decisionReference ? `. Beslut: ${data.decisionReference}` : ''}.
              </p>
              {canEditCharter(session?.principal) && (
                <p className="no-print">
                  <Link to={pathOf('forbund', forbundId, 'forbundsordning')} className="button button--secondary">
                    Ändra förbundsordningen
                  </Link>
                </p>
              )}
              <CharterSettingsView settings={data.settings} members={data.members} />
            </>
          )}
        </Loaded>
      </section>

      <section className="section" aria-labelledby="historik-rubrik">
        <h2 id="historik-rubrik">Versionshistorik</h2>
        <CharterHistory forbundId={forbundId} />
      </section>
    </Page>
  );
}
