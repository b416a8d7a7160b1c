import { listVouchers } from '../api/ledger-endpoints.ts';
import { useSession } from '../api/session.ts';
import { usePagedApi } from '../api/use-paged-api.ts';
import { MoreButton } from '../components/more-button.tsx';
import { canBook } from '../components/permissions.ts';
import { Loaded } from '../components/status.tsx';
import { LedgerFrame } from '../ledger/ledger-frame.tsx';
import { currentYear, newVoucherPath, readYear } from '../ledger/ledger-paths.ts';
import { VoucherFilter } from '../ledger/voucher-filter.tsx';
import { readSeries } from '../ledger/voucher-form-state.ts';
import { VoucherTable } from '../ledger/voucher-table.tsx';
import { Link, useLocationPath } from '../router.tsx';

/** The year's vouchers, per series if asked, a page at a time. Year and series are in the query. */
export function LedgerPage({ forbundId }: { forbundId: string }) {
  const session = useSession();
  const query = new URL(useLocationPath(), window.location.origin).searchParams;
  const year = readYear(query.get('ar')) ?? currentYear();
  const askedSeries = readSeries(query.get('serie') ?? '');
  // A hand-edited address with a series the API cannot hold lists every series instead.
  const series = /^[A-Z0-9]{1,10}$/.test(askedSeries) ? askedSeries : '';
  const [state, more] = usePagedApi(`vouchers:${forbundId}:${year}:${series}`, (cursor, signal) =>
    listVouchers(forbundId, year, series || undefined, cursor, signal),
  );

  return (
    <LedgerFrame forbundId={forbundId} title={`Bokföring ${year}`} year={year} loads={[state]}>
      <VoucherFilter key={`${year}:${series}`} forbundId={forbundId} year={year} series={series} />
      <h2>{series ? `Verifikationer i serie ${series}` : 'Verifikationer'}</h2>
      <Loaded state={state} loadingText="Hämtar verifikationer…">
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">
              {series ? `Inga verifikationer i serie ${series} för ${year}.` : `Inga verifikationer ännu för ${year}.`}
            </p>
          ) : (
            <>
              <VoucherTable forbundId={forbundId} vouchers={items} />
              <MoreButton more={more} what="verifikationer" />
            </>
          )
        }
      </Loaded>
      {canBook(session?.principal) && (
        <p className="no-print">
          <Link to={newVoucherPath(forbundId)} className="button button--secondary">
            Bokför en ny verifikation
          </Link>
        </p>
      )}
    </LedgerFrame>
  );
}
