import { listForbund } from '../api/endpoints.ts';
import { useSession } from '../api/session.ts';
import { getClock } from '../api/simulation-endpoints.ts';
import type { Forbund } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { usePagedApi } from '../api/use-paged-api.ts';
import { ForbundCreateForm } from '../components/forbund-create-form.tsx';
import { MoreButton } from '../components/more-button.tsx';
import { Page } from '../components/page.tsx';
import { Loaded } from '../components/status.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatDate } from '../format.ts';
import { Link, pathOf } from '../router.tsx';
import { platformUsersPath } from './platform-users-page.tsx';

export function ForbundListPage() {
  const session = useSession();
  const [state, more] = usePagedApi('forbund', listForbund);
  const isPlatformAdmin = session?.principal.roles.includes('platform-admin') ?? false;

  return (
    <Page title="Förbund">
      <Loaded state={state} loadingText="Hämtar förbund…">
        {({ items }) => (
          <>
            <ForbundTable items={items} />
            <MoreButton more={more} what="förbund" />
          </>
        )}
      </Loaded>
      {isPlatformAdmin && <PlatformUsersLink />}
      {isPlatformAdmin && <SimulationLink />}
      {isPlatformAdmin && (
        <section aria-labelledby="skapa-forbund-rubrik" className="section">
          <h2 id="skapa-forbund-rubrik">Skapa förbund</h2>
          <UserNote />
          <ForbundCreateForm />
        </section>
      )}
    </Page>
  );
}

/** The platform's own people: they belong to no förbund, so they have a page of their own. */
function PlatformUsersLink() {
  return (
    <section aria-labelledby="plattformens-anvandare-rubrik" className="section no-print">
      <h2 id="plattformens-anvandare-rubrik">Plattformens användare</h2>
      <p>
        <Link to={platformUsersPath}>Administratörer och Nationella rådet</Link>: bjud in och ta bort de användare som
        arbetar med alla förbund.
      </p>
    </section>
  );
}

/**
 * The way to the simulation, shown only where it exists: the local runtime answers for its virtual
 * clock, AWS answers 404 and the section stays away.
 */
function SimulationLink() {
  const [clock] = useApi('local-clock', (signal) => getClock(signal));
  if (clock.status !== 'ready') return null;
  return (
    <section aria-labelledby="simulering-rubrik" className="section no-print">
      <h2 id="simulering-rubrik">Simulering</h2>
      <p>
        <Link to="/simulering">Simulera ett budgetår</Link>: kör ett förbunds hela år på den virtuella klockan och följ
        hur det går, steg för steg.
      </p>
    </section>
  );
}

/** Where the förbund's people get their logins: on each förbund's own page, not here. */
function UserNote() {
  return (
    <div className="notice notice--info">
      <p className="notice__title">Användare bjuds in på förbundets sida</p>
      <p>
        När förbundet är skapat bjuder du in dess användare (ekonom, förbundschef, styrelse, revisorer och medlemmarnas
        representanter) under Användare och roller på förbundets sida. Där anges användarens roller och, för en
        medlemsrepresentant, vilken medlem hen företräder.
      </p>
    </div>
  );
}

function ForbundTable({ items }: { items: Forbund[] }) {
  if (items.length === 0) return <p className="empty">Det finns inga förbund ännu.</p>;
  return (
    <TableScroll label="Förbund">
      <table>
        <caption className="visually-hidden">Förbund</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Organisationsnummer</th>
            <th scope="col">Län</th>
            <th scope="col">Säte</th>
            <th scope="col">Bildat</th>
          </tr>
        </thead>
        <tbody>
          {items.map((forbund) => (
            <tr key={forbund.id}>
              <th scope="row">
                <Link to={pathOf('forbund', forbund.id)}>{forbund.name}</Link>
              </th>
              <td className="nowrap">{forbund.organisationsnummer}</td>
              <td>{forbund.lan}</td>
              <td>{forbund.seat}</td>
              <td className="nowrap">{formatDate(forbund.formationDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
