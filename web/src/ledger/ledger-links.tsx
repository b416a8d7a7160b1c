import { useSession } from '../api/session.ts';
import { canBook, canReadLedger } from '../components/permissions.ts';
import { Link } from '../router.tsx';
import {
  currentYear,
  ledgerPath,
  newVoucherPath,
  openingBalancesPath,
  periodsPath,
  reportsPath,
} from './ledger-paths.ts';

/** The way into the ledger from the förbund's page, for the roles that may read it. */
export function LedgerLinks({ forbundId }: { forbundId: string }) {
  const session = useSession();
  if (!canReadLedger(session?.principal)) return null;
  const year = currentYear();
  return (
    <section className="section no-print" aria-labelledby="bokforing-rubrik">
      <h2 id="bokforing-rubrik">Bokföring och rapporter</h2>
      <ul className="link-list">
        <li>
          <Link to={ledgerPath(forbundId)}>Verifikationer {year}</Link>
        </li>
        {canBook(session?.principal) && (
          <li>
            <Link to={newVoucherPath(forbundId)}>Bokför en ny verifikation</Link>
          </li>
        )}
        <li>
          <Link to={reportsPath(forbundId, year)}>Rapporter {year}</Link>: resultaträkning, balansräkning,
          kassaflödesanalys, råbalans och per medlem, med SIE 4-export
        </li>
        <li>
          <Link to={periodsPath(forbundId, year)}>Perioder {year}</Link>: låsta månader
        </li>
        <li>
          <Link to={openingBalancesPath(forbundId, year)}>Ingående balanser {year}</Link>: balanskontonas saldon när
          året börjar, och var de kommer ifrån
        </li>
      </ul>
    </section>
  );
}
