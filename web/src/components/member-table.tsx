import type { Member } from '../api/types.ts';
import { formatCount, formatDate } from '../format.ts';
import { memberTypeNames, nameOf } from '../labels.ts';
import { Link } from '../router.tsx';
import { integrationsPath } from '../webhooks/webhook-paths.ts';
import { TableScroll } from './table-scroll.tsx';

/**
 * The members named by the förbundsordning in force, in the charter's order. With
 * `integrationsOf`, each row links to the member's integration page (for the förbund's administrator).
 */
export function MemberTable({ members, integrationsOf }: { members: Member[]; integrationsOf?: string }) {
  if (members.length === 0) return <p className="empty">Förbundet har inga medlemmar registrerade.</p>;
  const withPopulation = members.some((member) => member.population);
  return (
    <TableScroll label="Medlemmar">
      <table>
        <caption className="visually-hidden">Medlemmar</caption>
        <thead>
          <tr>
            <th scope="col">Medlem</th>
            <th scope="col">Typ</th>
            <th scope="col">Organisationsnummer</th>
            {withPopulation && (
              <th scope="col" className="number">
                Folkmängd
              </th>
            )}
            {integrationsOf && <th scope="col">Integrationer</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id}>
              <th scope="row">{member.name}</th>
              <td>
                {nameOf(memberTypeNames, member.type)}
                {member.outsideRegion && ' (utanför region)'}
              </td>
              <td className="nowrap">{member.organisationsnummer}</td>
              {withPopulation && (
                <td className="number">
                  {member.population
                    ? `${formatCount(member.population.count)} (${formatDate(member.population.referenceDate)})`
                    : '–'}
                </td>
              )}
              {integrationsOf && (
                <td>
                  <Link
                    to={integrationsPath(integrationsOf, member.id)}
                    aria-label={`Integrationer för ${member.name}`}
                  >
                    Integrationer
                  </Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
