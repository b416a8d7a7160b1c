import { getChart } from '../api/ledger-endpoints.ts';
import { useSession } from '../api/session.ts';
import { useApi } from '../api/use-api.ts';
import { canBook } from '../components/permissions.ts';
import { Loaded } from '../components/status.tsx';
import { LedgerFrame } from '../ledger/ledger-frame.tsx';
import { VoucherForm } from '../ledger/voucher-form.tsx';

export function VoucherNewPage({ forbundId }: { forbundId: string }) {
  const session = useSession();
  const writer = canBook(session?.principal);
  const [chart] = useApi(`chart:${forbundId}`, (signal) => getChart(forbundId, signal));

  return (
    <LedgerFrame forbundId={forbundId} title="Ny verifikation" loads={[chart]}>
      {writer ? (
        <>
          <p>
            Verifikationen numreras när den bokförs och kan sedan inte ändras. Ett fel rättas med en ny verifikation.
          </p>
          <Loaded state={chart} loadingText="Hämtar kontoplanen…">
            {({ accounts }) => <VoucherForm forbundId={forbundId} accounts={accounts} />}
          </Loaded>
        </>
      ) : (
        <p className="notice notice--warning">Din roll kan läsa bokföringen men inte bokföra.</p>
      )}
    </LedgerFrame>
  );
}
