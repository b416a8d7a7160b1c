import type { ReactNode } from 'react';
import { getForbund } from '../api/endpoints.ts';
import { useSession } from '../api/session.ts';
import { type Loadable, useApi } from '../api/use-api.ts';
import { Page } from '../components/page.tsx';
import { canBook, canReadLedger } from '../components/permissions.ts';
import { isNotFound } from '../components/status.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { Link, pathOf, usePathname } from '../router.tsx';
import {
  currentYear,
  ledgerPath,
  newVoucherPath,
  openingBalancesPath,
  periodsPath,
  reportsPath,
} from './ledger-paths.ts';

/**
 * Member representatives never see the ledger (the API refuses them). Checked before a ledger
 * page mounts, so it does not even ask.
 */
export function LedgerGate({ children }: { children: ReactNode }) {
  const session = useSession();
  if (canReadLedger(session?.principal)) return children;
  return (
    <Page title="Ingen behörighet">
      <p>Din roll ger inte tillgång till förbundets bokföring.</p>
      <p>
        Gå till <Link to="/">startsidan</Link>.
      </p>
    </Page>
  );
}

interface FrameProps {
  forbundId: string;
  /** The page's h1; the window title adds the förbund's name. */
  title: string;
  /** The year the ledger links point at. */
  year?: number;
  /** What the page loaded: a 404 from any of them (also another förbund's data) means "not found". */
  loads?: Loadable<unknown>[];
  children: ReactNode;
}

/** Heading, the way back to the förbund and the ledger's own navigation, around every ledger page. */
export function LedgerFrame({ forbundId, title, year, loads = [], children }: FrameProps) {
  const [forbund] = useApi(`forbund:${forbundId}`, (signal) => getForbund(forbundId, signal));
  if ([forbund, ...loads].some(isNotFound)) return <NotFoundPage />;
  const name = forbund.status === 'ready' ? forbund.data.name : undefined;
  return (
    <Page title={name ? `${title} – ${name}` : title} heading={title}>
      <p className="no-print">
        <Link to={pathOf('forbund', forbundId)}>Tillbaka till {name ?? 'förbundet'}</Link>
      </p>
      {name && <p className="print-only">{name}</p>}
      <LedgerNav forbundId={forbundId} year={year ?? currentYear()} />
      {children}
    </Page>
  );
}

function LedgerNav({ forbundId, year }: { forbundId: string; year: number }) {
  const session = useSession();
  const pathname = usePathname();
  const links: [string, string][] = [
    [ledgerPath(forbundId), 'Verifikationer'],
    ...(canBook(session?.principal) ? [[newVoucherPath(forbundId), 'Ny verifikation'] as [string, string]] : []),
    [reportsPath(forbundId, year), 'Rapporter'],
    [periodsPath(forbundId, year), 'Perioder'],
    [openingBalancesPath(forbundId, year), 'Ingående balanser'],
  ];
  return (
    <nav aria-label="Bokföring" className="ledger-nav no-print">
      <ul>
        {links.map(([to, label]) => (
          <li key={label}>
            <Link to={to} aria-current={pathname === to.split('?')[0] ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
