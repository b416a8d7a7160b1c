import type { Member } from '../api/types.ts';
import { formatCount, formatDate } from '../format.ts';
import { memberTypeNames, nameOf } from '../labels.ts';
import { TableScroll } from './table-scroll.tsx';

/** The members named by the förbundsordning in force, in the charter's order. */
export function MemberTable({ members }: { members: Member[] }) {
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
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
