import { getChart, getVoucher } from '../api/ledger-endpoints.ts';
import type { VoucherId } from '../api/ledger-types.ts';
import { useSession } from '../api/session.ts';
import { bothLoaded, useApi } from '../api/use-api.ts';
import { Facts } from '../components/facts.tsx';
import { FlashNotice } from '../components/flash-notice.tsx';
import { canBook } from '../components/permissions.ts';
import { Loaded } from '../components/status.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { nameOf, voucherBasisNames } from '../labels.ts';
import { LedgerFrame } from '../ledger/ledger-frame.tsx';
import { ledgerPath, voucherLabel, voucherPath } from '../ledger/ledger-paths.ts';
import { ReversalForm } from '../ledger/reversal-form.tsx';
import { VoucherLines } from '../ledger/voucher-lines.tsx';
import { Link } from '../router.tsx';

const correctionKindNames = { reversal: 'Återföring av', adjustment: 'Justering av' } as const;

/** One booked voucher: what, when, on what basis, by whom, and its lines; writers may reverse it. */
export function VoucherPage({ forbundId, id }: { forbundId: string; id: VoucherId }) {
  const session = useSession();
  const key = `${forbundId}:${id.year}:${id.series}:${id.number}`;
  const [voucher] = useApi(`voucher:${key}`, (signal) => getVoucher(forbundId, id, signal));
  const [chart] = useApi(`chart:${forbundId}`, (signal) => getChart(forbundId, signal));
  const label = voucherLabel(id);

  return (
    <LedgerFrame forbundId={forbundId} title={`Verifikation ${label} (${id.year})`} year={id.year} loads={[voucher]}>
      <FlashNotice />
      <p className="no-print">
        <Link to={ledgerPath(forbundId, { year: id.year })}>Alla verifikationer {id.year}</Link>
      </p>
      {/* The lines name their accounts, so the voucher is shown once the kontoplan is there too. */}
      <Loaded state={bothLoaded(voucher, chart)} loadingText="Hämtar verifikationen…">
        {([data, { accounts }]) => (
          <>
            <Facts
              rows={[
                ['Datum', formatDate(data.date)],
                ['Text', data.text],
                [
                  'Underlag',
                  data.basis
                    ? `${nameOf(voucherBasisNames, data.basis.kind)}: ${data.basis.reference}`
                    : 'Inget angivet',
                ],
                data.corrects && [
                  'Rättar',
                  <>
                    {correctionKindNames[data.corrects.kind]}{' '}
                    <Link to={voucherPath(forbundId, data.corrects)}>
                      verifikation {voucherLabel(data.corrects)} ({data.corrects.year})
                    </Link>
                  </>,
                ],
                ['Bokförd av', data.bookedBy],
                ['Bokförd', formatDateTime(data.bookedAt)],
              ]}
            />
            <h2>Rader</h2>
            <VoucherLines voucher={data} accounts={accounts} />
            {canBook(session?.principal) && <ReversalForm forbundId={forbundId} voucher={data} />}
          </>
        )}
      </Loaded>
    </LedgerFrame>
  );
}
