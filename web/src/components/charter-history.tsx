import { listCharterVersions } from '../api/endpoints.ts';
import type { CharterVersion } from '../api/types.ts';
import { usePagedApi } from '../api/use-paged-api.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { MoreButton } from './more-button.tsx';
import { Loaded } from './status.tsx';
import { TableScroll } from './table-scroll.tsx';

/** Every version of the förbundsordning, newest first, with when and by whom it was recorded. */
export function CharterHistory({ forbundId }: { forbundId: string }) {
  const [state, more] = usePagedApi(`versions:${forbundId}`, (cursor, signal) =>
    listCharterVersions(forbundId, cursor, signal),
  );
  return (
    <Loaded state={state} loadingText="Hämtar versioner av förbundsordningen…">
      {({ items }) => (
        <>
          <VersionTable versions={items} />
          <MoreButton more={more} what="versioner" />
        </>
      )}
    </Loaded>
  );
}

function VersionTable({ versions }: { versions: CharterVersion[] }) {
  if (versions.length === 0) return <p className="empty">Förbundsordningen har inga sparade versioner.</p>;
  return (
    <TableScroll label="Versioner av förbundsordningen">
      <table>
        <caption className="visually-hidden">Versioner av förbundsordningen, nyaste först</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Gäller från</th>
            <th scope="col">Beslut</th>
            <th scope="col" className="number">
              Medlemmar
            </th>
            <th scope="col">Registrerad</th>
            <th scope="col">Registrerad av</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.version}>
              <th scope="row">{version.version}</th>
              <td className="nowrap">{formatDate(version.effectiveFrom)}</td>
              <td>{version.decisionReference || '–'}</td>
              <td className="number">{version.members.length}</td>
              <td className="nowrap">{formatDateTime(version.createdAt)}</td>
              <td>{version.createdBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
