import type { ReactNode } from 'react';
import { signOut } from '../api/client.ts';
import { useSession } from '../api/session.ts';
import { signInProvider } from '../auth/active-provider.ts';
import { type CyclePage, cyclePath, defaultYear, nationalPath } from '../cycle/cycle-paths.ts';
import { nameOf, roleNames } from '../labels.ts';
import { mfaPath } from '../pages/mfa-page.tsx';
import { Link, pathOf, usePathname } from '../router.tsx';
import { canPlanBudget, canReadNational, isMemberRep } from './permissions.ts';

export const mainId = 'huvudinnehall';

/** The frame of every page: skip link, header with navigation, the main landmark, footer. */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href={`#${mainId}`}>
        Hoppa till huvudinnehållet
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-name">
            Finsam Cloud
          </Link>
          <SiteNavigation />
        </div>
      </header>
      <main id={mainId} tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>Finsam Cloud – ekonomi och uppföljning för samordningsförbund</p>
      </footer>
    </>
  );
}

function SiteNavigation() {
  const session = useSession();
  const pathname = usePathname();
  if (!session) return null;
  const { principal } = session;
  // [to, label, the path prefix of the section the link leads into (any year)]
  const links: [string, string, string?][] = [];
  if (principal.roles.includes('platform-admin')) links.push(['/forbund', 'Förbund']);
  const forbundId = principal.forbundId;
  if (forbundId) {
    links.push([pathOf('forbund', forbundId), 'Mitt förbund']);
    const section = (page: CyclePage, label: string): [string, string, string] => [
      cyclePath(forbundId, page, defaultYear(page)),
      label,
      `${pathOf('forbund', forbundId, page)}/`,
    ];
    if (canPlanBudget(principal)) links.push(section('arscykel', 'Årscykeln'));
    if (isMemberRep(principal)) links.push(section('medlem', 'Medlemssidan'));
    if (principal.roles.includes('styrelse')) links.push(section('styrelsen', 'Styrelsens beslut'));
    if (principal.roles.includes('revisor')) links.push(section('revision', 'Revision'));
  }
  if (canReadNational(principal))
    links.push([nationalPath(defaultYear('arscykel')), 'Nationell statistik', '/nationellt/']);

  return (
    <>
      {links.length > 0 && (
        <nav aria-label="Huvudmeny" className="site-nav">
          <ul>
            {links.map(([to, label, section]) => (
              <li key={to}>
                <Link
                  to={to}
                  aria-current={pathname === to || (section && pathname.startsWith(section)) ? 'page' : undefined}
                >
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="site-user">
        <p>
          <span className="site-user__name">{principal.name}</span>
          <span className="site-user__roles">{principal.roles.map((role) => nameOf(roleNames, role)).join(', ')}</span>
        </p>
        {signInProvider().mfa && <Link to={mfaPath}>Tvåstegsverifiering</Link>}
        <button type="button" className="button button--secondary" onClick={() => void signOut('signed-out')}>
          Logga ut
        </button>
      </div>
    </>
  );
}
