import { listForbund } from '../api/endpoints.ts';
import { useSession } from '../api/session.ts';
import type { Forbund } from '../api/types.ts';
import { usePagedApi } from '../api/use-paged-api.ts';
import { ForbundCreateForm } from '../components/forbund-create-form.tsx';
import { MoreButton } from '../components/more-button.tsx';
import { Page } from '../components/page.tsx';
import { Loaded } from '../components/status.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatDate } from '../format.ts';
import { Link, pathOf } from '../router.tsx';

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

/**
 * The API has no call for inviting users, so the portal offers none: accounts live in the user
 * directory (Cognito in AWS), which also carries each user's förbund, roles and member.
 */
function UserNote() {
  return (
    <div className="notice notice--info">
      <p className="notice__title">Användare bjuds in utanför portalen</p>
      <p>
        När förbundet är skapat läggs dess användare (ekonom, förbundschef, styrelse, revisorer och medlemmarnas
        representanter) upp i användarkatalogen: i Amazon Cognito i AWS, och i den lokala användarkatalogen när Finsam
        Cloud körs lokalt. Där anges användarens förbund, roll och, för en medlemsrepresentant, vilken medlem hen
        företräder.
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
