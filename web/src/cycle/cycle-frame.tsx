import type { ReactNode } from 'react';
import { getForbund } from '../api/endpoints.ts';
import { useSession } from '../api/session.ts';
import type { Principal } from '../api/types.ts';
import { type Loadable, useApi } from '../api/use-api.ts';
import { Page } from '../components/page.tsx';
import { canReadLedger, isMemberRep } from '../components/permissions.ts';
import { isNotFound } from '../components/status.tsx';
import { YearForm } from '../ledger/year-picker.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { Link, pathOf, usePathname } from '../router.tsx';
import { type CyclePage, cyclePath } from './cycle-paths.ts';

interface FrameProps {
  forbundId: string;
  page: CyclePage;
  year: number;
  /** The page's h1; the window title adds the förbund's name. */
  title: string;
  /** What the page loaded: a 404 from any of them (also another förbund's data) means "not found". */
  loads?: Loadable<unknown>[];
  children: ReactNode;
}

/** Heading, the way back to the förbund, the budget year's pages and the year picker, around every cycle page. */
export function CycleFrame({ forbundId, page, year, title, loads = [], children }: FrameProps) {
  const [forbund] = useApi(`forbund:${forbundId}`, (signal) => getForbund(forbundId, signal));
  if ([forbund, ...loads].some(isNotFound)) return <NotFoundPage />;
  const name = forbund.status === 'ready' ? forbund.data.name : undefined;
  return (
    <Page title={name ? `${title} – ${name}` : title} heading={title}>
      <p className="no-print">
        <Link to={pathOf('forbund', forbundId)}>Tillbaka till {name ?? 'förbundet'}</Link>
      </p>
      {name && <p className="print-only">{name}</p>}
      <CycleNav forbundId={forbundId} year={year} />
      <YearForm year={year} pathFor={(chosen) => cyclePath(forbundId, page, chosen)} label="Budgetår" />
      {children}
    </Page>
  );
}

/** The budget year's pages the user's roles have use for; a member representative has one. */
function cycleLinks(principal: Principal | undefined, forbundId: string, year: number) {
  const links: [string, string][] = [];
  if (isMemberRep(principal)) links.push([cyclePath(forbundId, 'medlem', year), 'Medlemssidan']);
  if (canReadLedger(principal))
    links.push(
      [cyclePath(forbundId, 'arscykel', year), 'Årscykeln'],
      [cyclePath(forbundId, 'budget', year), 'Budget'],
      [cyclePath(forbundId, 'avrakning', year), 'Avräkning'],
      [cyclePath(forbundId, 'styrelsen', year), 'Styrelsens beslut'],
      [cyclePath(forbundId, 'revision', year), 'Revision'],
    );
  return links;
}

function CycleNav({ forbundId, year }: { forbundId: string; year: number }) {
  const session = useSession();
  const pathname = usePathname();
  const links = cycleLinks(session?.principal, forbundId, year);
  if (links.length < 2) return null;
  return (
    <nav aria-label={`Budgetåret ${year}`} className="ledger-nav no-print">
      <ul>
        {links.map(([to, label]) => (
          <li key={label}>
            <Link to={to} aria-current={pathname === to ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page the user's role has no use for, said plainly instead of a page of refusals. */
export function NoAccess({ text }: { text: string }) {
  return (
    <Page title="Ingen behörighet">
      <p>{text}</p>
      <p>
        Gå till <Link to="/">startsidan</Link>.
      </p>
    </Page>
  );
}
