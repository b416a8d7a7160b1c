import { useSession } from '../api/session.ts';
import { canReadLedger, isMemberRep } from '../components/permissions.ts';
import { Link } from '../router.tsx';
import { type CyclePage, cyclePath, defaultYear } from './cycle-paths.ts';

const descriptions: [CyclePage, string, string][] = [
  ['arscykel', 'Årscykeln', 'tidslinje, sista dagar och att göra'],
  ['budget', 'Budget', 'förslag, versioner, medlemsbidrag och samråd'],
  ['avrakning', 'Avräkning', 'månadsavräkningar och avräkningsbesked per medlem'],
  ['styrelsen', 'Styrelsens beslut', 'budget, delårsrapporter, uppföljning och årsredovisning'],
  ['revision', 'Revision', 'revisionsberättelser och underlag'],
];

/** The way into the budget year's pages from the förbund's page, each at the year it is for now. */
export function CycleLinks({ forbundId }: { forbundId: string }) {
  const session = useSession();
  const principal = session?.principal;
  const links: [string, string, string][] = [];
  if (isMemberRep(principal)) {
    const year = defaultYear('medlem');
    links.push([cyclePath(forbundId, 'medlem', year), `Medlemssidan ${year}`, 'samråd, avräkningar och ansvarsfrihet']);
  }
  if (canReadLedger(principal))
    for (const [page, label, description] of descriptions) {
      const year = defaultYear(page);
      links.push([cyclePath(forbundId, page, year), `${label} ${year}`, description]);
    }
  if (links.length === 0) return null;
  return (
    <section className="section no-print" aria-labelledby="budgetar-rubrik">
      <h2 id="budgetar-rubrik">Budgetåret</h2>
      <ul className="link-list">
        {links.map(([to, label, description]) => (
          <li key={to}>
            <Link to={to}>{label}</Link>: {description}
          </li>
        ))}
      </ul>
    </section>
  );
}
