import type { MorePages } from '../api/use-paged-api.ts';
import { ErrorNotice } from './status.tsx';

/** "Visa fler" under a paged list, with its own status and error. */
export function MoreButton({ more, what }: { more: MorePages; what: string }) {
  return (
    <>
      {more.loadMore && (
        <p>
          <button type="button" className="button button--secondary" onClick={more.loadMore} disabled={more.loading}>
            Visa fler {what}
          </button>
        </p>
      )}
      <p role="status" className="status-inline">
        {more.loading ? `Hämtar fler ${what}…` : ''}
      </p>
      {more.error && <ErrorNotice error={more.error} />}
    </>
  );
}
