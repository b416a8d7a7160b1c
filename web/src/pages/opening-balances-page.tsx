import { useState } from 'react';
import { getChart, getOpeningBalances, getPeriods, yearHasVouchers } from '../api/ledger-endpoints.ts';
import type { Account, OpeningBalances } from '../api/ledger-types.ts';
import { useSession } from '../api/session.ts';
import { bothLoaded, useApi } from '../api/use-api.ts';
import { Facts } from '../components/facts.tsx';
import { canEnterOpeningBalances } from '../components/permissions.ts';
import { Loaded, Notice } from '../components/status.tsx';
import { LedgerFrame } from '../ledger/ledger-frame.tsx';
import { openingBalancesPath } from '../ledger/ledger-paths.ts';
import { OpeningBalancesForm } from '../ledger/opening-balances-form.tsx';
import { OpeningBalancesSieForm } from '../ledger/opening-balances-sie-form.tsx';
import { balanceAccounts, sourceText } from '../ledger/opening-balances-state.ts';
import { OpeningBalancesTable } from '../ledger/opening-balances-table.tsx';
import { YearForm } from '../ledger/year-picker.tsx';

/**
 * A year's ingående balanser and where they come from. Every year's are written by the bokslut
 * of the year before; only the first year a förbund keeps its books here are they entered by
 * hand, once, from its previous books (routes/ledger-openings.ts).
 */
export function OpeningBalancesPage({ forbundId, year }: { forbundId: string; year: number }) {
  const key = `${forbundId}:${year}`;
  const [opening, reloadOpening] = useApi(`opening:${key}`, (signal) => getOpeningBalances(forbundId, year, signal));
  const [chart] = useApi(`chart:${forbundId}`, (signal) => getChart(forbundId, signal));
  // The year before booked here means its bokslut carries the balances over (the API's 409).
  const [previousBooked, reloadPrevious] = useApi(`booked:${forbundId}:${year - 1}`, (signal) =>
    yearHasVouchers(forbundId, year - 1, signal),
  );
  const [periods] = useApi(`periods:${key}`, (signal) => getPeriods(forbundId, year, signal));
  const [notice, setNotice] = useState('');
  const [conflict, setConflict] = useState('');
  const state = bothLoaded(bothLoaded(opening, chart), bothLoaded(previousBooked, periods));

  return (
    <LedgerFrame forbundId={forbundId} title={`Ingående balanser ${year}`} year={year} loads={[opening]}>
      <YearForm year={year} pathFor={(chosen) => openingBalancesPath(forbundId, chosen)} />
      {notice && (
        <Notice focus key={notice}>
          {notice}
        </Notice>
      )}
      {conflict && (
        <div className="notice notice--warning" role="alert">
          <p className="notice__title">De ingående balanserna kunde inte registreras.</p>
          <p>{conflict}</p>
        </div>
      )}
      <p>Ingående balanser är balanskontonas saldon när räkenskapsåret {year} börjar.</p>
      <Loaded state={state} loadingText="Hämtar de ingående balanserna…">
        {([[data, { accounts }], [booked, { yearLocked }]]) => (
          <OpeningView
            forbundId={forbundId}
            opening={data}
            accounts={accounts}
            previousBooked={booked}
            yearLocked={yearLocked}
            onEntered={() => {
              setConflict('');
              setNotice(`De ingående balanserna för ${year} är registrerade.`);
              reloadOpening();
            }}
            onConflict={(detail) => {
              setConflict(detail);
              reloadOpening();
              reloadPrevious();
            }}
          />
        )}
      </Loaded>
    </LedgerFrame>
  );
}

function OpeningView({
  forbundId,
  opening,
  accounts,
  previousBooked,
  yearLocked,
  onEntered,
  onConflict,
}: {
  forbundId: string;
  opening: OpeningBalances;
  accounts: Account[];
  previousBooked: boolean;
  yearLocked: boolean;
  onEntered: () => void;
  onConflict: (detail: string) => void;
}) {
  const session = useSession();
  const { year, source } = opening;
  if (source !== undefined)
    return (
      <>
        <Facts rows={[['Källa', sourceText(source)]]} />
        <OpeningBalancesTable balances={opening.balances} accounts={accounts} year={year} />
        <p>
          De ingående balanserna förs in en gång och ändras inte. Ett fel rättas med en verifikation i {year}, så att
          det syns i bokföringen.
        </p>
      </>
    );
  if (previousBooked)
    return (
      <p>
        {year - 1} bokfördes i Finsam Cloud, så de ingående balanserna för {year} kommer från bokslutet för {year - 1}.
        De visas här när bokslutet är gjort.
      </p>
    );
  return (
    <>
      <p>
        Inga ingående balanser är registrerade för {year}. De förs in en gång, för det första året förbundet för sin
        bokföring i Finsam Cloud: förbundets utgående balanser från den tidigare bokföringen. Varje följande år förs de
        över av bokslutet. Rättelser efteråt görs med en verifikation i året.
      </p>
      {yearLocked ? (
        <p>Räkenskapsåret {year} är låst; ingående balanser kan inte längre föras in.</p>
      ) : canEnterOpeningBalances(session?.principal) ? (
        <>
          <OpeningBalancesSieForm forbundId={forbundId} year={year} onEntered={onEntered} onConflict={onConflict} />
          <OpeningBalancesForm
            forbundId={forbundId}
            year={year}
            accounts={balanceAccounts(accounts)}
            onEntered={onEntered}
            onConflict={onConflict}
          />
        </>
      ) : (
        <p>Förbundets ekonom eller administratör för in dem.</p>
      )}
    </>
  );
}
