import { getCharter, getForbund } from '../api/endpoints.ts';
import { useSession } from '../api/session.ts';
import { useApi } from '../api/use-api.ts';
import { CharterForm } from '../charter-form/charter-form.tsx';
import { Page } from '../components/page.tsx';
import { canEditCharter } from '../components/permissions.ts';
import { isNotFound, Loaded } from '../components/status.tsx';
import { formatDate } from '../format.ts';
import { Link, pathOf } from '../router.tsx';
import { NotFoundPage } from './not-found-page.tsx';

export function CharterEditPage({ forbundId }: { forbundId: string }) {
  const session = useSession();
  const [forbund] = useApi(`forbund:${forbundId}`, (signal) => getForbund(forbundId, signal));
  const [charter, reloadCharter] = useApi(`charter:${forbundId}`, (signal) => getCharter(forbundId, signal));

  if (isNotFound(forbund) || isNotFound(charter)) return <NotFoundPage />;
  const forbundName = forbund.status === 'ready' ? forbund.data.name : undefined;

  return (
    <Page title={`Ändra förbundsordningen${forbundName ? ` – ${forbundName}` : ''}`} heading="Ändra förbundsordningen">
      <p className="no-print">
        <Link to={pathOf('forbund', forbundId)}>Tillbaka till {forbundName ?? 'förbundet'}</Link>
      </p>
      {!canEditCharter(session?.principal) && (
        <p className="notice notice--warning">Din roll kan läsa men inte ändra förbundsordningen.</p>
      )}
      <Loaded state={charter} loadingText="Hämtar förbundsordningen…">
        {(data) => (
          <>
            <p>
              Ändringen sparas som en ny version. Den bygger på version {data.version}, som gäller från{' '}
              {formatDate(data.effectiveFrom)}. Tidigare versioner finns kvar i versionshistoriken.
            </p>
            <CharterForm key={data.version} forbundId={forbundId} charter={data} onReload={reloadCharter} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
